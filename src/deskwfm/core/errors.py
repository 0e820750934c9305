"""Errors that carry a message fit to show a user: a ``Msg`` (key and parameters), rendered in
the user's language when shown (``str(exc)``, a dialog, one stderr line)."""

from __future__ import annotations

from deskwfm.core.messages import Msg, msg


class DeskwfmError(Exception):
    """Base of every error whose message is meant for the user (dialog or one stderr line).

    ``message`` is a ``Msg`` (``msg(...)``; ``verbatim(text)`` for text that is not ours to
    translate, such as a driver's one-line reason): finished English strings are refused, so a
    sentence that would escape the catalog is a type error (mypy) rather than English in French."""

    def __init__(self, message: Msg) -> None:
        if not isinstance(message, Msg):
            raise TypeError(f"{type(self).__name__} takes a Msg, not {type(message).__name__}")
        self.msg: Msg = message
        super().__init__(message.key)

    def __str__(self) -> str:
        return str(self.msg)


class InputError(DeskwfmError):
    """The user's input (a cell, a CLI argument, a file) is wrong; nothing was written."""


class EntryError(InputError):
    """A shift entry such as ``25-3`` could not be understood."""


class NotFoundError(InputError):
    """A referenced employee, shift code or file does not exist."""


class StaleEditError(DeskwfmError):
    """The row was changed elsewhere (another workstation) since it was read."""

    def __init__(self, what: Msg) -> None:
        self.what: Msg = what
        super().__init__(
            msg("{what} was changed elsewhere since you loaded it; reload and try again", what=self.what)
        )
