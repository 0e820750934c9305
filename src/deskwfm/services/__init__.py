"""Use cases shared by the GUI and the CLI.

Each is a plain function taking a ``Workspace`` (an open database) and returning core objects,
or raising ``DeskwfmError`` (``InputError`` for bad input) with a user-readable message.
Every function that changes data does so in one transaction.
"""
