"""The call forecast: calls and average handle time per interval of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg

MAX_CALLS = 100_000  # per interval: more is a typo (a day's total in one interval)
MAX_AHT_SECONDS = 4 * 3600


def check_calls(n: int) -> int:
    """Forecast calls of one interval: 0 to MAX_CALLS."""
    if not 0 <= n <= MAX_CALLS:
        raise FieldError(
            Field.CALLS, msg("{n:num} is out of range (0 to {limit:num} per interval)", n=n, limit=MAX_CALLS)
        )
    return n


def check_aht(seconds: int) -> int:
    """Average handle time: 1 second to MAX_AHT_SECONDS."""
    if not 1 <= seconds <= MAX_AHT_SECONDS:
        raise FieldError(
            Field.AHT,
            msg("{n:num} s is not plausible (1 to {limit:num} s)", n=seconds, limit=MAX_AHT_SECONDS),
        )
    return seconds


@dataclass(frozen=True, slots=True)
class ForecastInterval:
    """Forecast of the interval starting ``start_minute`` after local midnight of
    ``work_date`` (its length is the site's staffing interval)."""

    work_date: date
    start_minute: int
    calls: int
    aht_seconds: int

    @property
    def start_text(self) -> str:
        return f"{self.start_minute // 60:02d}:{self.start_minute % 60:02d}"
