"""Building change sets in store tests (services build them in the program)."""

from __future__ import annotations

from datetime import date

from deskwfm.core.changes import ANY, AppliedSet, Change, ChangeSet, Entity, How
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.store.store import Store


def put(store: Store, *changes: Change, how: How = How.CLI, detail: str = "") -> AppliedSet:
    return store.apply(ChangeSet(list(changes), how, detail))


def emp(e: Employee, expected: object = ANY) -> Change:
    return Change(Entity.EMPLOYEE, (e.code,), e, expected)


def rate(r: PayRate, expected: object = ANY) -> Change:
    return Change(Entity.RATE, (r.employee_code, r.effective_from), r, expected)


def no_rate(code: str, eff: date, expected: object = ANY) -> Change:
    return Change(Entity.RATE, (code, eff), None, expected)


def code(c: ShiftCode, expected: object = ANY) -> Change:
    return Change(Entity.CODE, (c.code.upper(),), c, expected)


def no_code(key: str, expected: object = ANY) -> Change:
    return Change(Entity.CODE, (key.upper(),), None, expected)


def shift(s: Shift, expected: object = ANY, keep_note: bool = False) -> Change:
    return Change(Entity.SHIFT, (s.employee_code, s.work_date), s, expected, keep_note)


def clear(code_: str, day: date, expected: object = ANY) -> Change:
    return Change(Entity.SHIFT, (code_, day), None, expected)


def site(s: SiteSettings, expected: object = ANY) -> Change:
    return Change(Entity.SITE, (), s, expected)


def forecast(f: ForecastInterval, expected: object = ANY) -> Change:
    return Change(Entity.FORECAST, (f.work_date, f.start_minute), f, expected)
