"""`deskwfm` subcommands: schedule."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    _ = (sub, argparse)
