"""Builders shared by the actual-time tests."""

from __future__ import annotations

from datetime import date, time

from deskwfm.core.absence import DEFAULT_ABSENCE_CODES
from deskwfm.core.actual import ActualDay, Source
from deskwfm.core.actual_entry import parse_actual
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, clock_for

CODES = {c.code: c for c in DEFAULT_ABSENCE_CODES}
TORONTO: Clock = clock_for("America/Toronto")
MON = date(2026, 11, 23)


def day(entry: str, d: date = MON, who: str = "A1", source: Source = Source.TYPED) -> ActualDay:
    """The record a user would get by typing ``entry`` into the cell of ``who`` on ``d``."""
    parsed = parse_actual(entry, CODES)
    assert parsed is not None
    return ActualDay(who, d, parsed.segments, parsed.break_minutes, parsed.absence, source=source)


def shift(d: date, start: tuple[int, int], end: tuple[int, int], brk: int = 30, who: str = "A1",
          kind: ShiftKind = ShiftKind.WORK, code: str = "") -> Shift:
    return Shift(who, d, time(*start), time(*end), brk, code, kind)


def epoch(clock: Clock, d: date, hh: int, mm: int = 0) -> int:
    return clock.utc(d, hh * 60 + mm)
