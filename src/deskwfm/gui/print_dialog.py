"""File → Print timesheets… and File → Print schedule…: choose, preview every page, print, save.

Thin over the services: they compute and write the PDF; these dialogs collect the choice,
run the writing on a worker thread (``gui.background``: progress, Cancel, nothing left
behind), show every page of the result (``gui.pdf_preview``, rendered lazily), send it to a
system printer (``gui.page_printer``) or save it where the user says, and then say where it
went, with a button that opens the folder. The PDF written for the preview is reused for
printing and saving as long as the choice has not changed.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.gui.background import BackgroundJob, Progress
from deskwfm.gui.page_printer import PagePrinter, ask_printer, print_pages
from deskwfm.gui.pdf_preview import PdfPreview
from deskwfm.gui.period_picker import PeriodPicker
from deskwfm.services.timesheets import (
    PrintCancelled,
    PrintReport,
    TimesheetBatch,
    copy_document,
    write_timesheets,
)
from deskwfm.services.workspace import Workspace

# (start, end, codes) -> site and the payroll engine's results; replaced in tests. Runs on the
# worker thread: it must not touch widgets.
PayLoader = Callable[[date, date, Sequence[str]], TimesheetBatch]
# (start, end, target, progress) -> what was written; the wall chart's writer.
ChartWriter = Callable[[date, date, Path, Progress], PrintReport]
Work = Callable[[Path, Progress], PrintReport]  # writes one PDF at the path given
ALL_TEAMS = N_("All teams")
PDF_FILTER = N_("PDF files (*.pdf)")


class DocumentDialog(QDialog):
    """A form on the left (filled by subclasses), every page of the document on the right,
    and Preview / Print… / Save PDF… / Close under the form."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: PrintReport | None = None
        self.printed: int = 0  # pages sent to a printer by the last print
        self.print_job: PagePrinter | None = None
        self.job: BackgroundJob[PrintReport] | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="deskwfm-print-")
        self._names = itertools.count(1)
        self._doc: tuple[object, Path, PrintReport] | None = None  # (choice, previewed PDF, report)
        self.preview = PdfPreview()
        self.form = QVBoxLayout()
        self.preview_btn = QPushButton(tr("Preview"))
        self.preview_btn.clicked.connect(self.show_preview)
        self.print_btn = QPushButton(tr("Print…"))
        self.print_btn.clicked.connect(self.print_clicked)
        self.save_btn = QPushButton(tr("Save PDF…"))
        self.save_btn.clicked.connect(self.save_clicked)
        self.close_btn = QPushButton(tr("Close"))
        self.close_btn.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_btn = QPushButton(tr("Open folder"))
        self.open_folder_btn.clicked.connect(self.open_folder)
        self.open_folder_btn.hide()
        buttons = QHBoxLayout()
        for b in (self.preview_btn, self.print_btn, self.save_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_btn)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.status, 1)
        saved_row.addWidget(self.open_folder_btn)
        left = QVBoxLayout()
        left.addLayout(self.form, 1)
        left.addLayout(buttons)
        left.addLayout(saved_row)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setMaximumWidth(420)
        outer = QHBoxLayout(self)
        outer.addWidget(left_box)
        outer.addWidget(self.preview, 1)
        self.resize(1100, 760)

    # -- what subclasses provide ----------------------------------------------------------
    def choice(self) -> object:
        """What the document depends on (compared to reuse a previewed PDF)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why nothing can be written with the current choice, or None."""
        return None

    def work(self) -> Work:
        """A function writing the chosen document (built on the GUI thread, run on a worker)."""
        raise NotImplementedError

    def suggested_name(self) -> str:
        raise NotImplementedError

    def progress_label(self, done: int, total: int) -> str:
        return render(msg("Part {n:num} of {total:num}…", n=done, total=total))

    def first_label(self) -> str:
        """What the progress dialog says before the first progress report."""
        return tr("Reading the schedule…")

    def saved_text(self, report: PrintReport) -> str:
        return render(msg("Saved to {file}", file=str(report.files[0])))

    # -- document -------------------------------------------------------------------------
    def options_changed(self) -> None:
        if self._doc is not None and self._doc[0] != self.choice():
            self.preview.set_stale(tr("The choices changed: press Preview to update the pages."))

    def _with_document(self, then: Callable[[Path, PrintReport], None]) -> None:
        """Run ``then`` on a PDF of the current choice: the previewed one, or a new one
        (written on a worker thread, then shown in the preview)."""
        problem = self.problem()
        if problem:
            QMessageBox.information(self, self.windowTitle(), problem)
            return
        key = self.choice()
        if self._doc is not None and self._doc[0] == key:
            then(self._doc[1], self._doc[2])
            return
        target = Path(self._tmp.name) / f"preview-{next(self._names)}.pdf"
        work = self.work()

        def done(report: PrintReport) -> None:
            self._doc = (key, target, report)
            self.preview.load(target)
            self.options_changed()  # the choice may have moved on while it was written
            then(target, report)

        self._run(lambda progress: work(target, progress), done)

    def _run(self, fn: Callable[[Progress], PrintReport], done: Callable[[PrintReport], None]) -> None:
        for b in (self.preview_btn, self.print_btn, self.save_btn):
            b.setEnabled(False)
        self.job = BackgroundJob(self, self.windowTitle(), fn, done, self._failed, self.progress_label,
                                 self.first_label())
        self.job.finished.connect(self._idle)
        self.job.start()

    def _idle(self) -> None:
        for b in (self.preview_btn, self.print_btn, self.save_btn):
            b.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PrintCancelled):
            self.status.setText(tr("Cancelled; nothing was written."))
        elif isinstance(exc, DeskwfmError):
            QMessageBox.warning(self, self.windowTitle(), str(exc))
        elif isinstance(exc, OSError):
            QMessageBox.warning(self, self.windowTitle(), render(msg(
                "Could not write the PDF: {reason}", reason=exc.strerror or str(exc))))
        else:
            raise exc

    # -- the three actions ------------------------------------------------------------------
    def show_preview(self) -> None:
        self._with_document(lambda _pdf, _report: None)

    def print_clicked(self) -> None:
        self._with_document(lambda pdf, _report: self.print_pdf(pdf))

    def print_pdf(self, pdf: Path, printer: QPrinter | None = None) -> None:
        """Ask for a printer (unless one is given) and send the pages to it."""
        chosen = printer if printer is not None else ask_printer(self, pdf, Path(self.suggested_name()).stem,
                                                                  self.preview.current_page())
        if chosen is None:
            return

        def sent(pages: int, where: str) -> None:
            self.printed = pages
            self.status.setText(render(msg_n(
                "{count:num} page sent to {where}", "{count:num} pages sent to {where}", pages, where=where)))
            self.open_folder_btn.hide()

        self.print_job = print_pages(self, chosen, pdf, sent)

    def save_clicked(self) -> None:
        start_in = self.saved.files[0].parent if self.saved else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, tr("Save PDF"), str(start_in / self.suggested_name()),
                                              tr(PDF_FILTER))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(Path(path))

    def save_to(self, target: Path) -> None:
        """Save the previewed PDF as ``target`` (a copy), or write a new one there."""
        key = self.choice()
        if self._doc is not None and self._doc[0] == key and not self.problem():
            report = self._doc[2]
            try:
                copy_document(self._doc[1], target)
            except (DeskwfmError, OSError) as exc:
                self._failed(exc)
                return
            self._saved(PrintReport((target,), report.employees, report.pages, report.range))
            return
        problem = self.problem()
        if problem:
            QMessageBox.information(self, self.windowTitle(), problem)
            return
        work = self.work()
        self._run(lambda progress: work(target, progress), self._saved)

    def _saved(self, report: PrintReport) -> None:
        self.saved = report
        self.status.setText(self.saved_text(report))
        self.open_folder_btn.show()

    def open_folder(self) -> None:
        if self.saved is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved.files[0].parent)))

    # -- lifetime -------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing stops a running job first (it leaves no file) and frees the preview."""
        if self.job is not None and not self.job.done:
            self.job.abandon()
        self.preview.close_document()
        super().done(result)
        self._tmp.cleanup()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.done(QDialog.DialogCode.Rejected)
        event.accept()


