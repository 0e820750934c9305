"""A preview of every page of a PDF, with zoom (fit width, in, out) and "Page n of N".

Pages are laid out at their real proportions at once, but rendered lazily: only pages on
screen are rasterised (``files.pdf_render``), one per turn of the event loop, at the current
zoom, and a few dozen kept; a 500-page run opens instantly and scrolls without freezing.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg
from deskwfm.files.pdf_render import PageImage, PdfPages

GAP = 12  # pixels between pages and around them
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0  # pixels per point (1.0 = 72 dpi)
CACHE_PAGES = 24


def to_qimage(p: PageImage) -> QImage:
    return QImage(p.rgb, p.width, p.height, p.stride, QImage.Format.Format_RGB888).copy()


class _Pages(QWidget):
    """The canvas inside the scroll area: every page's frame, the rendered ones drawn."""

    rendered = Signal(int)  # a page was rasterised (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: PdfPages | None = None
        self.zoom = 1.0
        self.rects: list[QRect] = []
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._wanted: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_one)
        self.setAutoFillBackground(False)

    def set_document(self, doc: PdfPages | None) -> None:
        self.doc = doc
        self._cache.clear()
        self._wanted.clear()
        self.relayout()

    def relayout(self) -> None:
        self.rects = []
        y, widest = GAP, 0
        sizes = self.doc.sizes if self.doc is not None else []
        for w_pt, h_pt in sizes:
            w, h = round(w_pt * self.zoom), round(h_pt * self.zoom)
            self.rects.append(QRect(GAP, y, w, h))
            y += h + GAP
            widest = max(widest, w)
        self.setFixedSize(QSize(widest + 2 * GAP, y if sizes else 0))
        for i, r in enumerate(self.rects):  # centre narrower pages (a landscape legend page)
            r.moveLeft(GAP + (widest - r.width()) // 2)
            self.rects[i] = r
        self.update()

    def page_at(self, y: int) -> int:
        for i, r in enumerate(self.rects):
            if y < r.bottom() + GAP:
                return i
        return max(0, len(self.rects) - 1)

    def _key(self, i: int) -> tuple[int, int]:
        return i, self.rects[i].width()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(event.rect(), QColor("#8a8f96"))
        missing = []
        for i, r in enumerate(self.rects):
            if not r.intersects(event.rect()):
                continue
            img = self._cache.get(self._key(i))
            if img is not None:
                self._cache.move_to_end(self._key(i))
                p.drawImage(r, img)
            else:
                p.fillRect(r, QColor("white"))
                p.setPen(QColor("#777777"))
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, render(msg("Page {n}…", n=i + 1)))
                missing.append(i)
            p.setPen(QColor("#555555"))
            p.drawRect(r.adjusted(-1, -1, 0, 0))
        p.end()
        if missing:
            self._wanted = missing
            self._timer.start()

    def _render_one(self) -> None:
        """Rasterise the first wanted page still missing, then come back for the next."""
        if self.doc is None:
            return
        while self._wanted:
            i = self._wanted.pop(0)
            if i < len(self.rects) and self._key(i) not in self._cache:
                ratio = self.devicePixelRatioF()
                img = to_qimage(self.doc.render(i, max(1, round(self.rects[i].width() * ratio))))
                img.setDevicePixelRatio(ratio)
                self._cache[self._key(i)] = img
                while len(self._cache) > CACHE_PAGES:
                    self._cache.popitem(last=False)
                self.update(self.rects[i])
                self.rendered.emit(i)
                break
        if self._wanted:
            self._timer.start()

    def rendered_pages(self) -> list[int]:
        """Pages whose image at the current zoom is on hand (what the preview can show now)."""
        return sorted(i for i, w in self._cache if i < len(self.rects) and self.rects[i].width() == w)


