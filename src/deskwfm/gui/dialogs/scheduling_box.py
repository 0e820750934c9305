"""Settings → Site: the roster rules (warnings in the grid, never broken by the automatic
scheduler) and the start times and lengths the scheduler may use besides the work codes.

A box of its own, so the site dialog only loads it and reads it back. The counts are spin boxes
whose lowest value reads "off" (the rule is switched off); the start times and lengths are read
by core's one reader of them (``core.auto_shapes``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from deskwfm.core.auto_shapes import lengths_text, parse_lengths, parse_starts, starts_text
from deskwfm.core.i18n import tr
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.forms import add_row


def _count(parent: QWidget, most: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, most)
    spin.setSpecialValueText(tr("off"))
    spin.setSuffix(suffix)
    spin.setMaximumWidth(110)
    return spin


class SchedulingBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Roster rules and automatic scheduling"), parent)
        self.setObjectName("schedulingBox")
        self.days_spin = _count(self, 31, tr(" days"))
        self.weekend_spin = _count(self, 12, tr(" weeks"))
        self.nights_spin = _count(self, 31, tr(" nights"))
        self.day_after_night_check = QCheckBox(tr("No day or late shift straight after a night"), self)
        self.starts_edit = QLineEdit(self)
        self.starts_edit.setPlaceholderText(tr("e.g. 06:00-14:00/30, 16:00"))
        self.starts_edit.setToolTip(tr(
            "Start times the automatic scheduler may use besides the work shift codes: times, or a run "
            "such as 06:00-14:00/30 (every 30 minutes from 06:00 to 14:00). Blank: the work codes only."))
        self.lengths_edit = QLineEdit(self)
        self.lengths_edit.setPlaceholderText(tr("e.g. 8.5, 10"))
        self.lengths_edit.setToolTip(tr(
            "Hours from start to end of those shifts; each takes the breaks of the work code closest in "
            "length"))
        form = QFormLayout(self)
        add_row(form, tr("Work days in a row, at most"), self.days_spin)
        add_row(form, tr("A Saturday or Sunday off in every"), self.weekend_spin)
        add_row(form, tr("Nights in a row, at most"), self.nights_spin)
        form.addRow("", self.day_after_night_check)
        add_row(form, tr("Scheduler's start times"), self.starts_edit)
        add_row(form, tr("Scheduler's shift lengths (h)"), self.lengths_edit)

    def widgets(self) -> list[QWidget]:
        """In tab order."""
        return [self.days_spin, self.weekend_spin, self.nights_spin, self.day_after_night_check,
                self.starts_edit, self.lengths_edit]

    def load(self, site: SiteSettings) -> None:
        r = site.rules
        self.days_spin.setValue(r.max_consecutive_days or 0)
        self.weekend_spin.setValue(r.weekend_off_weeks or 0)
        self.nights_spin.setValue(r.max_nights_in_row or 0)
        self.day_after_night_check.setChecked(r.no_day_after_night)
        self.starts_edit.setText(starts_text(site.auto_starts))
        self.lengths_edit.setText(lengths_text(site.auto_lengths))

    def apply(self, site: SiteSettings) -> SiteSettings:
        """``site`` with the box's values (FieldError for start times or lengths it cannot read)."""
        rules = site.rules.with_changes(
            max_consecutive_days=self.days_spin.value() or None,
            weekend_off_weeks=self.weekend_spin.value() or None,
            max_nights_in_row=self.nights_spin.value() or None,
            no_day_after_night=self.day_after_night_check.isChecked(),
        )
        return site.with_changes(rules=rules, auto_starts=parse_starts(self.starts_edit.text()),
                                 auto_lengths=parse_lengths(self.lengths_edit.text()))
