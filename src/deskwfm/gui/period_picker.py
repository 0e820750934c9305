"""A pay-period picker: previous/next period, a list of recent periods, or any date range.

Used wherever a document covers a range (timesheets, the payroll export, the wall chart).
It starts on the pay period containing the date the window shows (or on the range on
screen, when the caller offers it) and always says what is chosen with the words every
document uses: "Pay period 2026-11-22 to 2026-12-05", or "Date range 2026-11-22 to
2026-11-28 (not a pay period)". Pay periods follow the site settings (``core.pay_range``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg
from deskwfm.core.pay_range import PayRange, pay_range, period_of, periods_around, step_period
from deskwfm.core.site import SiteSettings

BEFORE, AFTER = 12, 2  # periods listed around the chosen one
NOT_A_PERIOD_STYLE = "color: #9a5b00;"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, site: SiteSettings, anchor: date, parent: QWidget | None = None, *,
                 view: tuple[date, date] | None = None, start_on_view: bool = False,
                 payroll: bool = True) -> None:
        """``anchor``: a date whose pay period is offered first; ``view``: the range on screen,
        offered as its own choice (and chosen first with ``start_on_view``); ``payroll``: a
        range that is not a pay period is flagged (timesheets, payroll), else merely dated."""
        super().__init__(parent)
        self.site = site
        self.view = view
        self.payroll = payroll
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(tr("Previous pay period"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(tr("Next pay period"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(28)
        self.combo.activated.connect(self._chosen)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.dateChanged.connect(self._dates_edited)
        self.label = QLabel()
        self.label.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prev_button)
        row.addWidget(self.combo, 1)
        row.addWidget(self.next_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(row, 0, 0, 1, 4)
        grid.addWidget(QLabel(tr("From")), 1, 0)
        grid.addWidget(self.from_edit, 1, 1)
        grid.addWidget(QLabel(tr("To")), 1, 2)
        grid.addWidget(self.to_edit, 1, 3)
        grid.addWidget(self.label, 2, 0, 1, 4)
        self._choices: list[PayRange | None] = []
        self._updating = False
        if view is not None and start_on_view:
            self.set_range(*view)
        else:
            rng = period_of(site, anchor)
            self.set_range(rng.start, rng.end)

    # -- what is chosen ---------------------------------------------------------------------
    def range(self) -> PayRange:
        return pay_range(self.site, pydate(self.from_edit.date()), pydate(self.to_edit.date()))

    def label_text(self) -> str:
        return render(self.range().label())

    def set_range(self, start: date, end: date) -> None:
        """Choose start..end (a pay period is selected in the list, any other range shows as
        "Custom range" or the range on screen)."""
        self._updating = True
        try:
            self.to_edit.setMinimumDate(qdate(start))
            self.from_edit.setDate(qdate(start))
            self.to_edit.setDate(qdate(end))
        finally:
            self._updating = False
        self._refresh()

    def step(self, direction: int) -> None:
        """The pay period before or after the one the current choice starts in."""
        rng = step_period(self.site, self.range().start, direction)
        self.set_range(rng.start, rng.end)

    # -- internals --------------------------------------------------------------------------
    def _fill(self, rng: PayRange) -> None:
        """List the periods around the chosen one (or around where a custom range starts)."""
        self._choices = []
        self.combo.clear()
        if self.view is not None:
            self._choices.append(pay_range(self.site, *self.view))
            self.combo.addItem(render(msg("On screen: {a:day} to {b:day}", a=self.view[0], b=self.view[1])))
        for p in reversed(periods_around(self.site, rng.start, BEFORE, AFTER)):
            self._choices.append(p)
            self.combo.addItem(render(msg("{a:day} to {b:day}", a=p.start, b=p.end)))
        self._choices.append(None)
        self.combo.addItem(tr("Custom range"))

    def _refresh(self) -> None:
        rng = self.range()
        index = self._index_of(rng)
        if index is None:
            self._fill(rng)
            index = self._index_of(rng)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index if index is not None else len(self._choices) - 1)
        self.combo.blockSignals(False)
        if self.payroll or rng.is_pay_period:
            self.label.setText(render(rng.label()))
        else:
            self.label.setText(render(msg("{a:day} to {b:day}", a=rng.start, b=rng.end)))
        self.label.setStyleSheet("" if rng.is_pay_period or not self.payroll else NOT_A_PERIOD_STYLE)
        self.setToolTip(render(msg("{a:day} to {b:day}", a=rng.start, b=rng.end)))
        self.changed.emit()

    def _index_of(self, rng: PayRange) -> int | None:
        for i, c in enumerate(self._choices):
            same = c is not None and (c.start, c.end) == (rng.start, rng.end)
            if same and c is not None and (c.is_pay_period or (self.view is not None and i == 0)):
                return i
        if not rng.is_pay_period and self._choices:
            return len(self._choices) - 1  # Custom range
        return None

    def _chosen(self, index: int) -> None:
        choice = self._choices[index] if 0 <= index < len(self._choices) else None
        if choice is None:  # Custom range: keep the dates, let the user edit them
            self.from_edit.setFocus()
            return
        self.set_range(choice.start, choice.end)

    def _dates_edited(self, _d: QDate) -> None:
        if self._updating:
            return
        if self.sender() is self.from_edit:
            self._updating = True
            self.to_edit.setMinimumDate(self.from_edit.date())
            self._updating = False
        self._refresh()

