"""Phone-system login sessions -> actual time per employee and work date.

The import reader (``files/actual_read.py``) turns each row of an agent login/logout report into a
``Session``: who, login and logout as instants (or wall-clock times of the site's zone, converted
here through ``Clock``), and a reference to where it came from. Then, per employee:

1. a logout before its login, a session over 24 hours and sessions that overlap are problems
   located at their rows (an exact repeat of a row is ignored: some reports list a session once
   per skill); a session of under a minute (seconds are dropped) is ignored;
2. sessions separated by a gap up to ``merge_gap`` minutes (the site setting) are joined into one
   (a re-login is not a break);
3. each session belongs to the work date of the scheduled work shift it overlaps most — a session
   crossing midnight, or the part of a night shift after a re-login at 00:30, stays with the shift
   that began the evening before — and to the local date of its login when it overlaps none (a
   session with no logout: the shift it began in, else the nearest shift starting within 12 hours);
4. it becomes a segment in wall-clock minutes from that work date's midnight (``core.actual``),
   with the fold of a time in the fall-back night's repeated hour, so it keeps its instants.

Seconds are dropped from every time (in and out alike). Wall-clock times are read forward: a logout
that lands before its login only because it fell in the repeated hour of a fall-back night is taken
at the hour's second occurrence, and so is a login there that would otherwise overlap the session
before it (a re-login after a logout at 01:30 EDT, at 01:00 EST).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from deskwfm.core.actual import Segment, check_segments, later_occurrence, wall_time
from deskwfm.core.errors import EntryError
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, shift_span, to_datetime

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NEAR = 12 * 60
_OPEN_REACH = 1  # an open session is matched by the minute of its login


@dataclass(frozen=True, slots=True)
class Session:
    employee_code: str
    start: int  # UTC epoch minutes
    end: int | None  # None: no logout recorded
    ref: object = None  # where it came from (a row), handed back in problems
    local: bool = False  # given as wall-clock times (a time in a repeated hour may be the later one)


@dataclass(frozen=True, slots=True)
class SessionProblem:
    ref: object
    part: str  # "in" | "out": which of the row's times the problem is about
    message: Msg


@dataclass
class SessionDays:
    """Segments per (employee code, work date), the sessions that made each, and the problems."""

    days: dict[tuple[str, date], tuple[Segment, ...]] = field(default_factory=dict)
    refs: dict[tuple[str, date], list[object]] = field(default_factory=dict)
    problems: list[SessionProblem] = field(default_factory=list)


def epoch_of(clock: Clock, when: datetime) -> int:
    """UTC epoch minutes of a timestamp (seconds dropped): an aware one as it is, a naive one as
    wall-clock time of the site's zone (EntryError inside a spring-forward gap)."""
    if when.tzinfo is not None:
        return int((when.astimezone(UTC) - _EPOCH).total_seconds()) // 60
    return clock.utc(when.date(), when.hour * 60 + when.minute)


def _epoch(clock: Clock, when: datetime, memo: dict[datetime, int] | None) -> int:
    if memo is None:
        return epoch_of(clock, when)
    got = memo.get(when)
    if got is None:
        got = memo[when] = epoch_of(clock, when)
    return got


def make_session(
    clock: Clock,
    code: str,
    login: datetime,
    logout: datetime | None,
    ref: object = None,
    memo: dict[datetime, int] | None = None,
) -> Session:
    """A session from a report's timestamps (naive ones are the site's wall clock); EntryError for
    a wall time that does not exist (spring-forward gap). ``memo`` keeps conversions across calls
    (a report repeats its timestamps)."""
    start = _epoch(clock, login, memo)
    end = None if logout is None else _epoch(clock, logout, memo)
    if end is not None and end < start and logout is not None and logout.tzinfo is None:
        end = later_occurrence(clock, end)
    return Session(code, start, end, ref, login.tzinfo is None)


def _forward(clock: Clock, s: Session, floor: int) -> Session:
    """A session given in wall-clock times that overlaps the one before it read forward in time:
    its login in the fall-back night's repeated hour taken at the second occurrence (and its
    logout too when that keeps it after the login), if that ends the overlap; else as it is."""
    start = later_occurrence(clock, s.start)
    if not s.local or start == s.start or start < floor:
        return s
    end = s.end
    if end is not None and end <= start:
        end = later_occurrence(clock, end)
    return s if end is not None and end <= start else Session(s.employee_code, start, end, s.ref, s.local)


def _hhmm(clock: Clock, epoch: int) -> str:
    t = to_datetime(epoch, clock.tz)
    return f"{t:%Y-%m-%d %H:%M}"


