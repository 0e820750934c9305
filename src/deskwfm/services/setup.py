"""Create databases: an empty centre or the demo centre."""

from __future__ import annotations

from pathlib import Path

from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace


def init_database(target: str | Path | None, site: SiteSettings, *, demo: bool = False) -> Workspace:
    """Create a new database (InputError if it already holds a centre) with the default shift
    codes and ``site``; with ``demo`` also the demo centre. Returns it open."""
    raise NotImplementedError


def create_demo(ws: Workspace, *, agents: int = 60, weeks: int = 6) -> None:
    """A believable contact centre: teams, rates, 6 weeks of day/evening/night shifts, leave."""
    raise NotImplementedError
