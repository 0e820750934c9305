"""Long work off the event loop, with progress and Cancel (the pattern of Anki's ``QueryOp``).

``BackgroundJob`` runs ``work(progress)`` on a worker thread. ``progress(done, total)`` records
how far it got and returns False once the user pressed Cancel (the work then stops, e.g. by
raising ``PrintCancelled``, and leaves nothing behind). The GUI thread polls the job a few
times a second: no Qt object is touched from the worker. A progress dialog appears only if
the work takes longer than a moment; ``on_done(result)`` or ``on_error(exc)`` then run on the
GUI thread. An error that is not a ``DeskwfmError`` or ``OSError`` is re-raised there, so the
application's excepthook logs it and shows its one-line dialog.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from deskwfm.core.i18n import tr

T = TypeVar("T")
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?
SHOW_AFTER_S = 0.4  # quick work shows no dialog at all
POLL_MS = 50


class BackgroundJob(QObject, Generic[T]):
    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        label: Callable[[int, int], str] | None = None,
        first_label: str = "",
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._label = label
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._state: tuple[int, int] = (0, 0)
        self._result: T | None = None
        self._error: BaseException | None = None
        self._started = 0.0
        self.done = False
        self.dialog = QProgressDialog(first_label or tr("Working…"), tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(1 << 30)  # shown by _poll, not by Qt's own guess
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._thread = threading.Thread(target=self._run, name=f"deskwfm: {title}", daemon=True)

    # -- worker side ----------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> bool:
        self._state = (done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            self._result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self._error = exc
        finally:
            self._finished.set()

    # -- GUI side -------------------------------------------------------------------------
    def start(self) -> BackgroundJob[T]:
        self._started = time.monotonic()
        self._thread.start()
        self._timer.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(tr("Cancelling…"))

    def abandon(self, timeout: float = 10.0) -> None:
        """Cancel and forget the job (its window is closing): wait for the worker to stop at
        its next progress report, then call nothing back."""
        self._cancel.set()
        self._finished.wait(timeout)
        self._timer.stop()
        self.dialog.hide()
        self.done = True

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _poll(self) -> None:
        done, total = self._state
        if total and not self._cancel.is_set():
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            if self._label is not None:
                self.dialog.setLabelText(self._label(done, total))
        if not self._finished.is_set():
            if not self.dialog.isVisible() and time.monotonic() - self._started >= SHOW_AFTER_S:
                self.dialog.show()
            return
        self._timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.done = True
        try:
            if self._error is None:
                self._on_done(self._result)  # type: ignore[arg-type]  # set when no error
            elif self._on_error is not None:
                self._on_error(self._error)
            else:
                raise self._error
        finally:
            self.finished.emit()
