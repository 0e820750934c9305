"""File > Import / Export actions for the main window (self-contained; the window wires them).

``import_workbook(parent, ws)`` asks for a workbook, shows the problems (savable as a workbook)
or a preview of what would be added, changed and removed, and writes only on "Import".
If another workstation changed one of those rows while the preview was open, the import is
refused (nothing written) and the user is offered a fresh preview showing the current values.
``choose_range`` asks which dates to export (a pay period by default, named as the workbook
names it); ``export_schedule`` / ``export_payroll`` ask for a file name and write with a
progress dialog for large ranges. Every DeskwfmError becomes a dialog; nothing reaches the
user as a traceback.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError, StaleEditError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.core.pay_range import PayRange
from deskwfm.core.site import SiteSettings
from deskwfm.gui.period_picker import PeriodPicker

if TYPE_CHECKING:
    from deskwfm.services.excel_import import ImportPlan
    from deskwfm.services.workspace import Workspace

XLSX_FILTER = N_("Excel workbooks (*.xlsx)")
PROGRESS_THRESHOLD = 5_000  # employee-days above which an export shows a progress dialog
MAX_ROWS_SHOWN = 5_000


class _Cancelled(Exception):
    pass


class ImportProblemsDialog(QDialog):
    """Every problem with its sheet and cell; "Save list..." writes them as a workbook."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Cannot import {file}").format(file=plan.file_name))
        layout = QVBoxLayout(self)
        self.label = QLabel(render(msg_n(
            "{count} problem found in {file}. Nothing was imported; fix it and import again.",
            "{count} problems found in {file}. Nothing was imported; fix them and import again.",
            len(plan.problems), file=plan.file_name,
        )))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Sheet"), tr("Cell"), tr("Problem")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for p in plan.problems[:MAX_ROWS_SHOWN]:
            sheet = p.where.sheet if p.where else p.sheet
            cell = p.where.cell if p.where else ""
            self.tree.addTopLevelItem(QTreeWidgetItem([sheet, cell, str(p.message)]))
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(tr("Save list…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def save_to(self, path: str | Path) -> None:
        from deskwfm.files.xlsx_problems import write_error_report

        write_error_report(path, self.plan.file_name, self.plan.problems)

    def _save(self) -> None:
        default = str(Path(self.plan.file_name).with_suffix("")) + "-problems.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save problem list"), default, tr(XLSX_FILTER))
        if path:
            try:
                self.save_to(path)
            except DeskwfmError as exc:  # names the file and what became of it (files.atomic)
                QMessageBox.warning(self, tr("Save problem list"), str(exc))
            except OSError as exc:
                why = exc.strerror or exc
                QMessageBox.warning(self, tr("Save problem list"),
                                    tr("Could not save {path}: {reason}").format(path=path, reason=why))