def _checked(sessions: Sequence[Session], clock: Clock, out: SessionDays) -> list[Session]:
    """Sessions in login order without the bad ones (recorded in ``out.problems``) and repeats."""
    ok: list[Session] = []
    for s in sorted(sessions, key=lambda s: (s.start, s.end if s.end is not None else 1 << 62)):
        if s.end is not None and s.end < s.start:
            out.problems.append(
                SessionProblem(
                    s.ref,
                    "out",
                    msg(
                        "the logout ({out}) is before the login ({in_})",
                        out=_hhmm(clock, s.end),
                        in_=_hhmm(clock, s.start),
                    ),
                )
            )
            continue
        if s.end is not None and s.end - s.start > 1440:
            out.problems.append(
                SessionProblem(
                    s.ref,
                    "out",
                    msg(
                        "a session of more than 24 hours (from {in_}); is a logout missing?",
                        in_=_hhmm(clock, s.start),
                    ),
                )
            )
            continue
        if s.end is not None and s.end == s.start:
            continue
        if ok:
            prev = ok[-1]
            if (prev.start, prev.end) == (s.start, s.end):
                continue
            if prev.end is not None and s.start < prev.end:
                s = _forward(clock, s, prev.end)
            if prev.end is not None and s.start < prev.end:
                out.problems.append(
                    SessionProblem(
                        s.ref,
                        "in",
                        msg(
                            "this session (login {in_}) overlaps the one before it (login {prev_in}, logout "
                            "{prev_out})",
                            in_=_hhmm(clock, s.start),
                            prev_in=_hhmm(clock, prev.start),
                            prev_out=_hhmm(clock, prev.end),
                        ),
                    )
                )
                continue
        ok.append(s)
    return ok


def _merged(sessions: Sequence[Session], gap: int) -> list[tuple[int, int | None, list[object]]]:
    out: list[tuple[int, int | None, list[object]]] = []
    for s in sessions:
        if out:
            a, b, refs = out[-1]
            if b is not None and s.start - b <= gap:
                out[-1] = (a, s.end if s.end is None else max(b, s.end), [*refs, s.ref])
                continue
        out.append((s.start, s.end, [s.ref]))
    return out


class _Shifts:
    """One employee's scheduled work shifts as (start, end, work date) spans in start order, for
    finding the ones near a session without scanning them all."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int, date]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e, _d in self.spans]

    def near(self, lo: int, hi: int) -> list[tuple[int, int, date]]:
        """The spans starting from a day before ``lo`` until ``hi`` (a shift is at most a day)."""
        i = bisect_left(self.starts, lo - 1440 - _NEAR)
        j = bisect_right(self.starts, hi + _NEAR)
        return self.spans[i:j]


def _work_date(clock: Clock, start: int, end: int | None, shifts: _Shifts) -> date:
    hi = end if end is not None else start + _OPEN_REACH
    near = shifts.near(start, hi)
    best: tuple[int, date] | None = None
    for s, e, d in near:
        overlap = min(hi, e) - max(start, s)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, d)
    if best is not None:
        return best[1]
    if end is None:
        close = [(abs(s - start), d) for s, _e, d in near if abs(s - start) <= _NEAR]
        if close:
            return min(close)[1]
    return to_datetime(start, clock.tz).date()


def sessions_to_days(
    sessions: Sequence[Session],
    schedule: Mapping[str, Sequence[Shift]],
    clock: Clock,
    merge_gap: int,
) -> SessionDays:
    """Actual-time segments per employee and work date from login sessions (see the module
    docstring). ``schedule``: each employee's shifts around the sessions' dates."""
    out = SessionDays()
    by_emp: dict[str, list[Session]] = {}
    for s in sessions:
        by_emp.setdefault(s.employee_code, []).append(s)
    for code, mine in sorted(by_emp.items()):
        spans = _Shifts(
            [
                (*shift_span(clock, sh.work_date, sh.start, sh.end), sh.work_date)
                for sh in schedule.get(code, ())
                if sh.kind is ShiftKind.WORK and sh.start is not None and sh.end is not None
            ]
        )
        for a, b, refs in _merged(_checked(mine, clock, out), merge_gap):
            day = _work_date(clock, a, b, spans)
            sa, fa = wall_time(clock, day, a)
            sb, fb = wall_time(clock, day, b) if b is not None else (0, 0)
            seg = Segment(sa, None if b is None else sb, fa, fb)
            key = (code, day)
            out.days[key] = (*out.days.get(key, ()), seg)
            out.refs.setdefault(key, []).extend(refs)
    for key, segs in list(out.days.items()):
        try:
            check_segments(segs, clock=clock, work_date=key[1])
        except EntryError as exc:
            out.problems.append(
                SessionProblem(
                    out.refs[key][0],
                    "in",
                    msg("the sessions of {day:day} cannot be recorded: {why}", day=key[1], why=exc.msg),
                )
            )
            del out.days[key]
    return out


def near_dates(sessions: Sequence[Session], clock: Clock) -> tuple[date, date] | None:
    """The local dates the sessions touch, widened by a day either side (the shifts to read)."""
    if not sessions:
        return None
    lo = min(s.start for s in sessions)
    hi = max(s.end if s.end is not None else s.start for s in sessions)
    one = timedelta(days=1)
    return to_datetime(lo, clock.tz).date() - one, to_datetime(hi, clock.tz).date() + one
