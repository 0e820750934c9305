"""File → Print timesheets…: choose a period and employees, preview pages, save a PDF.

Thin over ``services.timesheets``: the payroll engine computes, the files layer draws, this
dialog only collects the choice, shows rendered pages (pypdfium2) and runs the save behind a
QProgressDialog whose Cancel leaves no file behind (the service writes a temp file and
renames it only when complete).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.model import Employee
from deskwfm.core.payroll import EmployeePay
from deskwfm.core.site import SiteSettings
from deskwfm.services.timesheets import PrintCancelled, PrintReport, write_timesheets
from deskwfm.services.workspace import Workspace

# (start, end, codes) -> site and the payroll engine's results; replaced in tests.
PayLoader = Callable[[date, date, Sequence[str]], tuple[SiteSettings, list[EmployeePay]]]
PREVIEW_EMPLOYEES = 3  # the preview shows the first few selected timesheets
ALL_TEAMS = "All teams"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def render_pages(pdf: Path, width_px: int = 560) -> list[QImage]:
    """Rasterise every page of a PDF for the preview."""
    from deskwfm.files.pdf_render import render_pdf_pages

    return [
        QImage(p.rgb, p.width, p.height, p.stride, QImage.Format.Format_RGB888).copy()
        for p in render_pdf_pages(pdf, width_px)
    ]


class TimesheetDialog(QDialog):
    def __init__(self, parent: QWidget | None, employees: Sequence[Employee], start: date, end: date,
                 loader: PayLoader) -> None:
        super().__init__(parent)
        self.setWindowTitle("Print timesheets")
        self.loader = loader
        self.saved: PrintReport | None = None
        self._employees = list(employees)

        self.from_edit = QDateEdit(_qdate(start))
        self.to_edit = QDateEdit(_qdate(end))
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
        self.team_combo = QComboBox()
        self.team_combo.addItem(ALL_TEAMS)
        for team in sorted({e.team for e in self._employees if e.team}):
            self.team_combo.addItem(team)
        self.team_combo.currentTextChanged.connect(self._fill_list)
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        all_btn, none_btn = QPushButton("Select all"), QPushButton("Select none")
        all_btn.clicked.connect(lambda: self._check_all(True))
        none_btn.clicked.connect(lambda: self._check_all(False))

        form = QFormLayout()
        form.addRow("From", self.from_edit)
        form.addRow("To", self.to_edit)
        form.addRow("Team", self.team_combo)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel("Employees"))
        left.addWidget(self.list, 1)
        sel = QHBoxLayout()
        sel.addWidget(all_btn)
        sel.addWidget(none_btn)
        left.addLayout(sel)

        self.preview_btn = QPushButton("Preview")
        self.preview_btn.clicked.connect(self.preview)
        self.save_btn = QPushButton("Save PDF…")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self._save_clicked)
        close_btn = QPushButton("Close")
        close_btn.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.save_btn)
        buttons.addWidget(close_btn)
        left.addLayout(buttons)

        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_note = QLabel("Press Preview to see the first timesheets.")
        self.pages_layout.addWidget(self.preview_note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages_box)
        scroll.setMinimumWidth(600)
        outer = QHBoxLayout(self)
        outer.addLayout(left)
        outer.addWidget(scroll, 1)
        self.resize(1000, 720)
        self._fill_list(ALL_TEAMS)

    # -- selection ------------------------------------------------------------------------
    def _fill_list(self, team: str) -> None:
        self.list.clear()
        for e in self._employees:
            if team != ALL_TEAMS and e.team != team:
                continue
            item = QListWidgetItem(f"{e.code}  {e.name}")
            item.setData(Qt.ItemDataRole.UserRole, e.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def selected_codes(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def period(self) -> tuple[date, date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def _load(self, codes: Sequence[str]) -> tuple[SiteSettings, list[EmployeePay]] | None:
        start, end = self.period()
        if not codes:
            QMessageBox.information(self, "Print timesheets", "Tick at least one employee.")
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.loader(start, end, codes)
        except DeskwfmError as exc:
            QMessageBox.warning(self, "Print timesheets", str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()

    # -- preview ----------------------------------------------------------------------------
    def preview(self) -> int:
        """Render the first selected timesheets; returns the number of pages shown."""
        loaded = self._load(self.selected_codes()[:PREVIEW_EMPLOYEES])
        if loaded is None:
            return 0
        site, pays = loaded
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item is None:  # only for an index out of range, which count() rules out
                break
            w = item.widget()
            if w is not None:
                w.setParent(None)  # gone now, not at the next event loop turn
                w.deleteLater()
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "preview.pdf"
            write_timesheets(pays, site, pdf)
            images = render_pages(pdf)
        n = len(self.selected_codes())
        more = f" (first {len(pays)} of {n} employees)" if n > len(pays) else ""
        self.preview_note = QLabel(f"{len(images)} page(s){more}")
        self.pages_layout.addWidget(self.preview_note)
        for img in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(img))
            label.setFixedSize(img.width() + 2, img.height() + 2)  # never squeezed by the scroll area
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.pages_layout.addWidget(label)
        self.pages_layout.activate()
        return len(images)

    # -- save -------------------------------------------------------------------------------
    def _save_clicked(self) -> None:
        start, end = self.period()
        suggested = f"timesheets_{start:%Y-%m-%d}_{end:%Y-%m-%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Save timesheets", suggested, "PDF files (*.pdf)")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(Path(path))

    def save_to(self, target: Path) -> PrintReport | None:
        """Write the selected timesheets with a cancellable progress dialog."""
        codes = self.selected_codes()
        loaded = self._load(codes)
        if loaded is None:
            return None
        site, pays = loaded
        self.progress = QProgressDialog("Writing timesheets…", "Cancel", 0, len(pays), self)
        self.progress.setWindowTitle("Print timesheets")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

        def tick(done: int, total: int) -> bool:
            self.progress.setValue(done)
            self.progress.setLabelText(f"Timesheet {done} of {total}…")
            QApplication.processEvents()
            return not self.progress.wasCanceled()

        try:
            report = write_timesheets(pays, site, target, progress=tick)
        except PrintCancelled:
            return None
        except DeskwfmError as exc:  # names the file and what became of it (files.atomic)
            QMessageBox.warning(self, "Print timesheets", str(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(self, "Print timesheets", f"Could not write {target}: {exc.strerror or exc}")
            return None
        finally:
            self.progress.close()
        self.saved = report
        return report


def print_timesheets(parent: QWidget | None, ws: Workspace, start: date, end: date) -> PrintReport | None:
    """Open the dialog for ``ws`` on the period start..end; returns what was saved, if anything."""
    from deskwfm.services.employees import list_employees
    from deskwfm.services.timesheets import load_pays

    employees = list_employees(ws, include_inactive=False)

    def loader(s: date, e: date, codes: Sequence[str]) -> tuple[SiteSettings, list[EmployeePay]]:
        return load_pays(ws, s, e, employee_codes=codes)

    dlg = TimesheetDialog(parent, employees, start, end, loader)
    dlg.exec()
    return dlg.saved
