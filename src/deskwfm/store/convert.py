"""Conversions between storage values (cents, minutes of day, JSON) and core objects."""

from __future__ import annotations

import json
import typing
from collections.abc import Sequence
from dataclasses import fields
from datetime import time
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from deskwfm.core.actual import Segment
from deskwfm.core.money import exact_cents, from_cents
from deskwfm.core.rules import PRESETS, RuleSet
from deskwfm.core.timekeeping import PayBasis, Timekeeping

TIMES: tuple[time, ...] = tuple(time(m // 60, m % 60) for m in range(1440))  # minute of day -> time


def time_of(minutes: int | None) -> time | None:
    """Minutes after midnight -> time (shared instances: loading 20,000 shifts stays fast)."""
    return None if minutes is None else TIMES[minutes]


def minutes_of(t: time | None) -> int | None:
    return None if t is None else t.hour * 60 + t.minute


# Cents live in INTEGER columns: 32 bits on PostgreSQL. The core rules keep every amount far
# below this; the check stops a value that skipped them from reaching the driver, whose error
# would print the SQL and its parameters.
_INT_MAX = 2**31 - 1


def cents(amount: Decimal, what: str = "amount") -> int:
    """Exact integer cents of a Decimal; refuses fractions of a cent rather than rounding
    them, and amounts an INTEGER column cannot hold."""
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg

    value = exact_cents(amount)
    if value is None:
        raise InputError(
            msg(
                "{what} {amount} has fractions of a cent; use at most two decimal places",
                what=what,
                amount=str(amount),
            )
        )
    if abs(value) > _INT_MAX:
        raise InputError(msg("{what} {amount} is too large to store", what=what, amount=str(amount)))
    return value


def money(cents_value: int) -> Decimal:
    return from_cents(cents_value)


@cache
def _rule_hints() -> dict[str, Any]:
    return typing.get_type_hints(RuleSet)


def rules_to_json(rules: RuleSet) -> str:
    out: dict[str, Any] = {}
    for f in fields(RuleSet):
        v = getattr(rules, f.name)
        if isinstance(v, Enum):
            v = v.value
        elif isinstance(v, Decimal):
            v = str(v)
        elif isinstance(v, time):
            v = f"{v:%H:%M}"
        out[f.name] = v
    return json.dumps(out, sort_keys=True)


# Preset values that changed when a rule was corrected, keyed by the first field added with the
# correction: a document without that field was written before it, so a value equal to the old
# preset default there is that default, not a choice, and takes the corrected one. (Canada
# federal: hours worked on a general holiday are no longer counted again toward the week's
# overtime; see core.rules.)
_CORRECTED_DEFAULTS: dict[str, dict[str, tuple[str, object]]] = {
    "daily_ot_day": {"canada-federal": ("holiday_hours_count_for_ot", True)},
}


def rules_from_json(text: str) -> RuleSet:
    """Decode stored rules; keys missing (written by an older version) come from the preset."""
    data = json.loads(text)
    name = str(data.get("preset", "custom"))
    base = PRESETS.get(name, RuleSet(preset=name))
    hints = _rule_hints()
    changes: dict[str, Any] = {}
    for f in fields(RuleSet):
        if f.name not in data:
            continue
        v = data[f.name]
        hint = hints[f.name]
        if v is not None:
            if hint is Decimal:
                v = Decimal(v)
            elif hint is time:
                v = time.fromisoformat(v)
            elif isinstance(hint, type) and issubclass(hint, Enum):
                v = hint(v)
        changes[f.name] = v
    for marker, by_preset in _CORRECTED_DEFAULTS.items():
        old = by_preset.get(name)
        if marker not in data and old is not None and changes.get(old[0]) == old[1]:
            del changes[old[0]]
    return base.with_changes(**changes)


def timekeeping_to_json(tk: Timekeeping) -> str:
    out: dict[str, Any] = {}
    for f in fields(Timekeeping):
        v = getattr(tk, f.name)
        out[f.name] = v.value if isinstance(v, Enum) else v
    return json.dumps(out, sort_keys=True)


def timekeeping_from_json(text: str) -> Timekeeping:
    """Decode stored settings; keys missing (an older database: ``{}``) keep their defaults."""
    data = json.loads(text or "{}")
    known = {f.name for f in fields(Timekeeping)}
    values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
    if "pay_basis" in values:
        values["pay_basis"] = PayBasis(values["pay_basis"])
    return Timekeeping(**values)


def segments_text(segments: Sequence[Segment]) -> str:
    """``538-723;753-1023`` (an open segment: ``753-``); a time at the second occurrence of the
    fall-back night's repeated hour (fold 1) carries an ``f``: ``1320-1530;1500f-1830``."""
    return ";".join(
        f"{s.start}{'f' if s.start_fold else ''}-"
        f"{'' if s.end is None else s.end}{'f' if s.end is not None and s.end_fold else ''}"
        for s in segments
    )


def segments_of(text: str) -> tuple[Segment, ...]:
    if not text:
        return ()
    out = []
    folds = "f" in text
    for part in text.split(";"):
        a, _, b = part.rpartition("-") if part.count("-") > 1 else part.partition("-")
        if folds:
            out.append(Segment(int(a.rstrip("f")), int(b.rstrip("f")) if b else None,
                               int(a.endswith("f")), int(b.endswith("f"))))
        else:
            out.append(Segment(int(a), int(b) if b else None))
    return tuple(out)
