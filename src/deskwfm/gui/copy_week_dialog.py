"""Schedule → Copy week to next week: say what will be copied and ask before replacing.

When the next week already has shifts the choice is Replace / Fill empty cells only / Cancel;
otherwise Copy / Cancel. Leave and sickness are copied only when the box is ticked (unticked,
leave already entered in the next week is kept too). The copy itself is one service call, one
transaction and one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.i18n import format_day, format_int, tr, tr_n
from deskwfm.services.schedule_tools import CopyMode, WeekCopyPlan


@dataclass(frozen=True, slots=True)
class CopyChoice:
    mode: CopyMode
    include_leave: bool


def _shifts(n: int) -> str:
    return tr_n("{n} shift", "{n} shifts", n).format(n=format_int(n))


class CopyWeekDialog(QDialog):
    def __init__(self, plan: WeekCopyPlan, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyWeekDialog")
        self.setWindowTitle(tr("Copy week to next week"))
        self.choice: CopyChoice | None = None
        src, dst = format_day(plan.week_start), format_day(plan.target_start)
        lines = [
            tr("Copy the week of {src} onto the week of {dst}, for {who}.").format(src=src, dst=dst, who=who),
            tr("The week of {src} has {shifts}.").format(src=src, shifts=_shifts(plan.source_shifts)),
        ]
        if plan.target_shifts:
            filled = tr_n("{n} filled cell", "{n} filled cells", plan.target_shifts).format(
                n=format_int(plan.target_shifts)
            )
            ask = tr("The week of {dst} already has {filled}. Replace them, or fill only its empty cells?")
            lines.append("")
            lines.append(ask.format(dst=dst, filled=filled))
        text = QLabel("\n".join(lines), self)
        text.setObjectName("copyWeekText")
        text.setWordWrap(True)
        self.leave_box = QCheckBox(
            tr("Also copy leave and sickness ({n} in the week of {src})").format(
                n=format_int(plan.source_leave), src=src
            ),
            self,
        )
        self.leave_box.setObjectName("copyLeave")
        self.leave_box.setToolTip(
            tr("Unticked, vacation, sick days and other leave are not copied, and leave already "
               "entered in the next week stays as it is.")
        )
        self.leave_box.setEnabled(bool(plan.source_leave or plan.target_leave))
        buttons = QDialogButtonBox(self)
        if plan.target_shifts:
            self.replace_button = QPushButton(tr("&Replace"), self)
            self.fill_button: QPushButton | None = QPushButton(tr("&Fill empty cells only"), self)
            buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.fill_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.fill_button.clicked.connect(lambda: self._choose(CopyMode.FILL_EMPTY))
            self.fill_button.setDefault(True)  # the safe choice is the one Enter takes
        else:
            self.replace_button = QPushButton(tr("&Copy"), self)
            self.fill_button = None
            buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.replace_button.setDefault(True)
        self.replace_button.clicked.connect(lambda: self._choose(CopyMode.REPLACE))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.leave_box)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose(self, mode: CopyMode) -> None:
        self.choice = CopyChoice(mode, self.leave_box.isChecked())
        self.accept()
