"""Site settings use cases."""

from __future__ import annotations

from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace


def get_site(ws: Workspace) -> SiteSettings:
    raise NotImplementedError


def save_site(ws: Workspace, site: SiteSettings) -> SiteSettings:
    """Validate (time zone exists, holiday region known, thresholds sane) and save; version-checked."""
    raise NotImplementedError