class ImportPreviewDialog(QDialog):
    """What the import would add, change and remove; "Import" accepts, "Cancel" writes nothing."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Import {file}").format(file=plan.file_name))
        layout = QVBoxLayout(self)
        text = "<br>".join(html.escape(render(s)) for s in plan.summary())
        head = render(msg_n("{count} change from {file}:", "{count} changes from {file}:", len(plan.changes),
                            file=plan.file_name))
        self.summary = QLabel(f"<b>{html.escape(head)}</b><br>{text}")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["", tr("What"), tr("Key"), tr("Now"), tr("After import"), tr("From")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for ch in plan.changes[:MAX_ROWS_SHOWN]:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [str(ch.action), str(ch.what), str(ch.key), str(ch.before), str(ch.after),
                     str(ch.where) if ch.where else ""]
                )
            )
        if len(plan.changes) > MAX_ROWS_SHOWN:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(["", "", render(msg("... and {n:num} more",
                                                    n=len(plan.changes) - MAX_ROWS_SHOWN)), "", "", ""])
            )
        for c in range(6):
            self.tree.resizeColumnToContents(c)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 460)


def import_workbook(parent: QWidget | None, ws: Workspace, path: str | None = None) -> bool:
    """Ask for a workbook (unless ``path``), preview, and import on confirmation.
    Returns True when something was written (the caller reloads the grid)."""
    from deskwfm.services.excel_import import apply_import

    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import workbook"), "", XLSX_FILTER)
        if not path:
            return False
    while True:
        plan = _preview(parent, ws, path)
        if plan is None:
            return False
        try:
            apply_import(ws, plan)
        except StaleEditError as exc:
            if ask_preview_again(parent, str(exc)):
                continue  # plan again: the new preview shows the other workstation's values
            return False
        except DeskwfmError as exc:
            QMessageBox.warning(parent, tr("Import"), f"Nothing was imported: {exc}")
            return False
        return True


def _preview(parent: QWidget | None, ws: Workspace, path: str) -> ImportPlan | None:
    """Plan the import and show it; the plan when the user chose "Import", else None."""
    from deskwfm.services.excel_import import plan_import

    try:
        plan = plan_import(ws, path)
    except DeskwfmError as exc:
        QMessageBox.warning(parent, tr("Import"), str(exc))
        return None
    if plan.problems:
        ImportProblemsDialog(plan, parent).exec()
        return None
    if not plan.has_changes:
        QMessageBox.information(
            parent, tr("Import"), render(msg("{file}: nothing to change; {summary}", file=plan.file_name,
                                             summary="; ".join(render(s) for s in plan.summary())))
        )
        return None
    if ImportPreviewDialog(plan, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    return plan


PREVIEW_AGAIN = N_("Preview again")


def ask_preview_again(parent: QWidget | None, message: str) -> bool:
    """Nothing was imported because the database changed: say what changed and offer a new
    preview ("Preview again", the default) or "Cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Import"))
    box.setText(tr("Nothing was imported: {reason}.").format(reason=message))
    again = box.addButton(tr(PREVIEW_AGAIN), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


class RangeDialog(QDialog):
    """The range of an export: a pay period (the one containing the view first), the range on
    screen when offered, or any range; the choice is named the way the workbook will name it."""

    def __init__(self, parent: QWidget | None, title: str, site: SiteSettings, anchor: date,
                 view: tuple[date, date] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.picker = PeriodPicker(site, anchor, view=view, start_on_view=view is not None,
                                   payroll=view is None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Export the pay period") if view is None else tr("Export the dates")))
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)


def choose_range(parent: QWidget | None, kind: str, site: SiteSettings, anchor: date,
                 view: tuple[date, date] | None = None) -> PayRange | None:
    """Ask which dates to export (``kind``: "payroll" or "schedule"); None if cancelled."""
    title = tr("Export payroll") if kind == "payroll" else tr("Export schedule")
    dlg = RangeDialog(parent, title, site, anchor, view)
    return dlg.picker.range() if dlg.exec() == QDialog.DialogCode.Accepted else None


def _export_title(kind: str) -> str:
    return tr("Export payroll") if kind == "payroll" else tr("Export schedule")


def exported_text(kind: str, rng: PayRange, path: Path) -> str:
    """The status bar line after an export: what, which dates, and where the file went."""
    if kind == "payroll":
        return render(msg("Payroll, {range}, exported to {file}", range=rng.label(), file=str(path)))
    return render(msg("Schedule {dates} exported to {file}", dates=rng.dates(), file=str(path)))


def _export(
    parent: QWidget | None, ws: Workspace, start: date, end: date, kind: str, path: str | None
) -> Path | None:
    from deskwfm.services import excel_export

    if path is None:
        default = str(Path.home() / f"{kind}-{start.isoformat()}-{end.isoformat()}.xlsx")
        path, _ = QFileDialog.getSaveFileName(parent, _export_title(kind), default, tr(XLSX_FILTER))
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
    size = len(ws.store.list_employees(include_inactive=False)) * ((end - start).days + 1)
    dialog: QProgressDialog | None = None
    if size > PROGRESS_THRESHOLD:
        writing = tr("Writing the payroll…") if kind == "payroll" else tr("Writing the schedule…")
        dialog = QProgressDialog(writing, tr("Cancel"), 0, 100, parent)
        dialog.setWindowTitle(_export_title(kind))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)

    def progress(done: int, total: int) -> None:
        if dialog is None:
            return
        dialog.setValue(int(100 * done / max(total, 1)) if done < total else 99)
        if dialog.wasCanceled():
            raise _Cancelled

    func = excel_export.export_schedule if kind == "schedule" else excel_export.export_payroll
    try:
        func(ws, start, end, path, progress=progress)
    except _Cancelled:
        return None
    except DeskwfmError as exc:
        QMessageBox.warning(parent, f"Export {kind}", str(exc))
        return None
    except OSError as exc:
        QMessageBox.warning(parent, f"Export {kind}", f"Could not write {path}: {exc.strerror or exc}")
        return None
    finally:
        if dialog is not None:
            dialog.close()
    return Path(path)


def export_schedule(
    parent: QWidget | None, ws: Workspace, start: date, end: date, path: str | None = None
) -> Path | None:
    """File > Export > Schedule: the grid for start..end as a printable workbook; the file
    written, or None (cancelled, or refused with a dialog)."""
    return _export(parent, ws, start, end, "schedule", path)


def export_payroll(
    parent: QWidget | None, ws: Workspace, start: date, end: date, path: str | None = None
) -> Path | None:
    """File > Export > Payroll: totals per employee, shift detail and pay lines."""
    return _export(parent, ws, start, end, "payroll", path)
