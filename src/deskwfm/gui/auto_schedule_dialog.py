"""Schedule → Auto-schedule…: what to schedule, the run, and the proposal to accept or not.

One window, two pages. The first asks for the range (the view on screen first, a pay period or
any dates: ``PeriodPicker``), the team, how long to search and the seed (the same seed gives the
same proposal). Run starts the scheduler on a worker (``BackgroundJob``: a progress dialog with
Cancel after a moment; the event loop never waits); Cancel stops the solver at once and nothing
is shown or written. The second page is the proposal (``ProposalView``): Accept writes it
through the window's session as one change set and one undo step (audited as "automatic
schedule"; a cell filled meanwhile on another workstation refuses the whole proposal, and the
grid reloads); Discard, Escape or closing the window writes nothing.

OR-Tools is imported by the scheduler when the run starts, on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import render, tr, tr_n
from deskwfm.core.messages import Msg, msg
from deskwfm.gui.background import BackgroundJob, Progress
from deskwfm.gui.dialogs.forms import ErrorLabel
from deskwfm.gui.period_picker import PeriodPicker
from deskwfm.gui.status import show_message

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.proposal_view import Prepared, ProposalView
    from deskwfm.scheduler.problem import Control
    from deskwfm.services.workspace import Workspace

DEFAULT_SECONDS = 30
STEPS = 1000  # progress is a share of the run, shown in thousandths


@dataclass(frozen=True, slots=True)
class AutoRequest:
    start: date
    end: date
    team: str | None
    seconds: int
    seed: int


def prepare(ws: Workspace, req: AutoRequest, control: Control) -> Prepared | None:
    """Run the scheduler and read what the proposal's grid needs (on the worker thread). None
    when the run was cancelled."""
    from deskwfm.gui.proposal_view import Prepared
    from deskwfm.scheduler.problem import Settings
    from deskwfm.services.auto_schedule import propose
    from deskwfm.services.forecast import load_staffing
    from deskwfm.services.schedule import load_schedule

    auto = propose(ws, req.start, req.end, req.team, Settings(time_limit=req.seconds, seed=req.seed), control)
    if control.cancelled:
        return None
    return Prepared(auto, load_schedule(ws, req.start, req.end), load_staffing(ws, req.start, req.end))


class AutoScheduleDialog(QDialog):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.setObjectName("autoScheduleDialog")
        self.setWindowTitle(tr("Auto-schedule"))
        self.win = win
        self.session = win.session
        st = self.session.state
        self.job: BackgroundJob[Prepared | None] | None = None
        self.control: Control | None = None
        self.view: ProposalView | None = None
        self.written = 0  # shifts written by Accept

        # -- page 1: the question
        self.picker = PeriodPicker(st.site, self.session.anchor, view=(st.days[0], st.days[-1]),
                                   start_on_view=True, payroll=False)
        self.team_combo = QComboBox()
        self.team_combo.addItem(tr("All teams"), None)
        for team in st.teams():
            if team:
                self.team_combo.addItem(team, team)
        if self.session.team is not None:
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(self.session.team)))
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(1, 600)
        self.seconds_spin.setValue(DEFAULT_SECONDS)
        self.seconds_spin.setSuffix(" s")
        self.seconds_spin.setToolTip(tr("The search stops at this time and proposes the best schedule found"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(1, 1_000_000)
        self.seed_spin.setValue(1)
        self.seed_spin.setToolTip(tr("The same seed gives the same proposal; another seed may find another"))
        note = QLabel(tr(
            "Fills the empty cells of the range with the site's work shift codes (and the start times and "
            "lengths of Settings \u2192 Site) so that the call forecast is covered within the rules. "
            "Shifts already on the schedule, leave, sickness and locked pay periods stay as they are; the "
            "other teams' shifts still count as coverage. Nothing is written until you accept the "
            "proposal."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #505865;")
        form = QFormLayout()
        form.addRow(tr("&Range"), self.picker)
        form.addRow(tr("&Team"), self.team_combo)
        form.addRow(tr("Search for &at most"), self.seconds_spin)
        form.addRow(tr("S&eed"), self.seed_spin)
        self.message = ErrorLabel()
        self.run_button = QPushButton(tr("&Run"))
        self.run_button.setDefault(True)
        self.close_button = QPushButton(tr("Close"))
        ask_buttons = QHBoxLayout()
        ask_buttons.addStretch(1)
        ask_buttons.addWidget(self.run_button)
        ask_buttons.addWidget(self.close_button)
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addLayout(form)
        ask_layout.addWidget(note)
        ask_layout.addStretch(1)

        # -- page 2: the proposal (made when a run ends)
        self.proposal_page = QWidget()
        self.proposal_layout = QVBoxLayout(self.proposal_page)
        self.proposal_layout.setContentsMargins(0, 0, 0, 0)
        self.accept_button = QPushButton(tr("&Accept"))
        self.accept_button.setToolTip(tr("Write the proposal into the schedule (one step of Undo)"))
        self.again_button = QPushButton(tr("Change and run a&gain"))
        self.discard_button = QPushButton(tr("&Discard"))
        self.discard_button.setToolTip(tr("Close without writing anything"))
        answer_buttons = QHBoxLayout()
        answer_buttons.addWidget(self.again_button)
        answer_buttons.addStretch(1)
        answer_buttons.addWidget(self.accept_button)
        answer_buttons.addWidget(self.discard_button)
        self.proposal_layout.addLayout(answer_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(self.proposal_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.ask_buttons = QWidget()
        self.ask_buttons.setLayout(ask_buttons)
        layout.addWidget(self.ask_buttons)

        self.run_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_proposal)
        self.discard_button.clicked.connect(self.reject)
        self.again_button.clicked.connect(self.ask_again)
        for spin in (self.seconds_spin, self.seed_spin):
            spin.setMaximumWidth(120)
        self.resize(self.sizeHint().expandedTo(QSize(560, 0)))
        self._ask_size = self.size()

    # -- the question ---------------------------------------------------------------------------
    def request(self) -> AutoRequest:
        rng = self.picker.range()
        return AutoRequest(rng.start, rng.end, self.team_combo.currentData(), self.seconds_spin.value(),
                           self.seed_spin.value())

    def run(self) -> None:
        """Start the scheduler on a worker; the dialog stays responsive, with progress and Cancel."""
        from deskwfm.scheduler.problem import Control

        req = self.request()
        self.message.clear_message()
        self.run_button.setEnabled(False)
        latest: list[Msg] = [msg("reading the schedule and the forecast")]
        self.control = control = Control()

        def work(progress: Progress) -> Prepared | None:
            def report(share: float, what: Msg) -> None:  # on the worker thread: plain data only
                latest[0] = what
                progress(round(share * STEPS), STEPS)

            control.progress = report
            return prepare(self.session.ws, req, control)

        self.job = BackgroundJob(self, tr("Auto-schedule"), work, self._done, self._failed,
                                 lambda done, total: render(latest[0]).capitalize(),
                                 tr("Reading the schedule and the forecast\u2026"))
        self.job.dialog.canceled.connect(control.cancel)  # stops the running solve at once
        self.job.finished.connect(lambda: self.run_button.setEnabled(True))
        self.job.start()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeskwfmError):
            text = str(exc)  # core's messages start in lower case, to follow "error:" on the CLI
            self.message.show_error(text[:1].upper() + text[1:])
            self._grow_to_fit()
            return
        raise exc

    def _done(self, prepared: Prepared | None) -> None:
        if prepared is None or (self.job is not None and self.job.cancelled):
            self.message.show_info(tr("Cancelled; nothing was written."))
            self._grow_to_fit()
            return
        if not prepared.auto.shifts:
            self.message.show_info(nothing_text(prepared))
            self._grow_to_fit()
            return
        self.show_proposal(prepared)

    def _grow_to_fit(self) -> None:
        """Taller when a message of two or three lines appears under the form: a wrapped label's
        height does not reach the window's minimum size, and the range picker was squeezed."""
        if self.pages.currentIndex() != 0:
            return
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = self.width()
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        self.resize(width, max(self.height(), need, self.sizeHint().height()))

    # -- the proposal ---------------------------------------------------------------------------
    def show_proposal(self, prepared: Prepared) -> None:
        from deskwfm.gui.proposal_view import ProposalView

        if self.view is not None:
            self.view.setParent(None)
            self.view.deleteLater()
        self.view = ProposalView(prepared, self.proposal_page)
        self.proposal_layout.insertWidget(0, self.view, 1)
        self.pages.setCurrentWidget(self.proposal_page)
        self.ask_buttons.hide()
        self.message.clear_message()
        self.accept_button.setDefault(True)
        fit_to_screen(self, 1400, 900)
        self.view.table.setFocus()

    def ask_again(self) -> None:
        """Back to the question, at the question's size (not the proposal's whole screen): the
        proposal is dropped (there is no way back to it but a new run), so its page no longer
        holds the window's minimum size up."""
        if self.view is not None:
            self.view.setParent(None)
            self.view.deleteLater()
            self.view = None
        self.pages.setCurrentIndex(0)
        self.ask_buttons.show()
        self.run_button.setDefault(True)
        fit_to_screen(self, self._ask_size.width(), self._ask_size.height())

    def accept_proposal(self) -> None:
        """Write the proposal as one change set and one undo step, then close."""
        from deskwfm.services.auto_schedule import accept

        if self.view is None:
            return
        auto = self.view.auto

        def label(n: int) -> str:
            return tr_n("Auto-schedule {n} shift", "Auto-schedule {n} shifts", n).format(n=n)

        if self.session.run(label, lambda: accept(self.session.ws, auto)):
            self.written = len(auto.shifts)
            show_message(self.win.statusBar(), render(msg(
                "Wrote the proposal: {n:num} shifts in one step (Edit \u2192 Undo takes it back)",
                n=self.written)))
            self.accept()
        else:  # refused (a cell filled meanwhile): the window says why and shows the schedule now
            self.reject()

    # -- closing --------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.job is not None and not self.job.done:
            if self.control is not None:
                self.control.cancel()
            self.job.abandon()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()


