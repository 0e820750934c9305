"""Site settings use cases."""

from __future__ import annotations

from deskwfm.core.changes import How
from deskwfm.core.errors import InputError, StaleEditError
from deskwfm.core.messages import msg
from deskwfm.core.site import SiteSettings, validate_site
from deskwfm.services.workspace import Workspace

__all__ = ["get_site", "save_site", "validate_site"]


def get_site(ws: Workspace) -> SiteSettings:
    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    return site


def save_site(ws: Workspace, site: SiteSettings, how: How = How.DIALOG, detail: str = "") -> SiteSettings:
    """Validate (time zone exists, holiday region known, thresholds sane) and save; version-checked.
    The forecast interval cannot change while a forecast is stored: its calls are per interval."""
    checked = validate_site(site)
    current = ws.store.get_site()
    if current is not None and current.interval_minutes != checked.interval_minutes:
        n = ws.store.forecast_count()
        if n:
            raise InputError(msg(
                "forecast interval: the stored forecast ({n:num} intervals) counts calls per {old} minutes "
                "and cannot be read as {new}-minute intervals; keep the interval, or clear the forecast "
                "(deskwfm forecast clear) and import one in the new interval",
                n=n, old=current.interval_minutes, new=checked.interval_minutes,
            ))
    from deskwfm.core.changes import Change, ChangeSet, Entity

    if (current.version if current is not None else 0) != site.version:
        raise StaleEditError(msg("the site settings"))
    ws.commit(ChangeSet([Change(Entity.SITE, (), checked, expected=current)], how, detail))
    return checked.with_changes(version=site.version + 1)
