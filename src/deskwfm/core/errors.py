"""Errors that carry a message fit to show a user: a ``Msg`` (key and parameters), rendered in
the user's language when shown (``str(exc)``, a dialog, one stderr line)."""

from __future__ import annotations

from deskwfm.core.messages import Msg, as_msg, msg


class DeskwfmError(Exception):
    """Base of every error whose message is meant for the user (dialog or one stderr line).

    ``message`` is a ``Msg``; a plain string is legacy English text shown as it is."""

    def __init__(self, message: Msg | str) -> None:
        self.msg: Msg = as_msg(message)
        super().__init__(self.msg.key)

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

    def __init__(self, what: Msg | str) -> None:
        self.what: Msg = as_msg(what)
        super().__init__(
            msg("{what} was changed elsewhere since you loaded it; reload and try again", what=self.what)
        )
