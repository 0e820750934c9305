"""Send a PDF's pages to a system printer (QtPrintSupport).

Each page is rasterised (``files.pdf_render``) at the printer's resolution, at most 300 dpi,
and drawn scaled to the paper, keeping its proportions. Pages go one per turn of the event
loop behind a progress dialog whose Cancel aborts the print job, so a 500-page run never
freezes the window. PDFium is used from the GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg
from deskwfm.files.pdf_render import PdfPages
from deskwfm.gui.pdf_preview import to_qimage

MAX_DPI = 300


def _orientation(pdf: Path) -> QPageLayout.Orientation:
    with PdfPages(pdf) as pages:
        w, h = pages.sizes[0] if pages.sizes else (612.0, 792.0)
    return QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait


def ask_printer(parent: QWidget | None, pdf: Path, name: str, current: int = 0) -> QPrinter | None:
    """The system print dialog (printer, copies, all pages, a range or the page ``current``
    (0-based) of the preview), set up for ``pdf``; the job is called ``name``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(_orientation(pdf))
    printer.setDocName(name)
    with PdfPages(pdf) as pages:
        count = pages.count
    dlg = QPrintDialog(printer, parent)
    dlg.setWindowTitle(tr("Print"))
    dlg.setMinMax(1, max(1, count))
    dlg.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dlg.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    if dlg.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    if printer.printRange() == QPrinter.PrintRange.CurrentPage:
        printer.setFromTo(current + 1, current + 1)
    return printer


def where(printer: QPrinter) -> str:
    """The printer's name, or the file a PDF printer writes."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return printer.outputFileName()
    return printer.printerName() or tr("the printer")


class PagePrinter(QObject):
    """Prints pages first..last of a PDF on ``printer``, one per event loop turn."""

    def __init__(self, parent: QWidget | None, printer: QPrinter, pdf: Path,
                 finished: Callable[[int, str], None]) -> None:
        super().__init__(parent)
        self.printer = printer
        self.pages = PdfPages(pdf)
        self._finished = finished
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:  # 0: the whole document
            first, last = 1, self.pages.count
        self.todo = list(range(first - 1, min(last, self.pages.count)))
        self.sent = 0
        self.painter = QPainter()
        self.dialog = QProgressDialog(tr("Printing…"), tr("Cancel"), 0, len(self.todo), parent)
        self.dialog.setWindowTitle(tr("Print"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def start(self) -> bool:
        self.printer.setFullPage(True)  # the PDF pages carry their own margins
        if not self.todo or not self.painter.begin(self.printer):
            self._stop()
            return False
        self._timer.start()
        return True

    def _next(self) -> None:
        if self.dialog.wasCanceled():
            self.printer.abort()
            self._stop()
            return
        i = self.todo[self.sent]
        dpi = min(self.printer.resolution(), MAX_DPI)
        w_pt, h_pt = self.pages.sizes[i]
        img = to_qimage(self.pages.render(i, max(1, round(w_pt / 72 * dpi))))
        paper = QRectF(self.printer.pageLayout().fullRectPixels(self.printer.resolution()))
        scale = min(paper.width() / w_pt, paper.height() / h_pt)
        w, h = w_pt * scale, h_pt * scale
        left, top = paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2
        self.painter.drawImage(QRectF(left, top, w, h), img)
        self.sent += 1
        self.dialog.setValue(self.sent)
        self.dialog.setLabelText(render(msg("Printing page {n:num} of {total:num}…", n=self.sent,
                                            total=len(self.todo))))
        if self.sent < len(self.todo):
            self.printer.newPage()
            self._timer.start()
            return
        self._stop()
        self._finished(self.sent, where(self.printer))

    def _stop(self) -> None:
        if self.painter.isActive():
            self.painter.end()
        self.pages.close()
        self.dialog.hide()
        self.dialog.deleteLater()


def print_pages(parent: QWidget | None, printer: QPrinter, pdf: Path,
                finished: Callable[[int, str], None]) -> PagePrinter | None:
    """Start printing ``pdf``; ``finished(pages, where)`` is called when every page is sent."""
    job = PagePrinter(parent, printer, pdf, finished)
    if not job.start():
        QMessageBox.warning(parent, tr("Print"), render(msg("Could not start printing on {printer}.",
                                                            printer=where(printer))))
        return None
    return job