class TimesheetDialog(DocumentDialog):
    """Timesheets for a pay period (or any range, labelled so), a team, ticked employees."""

    def __init__(self, parent: QWidget | None, site: SiteSettings, employees: Sequence[Employee],
                 anchor: date, loader: PayLoader) -> None:
        super().__init__(parent, tr("Print timesheets"))
        self.site = site
        self.loader = loader
        self._employees = list(employees)
        self.picker = PeriodPicker(site, anchor)
        self.picker.changed.connect(self.options_changed)
        self.team_combo = QComboBox()
        self.team_combo.addItem(tr(ALL_TEAMS), "")
        for team in sorted({e.team for e in self._employees if e.team}):
            self.team_combo.addItem(team, team)
        self.team_combo.currentIndexChanged.connect(self._fill_list)
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.list.itemChanged.connect(lambda _item: self.options_changed())
        all_btn, none_btn = QPushButton(tr("Select all")), QPushButton(tr("Select none"))
        all_btn.clicked.connect(lambda: self.check_all(True))
        none_btn.clicked.connect(lambda: self.check_all(False))
        self.form.addWidget(QLabel(tr("Dates")))
        self.form.addWidget(self.picker)
        self.form.addWidget(QLabel(tr("Team")))
        self.form.addWidget(self.team_combo)
        self.form.addWidget(QLabel(tr("Employees")))
        self.form.addWidget(self.list, 1)
        sel = QHBoxLayout()
        sel.addWidget(all_btn)
        sel.addWidget(none_btn)
        self.form.addLayout(sel)
        self._fill_list()

    def _fill_list(self) -> None:
        team = self.team_combo.currentData()
        self.list.blockSignals(True)
        self.list.clear()
        for e in self._employees:
            if team and e.team != team:
                continue
            item = QListWidgetItem(f"{e.code}  {e.name}")
            item.setData(Qt.ItemDataRole.UserRole, e.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.options_changed()

    def check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)
        self.list.blockSignals(False)
        self.options_changed()

    def selected_codes(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def choice(self) -> object:
        rng = self.picker.range()
        return rng.start, rng.end, tuple(self.selected_codes())

    def problem(self) -> str | None:
        return None if self.selected_codes() else tr("Tick at least one employee.")

    def work(self) -> Work:
        rng, codes, loader = self.picker.range(), self.selected_codes(), self.loader

        def write(target: Path, progress: Progress) -> PrintReport:
            b = loader(rng.start, rng.end, codes)
            return write_timesheets(b.pays, b.site, target, progress, actual=b.actual, signoff=b.signoff)

        return write

    def progress_label(self, done: int, total: int) -> str:
        return render(msg("Timesheet {n:num} of {total:num}…", n=done, total=total))

    def first_label(self) -> str:
        return render(msg_n("Computing the pay of {count:num} employee…",
                            "Computing the pay of {count:num} employees…", len(self.selected_codes())))

    def suggested_name(self) -> str:
        rng = self.picker.range()
        return f"timesheets_{rng.start:%Y-%m-%d}_{rng.end:%Y-%m-%d}.pdf"

    def saved_text(self, report: PrintReport) -> str:
        return render(msg(
            "{range}: {sheets} ({pages}) saved to {file}",
            range=report.range.label() if report.range else "", file=str(report.files[0]),
            sheets=msg_n("{count:num} timesheet", "{count:num} timesheets", report.employees),
            pages=msg_n("{count:num} page", "{count:num} pages", report.pages),
        ))


class ScheduleDialog(DocumentDialog):
    """The wall chart of the range on screen, a pay period or any range."""

    def __init__(self, parent: QWidget | None, site: SiteSettings, anchor: date, view: tuple[date, date],
                 writer: ChartWriter) -> None:
        super().__init__(parent, tr("Print schedule"))
        self.writer = writer
        self.picker = PeriodPicker(site, anchor, view=view, start_on_view=True, payroll=False)
        self.picker.changed.connect(self.options_changed)
        self.form.addWidget(QLabel(tr("Dates")))
        self.form.addWidget(self.picker)
        self.form.addStretch(1)
        QTimer.singleShot(0, self, self._first_preview)  # a chart is quick: show it at once

    def _first_preview(self) -> None:
        """The opening preview, unless the dialog was closed before it could start (its
        temporary folder is gone then, and a job would write into nothing)."""
        if self.isVisible():
            self.show_preview()

    def choice(self) -> object:
        rng = self.picker.range()
        return rng.start, rng.end

    def work(self) -> Work:
        rng, writer = self.picker.range(), self.writer
        return lambda target, progress: writer(rng.start, rng.end, target, progress)

    def suggested_name(self) -> str:
        rng = self.picker.range()
        return f"schedule_{rng.start:%Y-%m-%d}_{rng.end:%Y-%m-%d}.pdf"

    def saved_text(self, report: PrintReport) -> str:
        return saved_text(report, chart=True)


def saved_text(report: PrintReport, chart: bool = False) -> str:
    """What was saved and where (the status bar, once the dialog is closed). Timesheets name
    their range as every payroll document does; a wall chart just gives its dates."""
    pages = msg_n("{count:num} page", "{count:num} pages", report.pages)
    file = str(report.files[0])
    if chart and report.range is not None:
        return render(msg("Schedule {a:day} to {b:day}: {pages} saved to {file}", a=report.range.start,
                          b=report.range.end, pages=pages, file=file))
    label = report.range.label() if report.range is not None else ""
    return render(msg("{range}: {pages} saved to {file}", range=label, pages=pages, file=file))


def print_timesheets(parent: QWidget | None, ws: Workspace, anchor: date) -> PrintReport | None:
    """File → Print timesheets…: the pay period containing ``anchor`` first."""
    from deskwfm.services.employees import list_employees
    from deskwfm.services.site import get_site
    from deskwfm.services.timesheets import load_batch

    def loader(s: date, e: date, codes: Sequence[str]) -> TimesheetBatch:
        return load_batch(ws, s, e, employee_codes=codes)

    dlg = TimesheetDialog(parent, get_site(ws), list_employees(ws, include_inactive=False), anchor, loader)
    dlg.exec()
    return dlg.saved


def print_schedule(parent: QWidget | None, ws: Workspace, anchor: date, view: tuple[date, date]
                   ) -> PrintReport | None:
    """File → Print schedule…: the wall chart of the range on screen first."""
    from deskwfm.services.print_schedule import print_schedule as write_chart
    from deskwfm.services.site import get_site

    def writer(s: date, e: date, target: Path, progress: Progress) -> PrintReport:
        return write_chart(ws, s, e, target, progress)

    dlg = ScheduleDialog(parent, get_site(ws), anchor, view, writer)
    dlg.exec()
    return dlg.saved
