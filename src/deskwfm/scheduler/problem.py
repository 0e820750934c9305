"""What the scheduler is asked: who can work, which shift shapes, what the forecast needs,
and what is already on the schedule (kept as it is)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time

from deskwfm.core.coverage import Demand
from deskwfm.core.messages import Msg
from deskwfm.core.model import Employee, Shift
from deskwfm.core.site import SiteSettings


@dataclass(frozen=True, slots=True)
class Shape:
    """An allowed shift: wall-clock start and end (end <= start ends the next day), unpaid
    break, paid breaks; ``code`` is the site's shift code when the shape is one (``D``)."""

    start: time
    end: time
    break_minutes: int = 0
    paid_breaks: int = 0
    paid_break_minutes: int = 0
    code: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """``people``: the employees to schedule (active, of the chosen team). ``days``: the dates to
    fill, in order. ``demand``: agents needed, calls and handle time per date and interval index.
    ``shifts``: every shift already on the schedule around the range (all employees: kept as they
    are, counted as coverage, and seen by the rules - history before the range too).
    ``locked``: dates inside locked pay periods (nothing new may touch them)."""

    site: SiteSettings
    people: Sequence[Employee]
    days: Sequence[date]
    demand: Mapping[date, Mapping[int, Demand]]
    shapes: Sequence[Shape]
    shifts: Sequence[Shift] = ()
    locked: frozenset[date] = frozenset()
    # employees whose shifts count as coverage (the active ones); None: everybody in ``shifts``
    on_floor: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """How long and how to search. ``time_limit`` in seconds (wall clock) for the whole run;
    ``seed`` makes a run repeatable: the same problem, seed and machine give the same proposal."""

    time_limit: float = 30.0
    seed: int = 1
    workers: int = 2


@dataclass
class Control:
    """Progress and cancel between the engine (on a worker thread) and its caller.

    ``progress(share_done, what)`` is called from the solving thread; ``cancel()`` may be called
    from any thread: the running solve stops at once and the engine returns what it has (the
    caller decides whether to offer it)."""

    progress: Callable[[float, Msg], None] | None = None
    cancelled: bool = False
    _stoppers: list[Callable[[], None]] = field(default_factory=list)

    def cancel(self) -> None:
        self.cancelled = True
        for stop in list(self._stoppers):
            stop()

    def report(self, share: float, what: Msg) -> None:
        if self.progress is not None:
            self.progress(max(0.0, min(1.0, share)), what)