def nothing_text(prepared: Prepared) -> str:
    """Why a run proposed no shift (and which days it left alone for want of a forecast)."""
    from deskwfm.services.auto_schedule import no_forecast_note

    if prepared.auto.before.total.short_agent_minutes == 0:
        text = tr("Nothing to propose: the forecast of this range is covered already.")
    else:
        text = tr("Nothing to propose: no empty cell can take a shift within the rules, the employees' "
                  "availability, their contract hours and locked pay periods. Clear some cells, or add "
                  "people or shift codes.")
    unforecast = no_forecast_note(prepared.auto.no_forecast)
    return text if unforecast is None else text + " " + render(unforecast)


def fit_to_screen(w: QWidget, width: int, height: int) -> None:
    """Up to ``width`` x ``height``, never larger than the screen, centred on it."""
    screen = w.screen()
    if screen is None:
        w.resize(width, height)
        return
    area = screen.availableGeometry()
    size = QSize(min(width, area.width() - 24), min(height, area.height() - 24))
    centre = Qt.AlignmentFlag.AlignCenter
    w.setGeometry(QStyle.alignedRect(Qt.LayoutDirection.LeftToRight, centre, size, area))


def auto_schedule(win: MainWindow) -> AutoScheduleDialog:
    """Open the dialog (window-modal; the event loop keeps running)."""
    dlg = AutoScheduleDialog(win)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
