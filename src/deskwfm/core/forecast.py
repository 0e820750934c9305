"""The call forecast: calls and average handle time per interval of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
