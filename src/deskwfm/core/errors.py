"""Errors that carry a message fit to show a user as-is."""


class DeskwfmError(Exception):
    """Base of every error whose message is meant for the user (dialog or one stderr line)."""


class InputError(DeskwfmError):
    """The user's input (a cell, a CLI argument, a file) is wrong; nothing was written."""


class EntryError(InputError):
    """A shift entry such as ``25-3`` could not be understood."""


class NotFoundError(InputError):
    """A referenced employee, shift code or file does not exist."""


class StaleEditError(DeskwfmError):
    """The row was changed elsewhere (another workstation) since it was read."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} was changed elsewhere since you loaded it; reload and try again")