class PdfPreview(QWidget):
    """Every page of one PDF; toolbar: fit width, zoom out/in, page n of N."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = _Pages()
        self.area = QScrollArea()
        self.area.setWidget(self.pages)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width stays put
        self.area.viewport().setStyleSheet("background: #8a8f96;")
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.fit_button = self._tool(tr("Fit width"), tr("Zoom to the width of the window (Ctrl+0)"),
                                     "Ctrl+0")
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.toggled.connect(self._fit_toggled)
        self.out_button = self._tool("−", tr("Zoom out (Ctrl+-)"), QKeySequence.StandardKey.ZoomOut)
        self.out_button.clicked.connect(lambda: self.set_zoom(self.pages.zoom / ZOOM_STEP))
        self.in_button = self._tool("+", tr("Zoom in (Ctrl++)"), QKeySequence.StandardKey.ZoomIn)
        self.in_button.clicked.connect(lambda: self.set_zoom(self.pages.zoom * ZOOM_STEP))
        self.zoom_label = QLabel()
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(lambda n: self.go_to(n - 1))
        # Enter on the number already shown still goes to the top of that page
        self.page_spin.editingFinished.connect(lambda: self.go_to(self.page_spin.value() - 1))
        self.of_label = QLabel()
        self.note = QLabel(tr("Press Preview to see the pages."))
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.fit_button, self.out_button, self.zoom_label, self.in_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Page")))
        bar.addWidget(self.page_spin)
        bar.addWidget(self.of_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.area, 1)
        QShortcut(QKeySequence("Ctrl+="), self, self.in_button.click)
        self._show_count(0)

    def _tool(self, text: str, tip: str, key: str | QKeySequence.StandardKey) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        QShortcut(QKeySequence(key), self, b.click)
        return b

    # -- document ---------------------------------------------------------------------------
    def load(self, pdf: Path) -> int:
        """Show every page of ``pdf`` (rendered as they come into view); returns the count."""
        self.close_document()
        doc = PdfPages(pdf)
        self.pages.set_document(doc)
        self._show_count(doc.count)
        self.note.hide()
        if self.fit_button.isChecked():
            self._fit()
        else:
            self.set_zoom(self.pages.zoom)
        self.area.verticalScrollBar().setValue(0)
        return doc.count

    def show_message(self, text: str) -> None:
        """No pages, a line of text instead (nothing chosen, out of date, failed)."""
        self.close_document()
        self.note.setText(text)
        self.note.show()

    def set_stale(self, text: str) -> None:
        """Keep the pages but say they no longer match the choices above them."""
        self.note.setText(text)
        self.note.show()

    def close_document(self) -> None:
        doc = self.pages.doc
        self.pages.set_document(None)
        if doc is not None:
            doc.close()
        self._show_count(0)

    @property
    def page_count(self) -> int:
        return len(self.pages.rects)

    def _show_count(self, n: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, n))
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_spin.setEnabled(n > 0)
        self.of_label.setText(render(msg("of {n:num}", n=n)))
        for b in (self.fit_button, self.in_button, self.out_button):
            b.setEnabled(n > 0)
        self.zoom_label.setText(f"{round(self.pages.zoom * 100)} %" if n else "")

    # -- zoom and pages ---------------------------------------------------------------------
    def set_zoom(self, zoom: float, keep_fit: bool = False) -> None:
        page = self.current_page()
        self.pages.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if not keep_fit:
            self.fit_button.blockSignals(True)
            self.fit_button.setChecked(False)
            self.fit_button.blockSignals(False)
        self.pages.relayout()
        self.zoom_label.setText(f"{round(self.pages.zoom * 100)} %")
        self.go_to(page)

    def _fit_toggled(self, on: bool) -> None:
        if on:
            self._fit()

    def _fit(self) -> None:
        if not self.pages.doc or not self.pages.doc.sizes:
            return
        widest = max(w for w, _ in self.pages.doc.sizes)
        room = self.area.viewport().width() - 2 * GAP
        self.set_zoom(room / widest, keep_fit=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_button.isChecked():
            QTimer.singleShot(0, self._fit)

    def current_page(self) -> int:
        """The page under the top third of the view (0-based)."""
        bar = self.area.verticalScrollBar()
        return self.pages.page_at(bar.value() + self.area.viewport().height() // 3)

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self.pages.rects):
            self.area.verticalScrollBar().setValue(self.pages.rects[index].top() - GAP)

    def _scrolled(self, _value: int) -> None:
        page = self.current_page()
        if self.page_spin.value() != page + 1:
            self.page_spin.blockSignals(True)
            self.page_spin.setValue(page + 1)
            self.page_spin.blockSignals(False)
            self.page_changed.emit(page)
