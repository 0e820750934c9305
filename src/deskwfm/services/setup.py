"""Create databases: an empty centre or the demo centre."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

from deskwfm.core.absence import default_absence_codes
from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.errors import InputError
from deskwfm.core.i18n import language, render
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.services.site import validate_site
from deskwfm.services.workspace import Workspace

# Pleasant, distinct pastels: each kind of day is recognisable at a glance in the grid. The
# labels are site data, written in the language of whoever creates the centre.
_DEFAULT_CODES: tuple[tuple[ShiftCode, Msg], ...] = (
    (ShiftCode("D", ShiftKind.WORK, time(8, 0), time(16, 30), 30, "#cfe5ff"), msg("Day")),
    (ShiftCode("E", ShiftKind.WORK, time(14, 0), time(22, 30), 30, "#ffe2b8"), msg("Evening")),
    (ShiftCode("N", ShiftKind.WORK, time(22, 0), time(6, 30), 30, "#ddd3f5"), msg("Night")),
    (ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9, 0), time(17, 0), 0, "#c9efd0"), msg("Vacation")),
    (ShiftCode("SICK", ShiftKind.PAID_LEAVE, time(9, 0), time(17, 0), 0, "#ffd3d6"), msg("Sick day (paid)")),
    (ShiftCode("LOA", ShiftKind.UNPAID_LEAVE, None, None, 0, "#efe6d2"), msg("Leave of absence (unpaid)")),
    (ShiftCode("OFF", ShiftKind.OFF, None, None, 0, "#ececec"), msg("Day off")),
)


def default_codes(lang: str = "en") -> tuple[ShiftCode, ...]:
    """The shift codes a new centre starts with, labelled in ``lang``."""
    return tuple(replace(code, label=render(label, lang)) for code, label in _DEFAULT_CODES)


DEFAULT_CODES: tuple[ShiftCode, ...] = default_codes()


def default_site_name() -> str:
    """The name a new centre gets when none is given, in the language in force."""
    return render(msg("Contact centre"))


def init_database(target: str | Path | None, site: SiteSettings, *, demo: bool = False) -> Workspace:
    """Create a new database (InputError if it already holds a centre) with the default shift
    and absence codes and ``site``; with ``demo`` also the demo centre. Returns it open.

    The settings are checked before any file is created; a file this call created is removed
    again if setting it up fails, so a failed ``init`` leaves nothing behind.
    """
    site = validate_site(site)
    from deskwfm.store.engine import resolve_target

    target_info = resolve_target(target)
    existed = target_info.path is None or target_info.path.exists()
    ws = Workspace.open(target, create=True)
    try:
        if ws.store.get_site() is not None:
            raise InputError(msg("{location} already holds a centre; open it, or choose a new file",
                                 location=str(ws.location)))
        lang = language()
        ws.commit(ChangeSet(
            [Change(Entity.SITE, (), site.with_changes(version=0), expected=None)]
            + [Change(Entity.CODE, (c.code,), c, expected=None) for c in default_codes(lang)]
            + [Change(Entity.ABSENCE_CODE, (c.code,), c, expected=None) for c in default_absence_codes(lang)],
            How.INIT, str(ws.location),
        ))
        if demo:
            create_demo(ws)
    except BaseException:
        ws.close()
        if not existed and target_info.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target_info.path}{suffix}").unlink(missing_ok=True)
        raise
    return ws


def create_demo(ws: Workspace, *, agents: int = 60, weeks: int = 6) -> None:
    """A believable contact centre: teams, rates, 6 weeks of day/evening/night shifts, leave,
    and a call forecast for those weeks (so the staffing row has something to compare)."""
    from deskwfm.services.demo import build_demo
    from deskwfm.services.demo_forecast import demo_forecast
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.site import get_site

    site = get_site(ws)
    plan = build_demo(site, {c.code for c in ws.store.list_codes()}, agents=agents, weeks=weeks)
    ws.commit(ChangeSet(
        [Change(Entity.EMPLOYEE, (e.code,), e, expected=None) for e in plan.employees]
        + [Change(Entity.RATE, (r.employee_code, r.effective_from), r) for r in plan.rates]
        + [Change(Entity.SHIFT, (s.employee_code, s.work_date), s) for s in plan.shifts],
        How.DEMO,
    ))
    forecast = demo_forecast(plan.first, plan.last, site.interval_minutes)
    store_forecast(ws, plan.first, plan.last, forecast, How.DEMO)
