"""The team filter in the toolbar: all teams, or one team's rows (the totals follow the rows)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from deskwfm.core.i18n import tr
from deskwfm.gui.session import ScheduleSession


class TeamFilter(QComboBox):
    def __init__(self, session: ScheduleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamFilter")
        self.setToolTip(tr("Show one team's rows; the totals add up the rows shown"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._session = session
        self.activated.connect(self._chosen)
        session.loaded.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        """Teams of the active employees; the current filter stays selected."""
        self.blockSignals(True)
        self.clear()
        self.addItem(tr("All teams"), None)
        for team in self._session.state.teams():
            self.addItem(team or tr("(no team)"), team)
        shown = self._session.team
        self.setCurrentIndex(0 if shown is None else max(0, self.findData(shown)))
        self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        team = self.itemData(index)
        self._session.set_team(team if isinstance(team, str) else None)
