"""An employee's computed pay as canonical JSON, and back.

Two uses: an **approval** records the figures it approved (``figures_json``: totals and pay
lines), so a later change that alters them is noticed; a **lock** stores the whole result
(``snapshot_json``: lines, totals, the per-day and per-shift breakdown a timesheet prints), so a
locked period's payroll and timesheets never change when rules, codes or the program do.
JSON is canonical (sorted keys, decimals as strings) so equal pay gives equal text.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date, time
from decimal import Decimal
from typing import Any

from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import DayPay, EmployeePay, MinuteTotals, PayLine, ShiftPay

FORMAT = 1


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _minutes(m: MinuteTotals) -> dict[str, int]:
    return asdict(m)


_FIGURES = ("category", "minutes", "rate", "amount")  # what an approval compares, unchanged since format 1


def _lines(ep: EmployeePay) -> list[dict[str, Any]]:
    """Pay lines as data: their labels are made in the reader's language where shown (locks
    made before these fields held an English ``description``, which is no longer read)."""
    return [
        {
            "category": ln.category,
            "minutes": ln.minutes,
            "rate": str(ln.rate),
            "amount": str(ln.amount),
            "multiplier": str(ln.multiplier),
            "holiday": ln.holiday.isoformat() if ln.holiday else None,
            "base": None if ln.base is None else str(ln.base),
        }
        for ln in ep.lines
    ]


def figures_json(ep: EmployeePay) -> str:
    """What an approval approves: the totals, the pay lines and the gross."""
    return _dump(
        {
            "minutes": _minutes(ep.minutes),
            "lines": [{k: ln[k] for k in _FIGURES} for ln in _lines(ep)],
            "holiday_pay": str(ep.holiday_pay),
            "gross": str(ep.gross),
        }
    )


def _time(t: time | None) -> str | None:
    return None if t is None else f"{t:%H:%M}"


def _shift(s: Shift) -> dict[str, Any]:
    return {
        "date": s.work_date.isoformat(),
        "start": _time(s.start),
        "end": _time(s.end),
        "break": s.break_minutes,
        "code": s.code,
        "kind": s.kind.value,
        "note": s.note,
        "break_start": _time(s.break_start),
    }


def snapshot_json(ep: EmployeePay) -> str:
    """Everything a payroll row and a timesheet show, as it stands."""
    e = ep.employee
    return _dump(
        {
            "format": FORMAT,
            "employee": {"code": e.code, "name": e.name, "team": e.team, "active": e.active},
            "start": ep.start.isoformat(),
            "end": ep.end.isoformat(),
            "minutes": _minutes(ep.minutes),
            "lines": _lines(ep),
            "holiday_pay": str(ep.holiday_pay),
            "gross": str(ep.gross),
            "rates": [{"from": r.effective_from.isoformat(), "hourly": str(r.hourly)} for r in ep.rates],
            "days": [_day(d) for d in ep.days],
            "shifts": [{"shift": _shift(sp.shift), "minutes": _minutes(sp.minutes)} for sp in ep.shifts],
            "shift_days": [[_day(d) for d in parts] for parts in ep.shift_days],
        }
    )


def _day(d: DayPay) -> dict[str, Any]:
    return {"day": d.day.isoformat(), "minutes": _minutes(d.minutes), "holiday": d.holiday_name}


def _read_day(x: dict[str, Any]) -> DayPay:
    return DayPay(date.fromisoformat(x["day"]), _totals(x["minutes"]), x["holiday"])


def _totals(d: dict[str, int]) -> MinuteTotals:
    names = {f.name for f in fields(MinuteTotals)}
    return MinuteTotals(**{k: int(v) for k, v in d.items() if k in names})


def _parse_time(v: str | None) -> time | None:
    return None if v is None else time.fromisoformat(v)


def from_snapshot(text: str) -> EmployeePay:
    """The stored pay as an EmployeePay (its per-day and per-shift breakdown as stored)."""
    d = json.loads(text)
    e = d["employee"]
    emp = Employee(e["code"], e["name"], e.get("team", ""), bool(e.get("active", True)))
    lines = tuple(
        PayLine(
            ln["category"], int(ln["minutes"]), Decimal(ln["rate"]), Decimal(ln["amount"]),
            Decimal(ln.get("multiplier") or 1),
            date.fromisoformat(ln["holiday"]) if ln.get("holiday") else None,
            Decimal(ln["base"]) if ln.get("base") else None,
        )
        for ln in d["lines"]
    )
    shifts = tuple(
        ShiftPay(
            Shift(
                emp.code,
                date.fromisoformat(sp["shift"]["date"]),
                _parse_time(sp["shift"]["start"]),
                _parse_time(sp["shift"]["end"]),
                int(sp["shift"]["break"]),
                sp["shift"]["code"],
                ShiftKind(sp["shift"]["kind"]),
                sp["shift"]["note"],
                break_start=_parse_time(sp["shift"]["break_start"]),
            ),
            _totals(sp["minutes"]),
        )
        for sp in d["shifts"]
    )
    days = tuple(_read_day(x) for x in d["days"])
    # the per-shift split by calendar day (timesheet rows); absent from locks made before it
    shift_days = None
    if "shift_days" in d:
        shift_days = tuple(tuple(_read_day(x) for x in parts) for parts in d["shift_days"])
    return EmployeePay.stored(
        employee=emp,
        start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]),
        minutes=_totals(d["minutes"]),
        holiday_pay=Decimal(d["holiday_pay"]),
        lines=lines,
        gross=Decimal(d["gross"]),
        rates=tuple(
            PayRate(emp.code, date.fromisoformat(r["from"]), Decimal(r["hourly"])) for r in d["rates"]
        ),
        shifts=shifts,
        days=days,
        shift_days=shift_days,
    )
