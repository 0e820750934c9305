"""Site settings use cases."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from deskwfm.core.changes import How
from deskwfm.core.errors import DeskwfmError, InputError, StaleEditError
from deskwfm.core.messages import msg
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.site import WEEKDAY_NAMES, SiteSettings
from deskwfm.services.workspace import Workspace


def get_site(ws: Workspace) -> SiteSettings:
    site = ws.store.get_site()
    if site is None:
        raise DeskwfmError(f"{ws.location} has no site settings yet; set it up with: deskwfm init")
    return site


def check_time_zone(tz: str) -> str:
    if not tz or tz != tz.strip():
        raise InputError(f'time zone "{tz}" is not an IANA zone; write it like America/Toronto')
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f'unknown time zone "{tz}"; write it like America/Toronto') from None
    return tz


def check_holiday_region(region: str) -> str:
    """``CA-ON``, ``CA``, ``US-CA``: a country the ``holidays`` package knows, and a subdivision
    of it; ``NONE`` (or "") for no statutory holidays. Returns the normalised code."""
    r = region.strip().upper()
    if r in ("", "NONE"):
        return "NONE"
    import holidays

    from deskwfm.core.holidays import validate_region

    country, _, subdiv = r.partition("-")
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise InputError(
            f'unknown holiday region "{region}"; write a country or province like CA-ON, CA or US-CA'
        )
    if subdiv and subdiv not in supported[country]:
        some = ", ".join(f"{country}-{s}" for s in supported[country][:6])
        raise InputError(f'unknown holiday region "{region}"; {country} has regions such as {some}')
    return validate_region(r)


def validate_site(site: SiteSettings) -> SiteSettings:
    """InputError naming the first setting that is wrong."""
    check_time_zone(site.tz)
    region = check_holiday_region(site.holiday_region)
    if not 0 <= site.week_start <= 6:
        raise InputError(f"week start {site.week_start} is not a weekday (0 = Monday .. 6 = Sunday)")
    if site.pay_period in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY) and (
        site.period_anchor.weekday() != site.week_start
    ):
        raise InputError(
            f"pay periods must start on the first day of a work week: {site.period_anchor.isoformat()} "
            f"is a {WEEKDAY_NAMES[site.period_anchor.weekday()].title()}, the week starts on "
            f"{WEEKDAY_NAMES[site.week_start].title()}"
        )
    r = site.rules
    limits = (
        "daily_ot_after", "daily_dt_after", "weekly_ot_after", "max_daily_minutes", "max_weekly_minutes",
    )
    for name in limits:
        v = getattr(r, name)
        if v is not None and not 0 < v <= 7 * 1440:
            raise InputError(f"rule {name.replace('_', ' ')} = {v} minutes is out of range")
    if r.daily_ot_after is not None and r.daily_dt_after is not None and r.daily_dt_after <= r.daily_ot_after:
        raise InputError("daily double time must start after daily overtime")
    if r.ot_multiplier < 1 or r.dt_multiplier < 1 or r.holiday_worked_multiplier < 1:
        raise InputError("pay multipliers must be at least 1")
    if not r.night_premium.is_finite() or r.night_premium < 0:
        raise InputError("the night premium must be zero or more")
    if not 0 <= r.min_rest_minutes <= 1440:
        raise InputError("minimum rest must be between 0 and 24 hours")
    if not site.name.strip():
        raise InputError("the site needs a name")
    site.staffing.check()
    return site.with_changes(holiday_region=region)


def save_site(ws: Workspace, site: SiteSettings, how: How = How.DIALOG, detail: str = "") -> SiteSettings:
    """Validate (time zone exists, holiday region known, thresholds sane) and save; version-checked.
    The forecast interval cannot change while a forecast is stored: its calls are per interval."""
    checked = validate_site(site)
    current = ws.store.get_site()
    if current is not None and current.interval_minutes != checked.interval_minutes:
        n = ws.store.forecast_count()
        if n:
            raise InputError(
                f"forecast interval: the stored forecast ({n} intervals) counts calls per "
                f"{current.interval_minutes} minutes and cannot be read as {checked.interval_minutes}-minute "
                "intervals; keep the interval, or clear the forecast (deskwfm forecast clear) and import "
                "one in the new interval"
            )
    from deskwfm.core.changes import Change, ChangeSet, Entity

    if (current.version if current is not None else 0) != site.version:
        raise StaleEditError(msg("the site settings"))
    ws.commit(ChangeSet([Change(Entity.SITE, (), checked, expected=current)], how, detail))
    return checked.with_changes(version=site.version + 1)
