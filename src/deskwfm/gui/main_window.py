"""The main window: wires menus, toolbars and the status bar to the session and edit operations.

No SQL, rules or parsing here: every slot calls one service, one session method or one
edit operation, and reports what happened in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import format_int, render, tr, tr_n
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.gui import edit_ops
from deskwfm.gui.actions import build_menus
from deskwfm.gui.cell_menu import show_cell_menu
from deskwfm.gui.copy_week_dialog import CopyChoice, CopyWeekDialog
from deskwfm.gui.exceptions_panel import ExceptionsDock
from deskwfm.gui.find_bar import FindBar
from deskwfm.gui.first_paint import after_first_paint
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.grid_view import GridWidget
from deskwfm.gui.guard import faults
from deskwfm.gui.nav import NavBar
from deskwfm.gui.notes import edit_note, remove_actual_note
from deskwfm.gui.palette import PaletteBar
from deskwfm.gui.refresh import ChangeWatcher
from deskwfm.gui.session import ScheduleSession
from deskwfm.gui.settings import COVERAGE_CHART, add_recent, app_settings, flag, recent_files
from deskwfm.gui.status import SelectionSum, clear_error, show_message
from deskwfm.gui.team_filter import TeamFilter
from deskwfm.gui.view_mode import ModeBar
from deskwfm.gui.view_range import ViewKind
from deskwfm.services.schedule_tools import WeekCopyPlan
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:  # imported where they are used: the window opens without them
    from deskwfm.gui.actual_import import ActualImport
    from deskwfm.gui.empty_hint import EmptyScheduleHint
    from deskwfm.gui.session import RefusedEdit

T = TypeVar("T")
FILE_FILTER = N_("deskwfm databases (*.sqlite3 *.sqlite *.db *.deskwfm);;All files (*)")


class MainWindow(QMainWindow):
    def __init__(
        self,
        ws: Workspace,
        kind: ViewKind | None = None,
        anchor: date | None = None,
        parent: QWidget | None = None,
        *,
        remember: bool = True,
        paint_first: bool = False,
    ) -> None:
        """``remember=False`` (screenshots) neither restores nor saves geometry, view or recent files.
        ``paint_first`` (the program's start): the pay totals, warning corners and Short row are
        worked out just after the grid's first paint, so the window appears sooner."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._remember = remember
        settings = app_settings()
        if kind is None and remember:
            try:
                kind = ViewKind(str(settings.value("view", ViewKind.WEEK.value)))
            except ValueError:
                kind = ViewKind.WEEK
        kind = kind or ViewKind.WEEK
        self.session = ScheduleSession(ws, kind, anchor or date.today(), self, paint_first=paint_first)
        self.grid = GridWidget(self.session, self)
        self.find_bar = FindBar(self.session, self.grid.table, self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.find_bar)
        self.mode_bar = ModeBar(self)
        central_layout.addWidget(self.mode_bar.legend)  # the Actual or Variance view's legend
        central_layout.addWidget(self.grid, 1)
        self.setCentralWidget(central)
        self.empty_hint: EmptyScheduleHint | None = None  # made when the schedule is empty
        self.actual_import: ActualImport | None = None  # the last File → Import actual time
        self.nav = NavBar(self)
        self.addToolBar(self.nav)
        self.team_filter = TeamFilter(self.session, self)
        self.nav.addSeparator()
        self.nav.addWidget(self.team_filter)
        self.cell_menu: QMenu | None = None
        self._fault_shown = False
        self.addToolBar(self.mode_bar)
        self.code_bar = PaletteBar(self.apply_code, self)
        self.addToolBar(self.code_bar)
        self.exceptions_dock = ExceptionsDock(self.session, self.grid.table, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.exceptions_dock)
        self.exceptions_dock.hide()
        self.actions_ = build_menus(self)
        if remember and flag(COVERAGE_CHART):  # left open last time: shown once the grid is on screen
            after_first_paint(self.grid.table.viewport(), lambda: self.actions_.coverage.setChecked(True))
        self.selection_sum = SelectionSum(self.session, self.grid.table, self)
        self.statusBar().addPermanentWidget(self.selection_sum)
        self.actor_label = QLabel(ws.actor.label)
        self.actor_label.setObjectName("actorLabel")
        self.actor_label.setToolTip(tr("Changes made here are recorded in the audit trail as made by this "
                                       "login on this workstation"))
        self.statusBar().addPermanentWidget(self.actor_label)

        self.nav.prev_action.triggered.connect(lambda: self.session.go(-1))
        self.nav.next_action.triggered.connect(lambda: self.session.go(1))
        self.nav.today_action.triggered.connect(lambda: self.session.show(anchor=date.today()))
        self.nav.view_chosen.connect(self.set_view)
        self.mode_bar.mode_chosen.connect(self.session.set_mode)
        self.mode_bar.confirm_action.triggered.connect(lambda _=False: self.confirm_scheduled())
        self.session.mode_changed.connect(self._mode_changed)
        self.grid.table.clear_requested.connect(self.clear_cells)
        self.grid.table.menu_requested.connect(lambda pos: show_cell_menu(self, pos))
        self.grid.delegate.refused.connect(lambda m: show_message(self.statusBar(), m, error=True))
        self.grid.delegate.cancelled.connect(lambda: clear_error(self.statusBar()))
        faults().fault.connect(self.show_fault)
        self.session.error.connect(self.show_error)
        self.session.message.connect(lambda m: show_message(self.statusBar(), m))
        self.session.loaded.connect(self._on_loaded)
        self.session.stale_refused.connect(self._offer_reapply)
        self.watcher = ChangeWatcher(self.session, self.grid.table, self)
        self.watcher.refreshed.connect(
            lambda: show_message(self.statusBar(), tr("Updated with changes made on another workstation"))
        )

        self.resize(1440, 860)
        if remember:
            geometry = settings.value("geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)
            state = settings.value("windowState")
            if isinstance(state, QByteArray) and not state.isEmpty():
                self.restoreState(state)
            add_recent(ws.location)
        self._on_loaded()
        first = self.session.grid_model.index(0, 0)
        if first.isValid():
            self.grid.table.setCurrentIndex(first)
        self.grid.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if paint_first:
            after_first_paint(self.grid.table.viewport(), self.session.complete)
        self.statusBar().showMessage(
            tr("Type 9-17, 22-6/30 or a code (D, N, VAC) into a cell · Enter/Tab commit · "
            "Ctrl+V pastes from Excel · Ctrl+Z undoes"),
            15000,
        )

    # -- state shown -----------------------------------------------------------------------
    def fit_screen(self, available: QRect | None = None) -> None:
        """Shrink the window to the screen's free area (a 1280 x 800 laptop, a panel taking some
        height) so that its frame and status bar are never off screen; a large screen keeps the
        window's size."""
        if available is None:
            screen = self.screen()
            if screen is None:
                return
            available = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.size()  # title bar and borders
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(available.topLeft())

    def _on_loaded(self) -> None:
        st = self.session.state
        self.setWindowTitle(f"{self.session.ws.title} — {st.site.name} — deskwfm")
        self.nav.show_range(self.session.kind, st.data.start, st.data.end)
        self.actions_.views[self.session.kind].setChecked(True)
        self._fill_palette()
        self.grid.after_reset()
        n = len(st.employees)
        total = tr_n("Total of {n} person", "Total of {n} people", n).format(n=format_int(n))
        self.grid.footer_note.setText(total + " ")
        if st.row_count == 0 and self.empty_hint is None:
            from deskwfm.gui.empty_hint import EmptyScheduleHint

            self.empty_hint = EmptyScheduleHint(
                self.grid.table.viewport(), self.edit_employees, self.import_workbook
            )
        if self.empty_hint is not None:
            self.empty_hint.set_empty(st.row_count == 0)

    def _fill_palette(self) -> None:
        """Shift codes in the Schedule view; absence codes where typing records actual time."""
        st = self.session.state
        if self.session.mode.records_actual and st.actual is not None:
            self.code_bar.set_absence_codes(list(st.actual.codes.values()))
        else:
            self.code_bar.set_codes(list(st.data.codes.values()))

    def _mode_changed(self, mode: GridMode) -> None:
        self.mode_bar.show_mode(mode)
        self._fill_palette()
        show_message(self.statusBar(), tr(mode.label) + " · " + self.mode_bar.mode_actions[mode].statusTip())

    def _offer_reapply(self, refused: RefusedEdit) -> None:
        from deskwfm.gui.stale_offer import offer_reapply

        offer_reapply(self, refused)

    def show_error(self, text: str) -> None:
        """A failed File action: a dialog (design.md: the GUI shows a dialog) and the status bar."""
        show_message(self.statusBar(), text, error=True)

        box = QMessageBox(QMessageBox.Icon.Warning, "deskwfm", text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, does not block the event loop

    def show_fault(self, text: str) -> None:
        """A fault inside a paint or a model (guard.py): the first one in a dialog, later ones
        in the status bar only, so a fault that repeats can never pile up dialogs."""
        if self._fault_shown:
            show_message(self.statusBar(), text, error=True)
            return
        self._fault_shown = True
        self.show_error(text)

    def _guard(self, what: str, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except DeskwfmError as exc:
            self.show_error(f"{what}: {exc}")
            return None

    @property
    def remember(self) -> bool:
        """Whether this window keeps its settings between runs (not for screenshots)."""
        return self._remember

    # -- view ------------------------------------------------------------------------------
    def set_view(self, kind: ViewKind) -> None:
        self.session.show(kind=kind)

    def toggle_coverage(self, on: bool) -> None:
        """View → Coverage chart (its module loads the first time it is shown)."""
        from deskwfm.gui.coverage_panel import show_coverage

        show_coverage(self, on)

    def auto_schedule(self) -> None:
        """Schedule → Auto-schedule: ask, run on a worker, show the proposal, write it if accepted."""
        from deskwfm.gui.auto_schedule_dialog import auto_schedule

        auto_schedule(self)

    # -- edit ------------------------------------------------------------------------------
    def copy_cells(self) -> None:
        edit_ops.copy(self.session, self.grid.table)

    def paste_cells(self) -> None:
        edit_ops.paste(self.session, self.grid.table)

    def clear_cells(self) -> None:
        edit_ops.clear(self.session, self.grid.table)

    def fill_down(self) -> None:
        edit_ops.fill(self.session, self.grid.table, down=True)

    def fill_right(self) -> None:
        edit_ops.fill(self.session, self.grid.table, down=False)

    def apply_code(self, code: str) -> None:
        edit_ops.apply_code(self.session, self.grid.table, code)
        self.grid.table.setFocus()

    def confirm_scheduled(self) -> None:
        edit_ops.confirm(self.session, self.grid.table)
        self.grid.table.setFocus()

    def copy_week(self) -> None:
        def ask(plan: WeekCopyPlan, who: str) -> CopyChoice | None:
            dlg = CopyWeekDialog(plan, who, self)
            return dlg.choice if dlg.exec() == QDialog.DialogCode.Accepted else None

        edit_ops.copy_week_forward(self.session, self.grid.table, ask)

    def edit_note(self) -> None:
        cur = self.grid.table.currentIndex()
        if cur.isValid():
            edit_note(self.session, cur.row(), cur.column(), self)

    def remove_note(self) -> None:
        cur = self.grid.table.currentIndex()
        if not cur.isValid():
            return
        if self.session.mode.records_actual:  # the recorded day's note
            if not remove_actual_note(self.session, cur.row(), cur.column()):
                show_message(self.statusBar(), tr("This cell has no note"))
            return
        shift = self.session.state.shift_at(cur.row(), cur.column())
        if shift is None or not shift.note:
            show_message(self.statusBar(), tr("This cell has no note"))
            return
        self.session.set_note(cur.row(), cur.column(), "")

    def show_history(self) -> None:
        from deskwfm.gui.history_dialog import show_history

        cur = self.grid.table.currentIndex()
        if cur.isValid():
            show_history(self.session, cur.row(), cur.column(), self)

    def find_employee(self) -> None:
        self.find_bar.open_bar()

    # -- file ------------------------------------------------------------------------------
    def _switch(self, ws: Workspace) -> None:
        self.session.switch_workspace(ws)
        add_recent(ws.location)

    def new_database(self) -> None:
        """File → New: the first-run form (site name, rules, time zone, pay period), so a new
        centre starts with its own settings rather than defaults."""
        from deskwfm.gui.first_run import FirstRunDialog

        dlg = FirstRunDialog(
            self,
            default_path=_free_path(Path.home() / "centre.deskwfm"),
            title=tr("New centre"),
            intro=tr("Create a schedule database for another site, open the demo centre, or open a file."),
        )
        if not dlg.exec() or dlg.chosen_path is None:
            return
        chosen = dlg.chosen_path
        ws = self._guard(tr("Open"), lambda: Workspace.open(chosen))
        if isinstance(ws, Workspace):
            self._switch(ws)
            show_message(self.statusBar(),
                         tr("Opened {path}. Add staff with Settings → Employees.").format(path=chosen))

    def open_database(self, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(self, tr("Open database"), str(Path.home()),
                                                  tr(FILE_FILTER))
            if not path:
                return
        ws = self._guard(tr("Open"), lambda: Workspace.open(path))
        if isinstance(ws, Workspace):
            self._switch(ws)

    def fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        items = recent_files()
        for loc in items:
            act = QAction(loc, menu)
            act.triggered.connect(lambda _=False, p=loc: self.open_database(p))
            menu.addAction(act)
        if not items:
            menu.addAction(tr("(none)")).setEnabled(False)

    def backup_database(self) -> None:
        from deskwfm.services.backup import backup_database

        stem = Path(self.session.ws.title).stem
        suggested = str(Path.home() / f"{stem}-backup-{date.today():%Y-%m-%d}.sqlite3")

        path, _ = QFileDialog.getSaveFileName(self, tr("Back up database"), suggested, tr(FILE_FILTER))
        if not path:
            return
        done = self._guard(tr("Backup"), lambda: backup_database(self.session.ws, Path(path)))
        if done is not None:
            show_message(self.statusBar(), tr("Backed up to {path}").format(path=done))

    # -- Excel and timesheets (self-contained modules; they show their own dialogs) ----------
    def import_workbook(self) -> None:
        from deskwfm.gui.excel_actions import import_workbook

        if import_workbook(self, self.session.ws):
            self.session.reload()

    def import_forecast(self, path: str | None = None) -> None:
        """File → Import forecast: all or nothing; the problems are listed in a dialog."""
        from deskwfm.services.forecast import import_forecast

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import call forecast"), str(Path.home()), tr("Forecast (*.xlsx *.csv)")
            )
            if not path:
                return
        chosen = path
        result = self._guard(tr("Import forecast"), lambda: import_forecast(self.session.ws, chosen))
        if result is None:
            return
        if result.problems:
            shown = "\n".join(result.problems[:20])
            more = len(result.problems) - 20
            tail = "\n" + render(msg("… and {n:num} more", n=more)) if more > 0 else ""
            head = msg_n("{count} problem in {file}; nothing was imported:",
                         "{count} problems in {file}; nothing was imported:",
                         len(result.problems), file=result.file_name)
            self.show_error(f"{render(head)}\n{shown}{tail}")
            return
        self.session.reload()
        show_message(self.statusBar(), render(msg("Imported {summary}", summary=result.summary())))

    def import_actual_time(self, path: str | None = None) -> None:
        """File → Import actual time: preview (or the problems, or naming the columns) on a
        worker, then write; the grid reloads and the exceptions panel follows."""
        from deskwfm.gui.actual_import import FILE_FILTER, ActualImport

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import actual time"), str(Path.home()),
                                                  tr(FILE_FILTER))
            if not path:
                return

        def done(written: int, file_name: str) -> None:
            if written:
                self.session.reload()
                show_message(self.statusBar(), render(msg_n(
                    "Imported the actual time of {count} day from {file}",
                    "Imported the actual time of {count} days from {file}", written, file=file_name)))

        self.actual_import = ActualImport(self, self.session.ws, path, done).start()

    def _view(self) -> tuple[date, date]:
        return self.session.state.days[0], self.session.state.days[-1]

    def export_schedule(self) -> None:
        """File → Export → Schedule: the range on screen first, or a pay period, or any range."""
        from deskwfm.gui.excel_actions import choose_range, export_schedule, exported_text

        rng = choose_range(self, "schedule", self.session.state.site, self.session.anchor, self._view())
        if rng is not None and (path := export_schedule(self, self.session.ws, rng.start, rng.end)):
            show_message(self.statusBar(), exported_text("schedule", rng, path))

    def export_payroll(self) -> None:
        """File → Export → Payroll: the pay period containing the view first."""
        from deskwfm.gui.excel_actions import choose_range, export_payroll, exported_text

        rng = choose_range(self, "payroll", self.session.state.site, self.session.anchor)
        if rng is not None and (path := export_payroll(self, self.session.ws, rng.start, rng.end)):
            show_message(self.statusBar(), exported_text("payroll", rng, path))

    def print_timesheets(self) -> None:
        """File → Print timesheets: the pay period containing the view first."""
        from deskwfm.gui.print_dialog import print_timesheets, saved_text

        report = print_timesheets(self, self.session.ws, self.session.anchor)
        if report is not None:
            show_message(self.statusBar(), saved_text(report))

    def print_schedule(self) -> None:
        """File → Print schedule: the wall chart of the range on screen first."""
        from deskwfm.gui.print_dialog import print_schedule, saved_text

        report = print_schedule(self, self.session.ws, self.session.anchor, self._view())
        if report is not None:
            show_message(self.statusBar(), saved_text(report, chart=True))

    # -- settings dialogs (owned by gui/dialogs) -------------------------------------------
    def _run_dialog(self, make: Callable[[Workspace, QWidget], QDialog]) -> None:
        dlg = make(self.session.ws, self)
        if dlg.exec():
            self.session.reload()

    def edit_employees(self) -> None:
        from deskwfm.gui.dialogs.employees import EmployeesDialog

        first_day = self.session.state.data.start
        self._run_dialog(lambda ws, parent: EmployeesDialog(ws, parent, first_day=first_day))

    def edit_codes(self) -> None:
        from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog

        self._run_dialog(ShiftCodesDialog)

    def edit_site(self) -> None:
        from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog

        self._run_dialog(SiteSettingsDialog)

    # -- payroll sign-off and the audit trail ----------------------------------------------------
    def open_payroll(self) -> None:
        """Payroll → Pay periods and approval: the period containing the first day shown."""
        from deskwfm.gui.payroll_window import PayrollWindow

        dlg = PayrollWindow(self.session.ws, self.session.state.days[0], self)
        dlg.exec()
        if dlg.wants_exceptions:  # "Show exceptions": the period, its variance and the panel
            self.session.show(ViewKind.PERIOD, dlg.start)
            self.session.set_mode(GridMode.VARIANCE)
            self.exceptions_dock.show()
            self.exceptions_dock.panel.table.setFocus()
        elif dlg.changed_data:
            self.session.reload()

    def open_audit(self) -> None:
        from deskwfm.gui.audit_views import AuditWindow

        days = self.session.state.days
        AuditWindow(self.session.ws, days[0], days[-1], self).exec()

    def show_about(self) -> None:
        from deskwfm.gui.about import show_about

        show_about(self)

    # -- lifetime --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._remember:
            super().closeEvent(event)
            return
        s = app_settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("view", self.session.kind.value)
        s.sync()
        super().closeEvent(event)


def _free_path(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``... if it exists already."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
