"""One guard for the Python overrides Qt calls from C++: model ``data``/``rowCount``/...,
``paintEvent``, ``paintSection``.

An exception escaping such an override cannot be handled by the caller (Qt prints "Error calling
Python override of ..." and calls ``sys.excepthook``, which shows a dialog; the dialog repaints
the grid, which raises again: an endless loop of dialogs). Wrapped in ``guarded``, an override
returns a harmless default instead; the fault is written to the error log once and announced
once, on the next turn of the event loop (never from inside a paint), through ``faults()``.
The window shows the first announcement in a dialog and later ones in the status bar.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import tr

F = TypeVar("F", bound=Callable[..., Any])


class FaultNotice(QObject):
    """Emits ``fault(text)`` once per distinct fault, with one line fit for the user."""

    fault = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str, str]] = set()


_notice: list[FaultNotice] = []


def faults() -> FaultNotice:
    """The process's fault notice (made on first use, after the QApplication)."""
    if not _notice:
        _notice.append(FaultNotice())
    return _notice[0]


def report_fault(where: str, exc: Exception) -> None:
    """Log ``exc`` raised in ``where`` and announce it, both only the first time it happens."""
    notice = faults()
    key = (where, type(exc).__name__, str(exc))
    if key in notice.seen:
        return
    notice.seen.add(key)
    from deskwfm.crashlog import describe, record

    if isinstance(exc, DeskwfmError):
        record(exc)  # a user-readable error should never escape a paint: it is a defect too
        text = str(exc)
    else:
        text = tr("Part of the schedule could not be shown: {problem}").format(problem=describe(exc))
    QTimer.singleShot(0, lambda: notice.fault.emit(text))


def guarded(default: object) -> Callable[[F], F]:
    """Decorate a Qt override so that an exception returns ``default`` and is reported once.
    (Qt passes arguments by position; a wrapper without ``**kwargs`` costs half as much.)

    The hottest overrides, the models' ``data()``, put their body in ``try`` and call
    ``report_fault`` themselves: a ``try`` costs nothing until it catches, a wrapper's extra
    call would be paid on every cell and role of every paint."""

    def wrap(fn: F) -> F:
        where = fn.__qualname__

        @functools.wraps(fn)
        def call(*args: Any) -> Any:
            try:
                return fn(*args)
            except Exception as exc:  # noqa: BLE001 - the whole point: nothing escapes into Qt
                report_fault(where, exc)
                return default

        return cast(F, call)

    return wrap
