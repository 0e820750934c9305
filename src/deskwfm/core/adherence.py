"""Schedule adherence: how much of the scheduled time was worked when it was scheduled.

For each agent over a period: ``scheduled`` is the paid minutes of the scheduled work shifts (with
a work date in the period and over by ``now``); ``adhered`` is the minutes of them during which the
agent was actually working (the overlap of the schedule's paid spans with the worked spans recorded
for the same work date); a day coded with an absence code that counts as worked (training off the
phones) adheres in full. Adherence = adhered / scheduled. ``late`` counts the late arrivals
(``core.exceptions``). A team's adherence is the sum of its agents' adhered minutes over the sum of
their scheduled minutes, not an average of percentages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay, worked_spans
from deskwfm.core.exceptions import ExceptionKind, TimeException
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, Span, paid_spans


@dataclass(frozen=True, slots=True)
class Adherence:
    scheduled: int = 0  # minutes
    adhered: int = 0
    worked: int = 0  # all minutes worked on work dates in the period (scheduled or not)
    late: int = 0  # late arrivals

    def __add__(self, other: Adherence) -> Adherence:
        return Adherence(
            self.scheduled + other.scheduled, self.adhered + other.adhered, self.worked + other.worked,
            self.late + other.late,
        )

    @property
    def percent(self) -> Decimal | None:
        """Adhered / scheduled as a percentage with one decimal (None: nothing scheduled)."""
        if not self.scheduled:
            return None
        return (Decimal(self.adhered * 100) / self.scheduled).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    total = 0
    for s0, e0 in a:
        for s1, e1 in b:
            lo, hi = max(s0, s1), min(e0, e1)
            if hi > lo:
                total += hi - lo
    return total


def adherence_by_employee(
    shifts: Iterable[Shift],
    actual: Iterable[ActualDay],
    codes: Mapping[str, AbsenceCode],
    exceptions: Iterable[TimeException],
    clock: Clock,
    start: date,
    end: date,
    now: int | None = None,
) -> dict[str, Adherence]:
    """Adherence of every employee with scheduled or worked time on work dates start..end."""
    days = {(d.employee_code, d.work_date): d for d in actual if start <= d.work_date <= end}
    worked = {key: worked_spans(d, clock) for key, d in days.items()}
    acc: dict[str, Adherence] = {}
    for sh in shifts:
        if not start <= sh.work_date <= end or sh.kind is not ShiftKind.WORK or not sh.has_times:
            continue
        planned = paid_spans(clock, sh)
        if now is not None and planned and planned[-1][1] > now:
            continue
        scheduled = sum(b - a for a, b in planned)
        key = (sh.employee_code, sh.work_date)
        day = days.get(key)
        adhered = 0
        if day is not None:
            code = codes.get(day.absence) if day.absence else None
            if code is not None and code.counts_as_worked:
                adhered = scheduled
            else:
                adhered = _overlap(planned, worked[key])
        acc[sh.employee_code] = acc.get(sh.employee_code, Adherence()) + Adherence(scheduled, adhered)
    for (code_, _d), spans in worked.items():
        minutes = sum(b - a for a, b in spans)
        if minutes:
            acc[code_] = acc.get(code_, Adherence()) + Adherence(worked=minutes)
    for e in exceptions:
        if e.kind is ExceptionKind.LATE and start <= e.work_date <= end:
            acc[e.employee_code] = acc.get(e.employee_code, Adherence()) + Adherence(late=1)
    return acc


def total(values: Iterable[Adherence]) -> Adherence:
    return sum(values, Adherence())
