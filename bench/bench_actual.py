"""Actual time at contact-centre scale (prints figures; not a timed test).

    python bench/bench_actual.py

500 agents, 4 weeks, 5 shifts a week (a fifth of them on nights crossing midnight): the phone
system's login/logout report holds about 40,000 sessions — four per shift: a login, a short
re-login (a gap under the site's 2 minutes), back from lunch, another re-login — written as a
Five9-style CSV (MM/DD/YYYY hh:mm:ss AM/PM, a title, a totals row). Measured in the same run:

- the baselines: merely reading the file — its bytes split into CSV fields (``csv.reader``), and
  read into sessions with their values parsed (``files.actual_read.read_sessions``);
- planning the import (read + find each agent + join gaps + attribute sessions to shifts +
  compare with the database), writing it (one change set, ~10,000 days, audited), and importing
  the same file again (nothing changes);
- computing the period's exceptions, adherence, and the payroll on the actual basis.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.core.site import SiteSettings
from deskwfm.core.timekeeping import PayBasis, Timekeeping
from deskwfm.services.workspace import Workspace

AGENTS, WEEKS = 500, 4
FIRST = date(2026, 11, 1)  # a Sunday: periods 11-01..11-14, 11-15..11-28 of a biweekly site
DAYS = [FIRST + timedelta(days=i) for i in range(7 * WEEKS)]
NOW = int(datetime(2027, 1, 1).timestamp()) // 60
ROUNDS = 3


def _plan(i: int) -> tuple[int, int] | None:
    """Agent i's shift (start, end minutes) on weekdays; a fifth of them on nights."""
    if i % 5 == 0:
        return 22 * 60, 30 * 60 + 30
    return (8 * 60 + (i % 4) * 60, 16 * 60 + 30 + (i % 4) * 60)


def new_centre(path: Path) -> Workspace:
    ws = Workspace.open(path, create=True)
    from deskwfm.core.absence import DEFAULT_ABSENCE_CODES

    site = SiteSettings(name="Bench centre", timekeeping=Timekeeping(pay_basis=PayBasis.ACTUAL))
    emps = [
        Employee(f"AG{i:04d}", f"Agent {i}", f"Team {i % 12}", login_id=str(5000 + i)) for i in range(AGENTS)
    ]
    rate_from = date(2026, 1, 1)
    shifts = []
    for i in range(AGENTS):
        a, b = _plan(i)  # type: ignore[misc]
        for d in DAYS:
            if d.weekday() < 5:
                shifts.append(Shift(emps[i].code, d, _t(a), _t(b), 30))
    ws.commit(ChangeSet(
        [Change(Entity.SITE, (), site, expected=None)]
        + [Change(Entity.ABSENCE_CODE, (c.code,), c) for c in DEFAULT_ABSENCE_CODES]
        + [Change(Entity.EMPLOYEE, (e.code,), e) for e in emps]
        + [Change(Entity.RATE, (e.code, rate_from), PayRate(e.code, rate_from, Decimal("21.50")))
           for e in emps]
        + [Change(Entity.SHIFT, (s.employee_code, s.work_date), s) for s in shifts],
        How.DEMO,
    ))
    return ws


def _t(minute: int) -> object:
    from datetime import time as t

    m = minute % 1440
    return t(m // 60, m % 60)


def _stamp(d: date, minute: int) -> str:
    dt = datetime(d.year, d.month, d.day) + timedelta(minutes=minute)
    return dt.strftime("%m/%d/%Y %I:%M:%S %p")


def build_report(path: Path) -> int:
    """The login/logout report: four sessions per worked shift, with jitter. Returns the rows."""
    rng = random.Random(7)
    lines = ["Agent Login-Logout Report", "", "AGENT,AGENT NAME,LOGIN TIMESTAMP,LOGOUT TIMESTAMP,LOGIN TIME"]
    rows = 0
    for i in range(AGENTS):
        a, b = _plan(i)  # type: ignore[misc]
        for d in DAYS:
            if d.weekday() >= 5 or rng.random() < 0.02:  # weekends off; 2 % no-shows
                continue
            start = a + rng.randint(-4, 9)
            end = b + rng.randint(-6, 12)
            mid = (start + end) // 2
            relog1 = start + 60 + rng.randint(0, 60)
            relog2 = mid + 60 + rng.randint(0, 60)
            cuts = [
                (start, relog1), (relog1 + 1, mid - 15), (mid + 15 + rng.randint(0, 5), relog2),
                (relog2 + 1, end),
            ]
            for s, e in cuts:
                lines.append(f"{5000 + i},Agent {i},{_stamp(d, s)},{_stamp(d, e)},")
                rows += 1
    lines.append("Total,,,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows


def _split(path: Path) -> int:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh))


def timed(fn: object, *args: object, **kw: object) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn(*args, **kw)  # type: ignore[operator]
    return time.perf_counter() - t0, result


def main() -> int:
    from deskwfm.files.actual_read import read_sessions
    from deskwfm.services.actual_import import apply_actual_import, plan_actual_import
    from deskwfm.services.exceptions import adherence_between, exceptions_between
    from deskwfm.services.payroll import run_payroll

    tmp = Path(tempfile.mkdtemp(prefix="bench_actual_"))
    report = tmp / "agents.csv"
    rows = build_report(report)
    print(f"report: {rows:,} sessions of {AGENTS} agents over {WEEKS} weeks, "
          f"{report.stat().st_size / 1_048_576:.1f} MB")
    reads, plans, writes, again, excs, adhs, pays, raw = [], [], [], [], [], [], [], []
    for k in range(ROUNDS):
        ws = new_centre(tmp / f"centre{k}.sqlite3")
        raw.append(timed(_split, report)[0])
        reads.append(timed(read_sessions, report)[0])
        took, plan = timed(plan_actual_import, ws, report)
        plans.append(took)
        assert plan.ok, plan.problems[:3]  # type: ignore[attr-defined]
        took, n = timed(apply_actual_import, ws, plan)
        writes.append(took)
        took, plan2 = timed(plan_actual_import, ws, report)
        again.append(took)
        assert not plan2.changes  # type: ignore[attr-defined]
        took, found = timed(exceptions_between, ws, DAYS[0], DAYS[-1], now=NOW)
        excs.append(took)
        adhs.append(timed(adherence_between, ws, DAYS[0], DAYS[-1], now=NOW)[0])
        pays.append(timed(run_payroll, ws, date(2026, 11, 15), date(2026, 11, 28))[0])
        days = len(ws.store.actual_between(DAYS[0], DAYS[-1]))
        ws.close()

    def line(what: str, xs: list[float]) -> str:
        return f"{what}: best {min(xs) * 1000:,.0f} ms, median {statistics.median(xs) * 1000:,.0f} ms"

    base = min(reads)
    print(line("baseline: splitting the file into CSV fields", raw))
    print(line("baseline: reading the file into sessions (values parsed)", reads))
    print(line("plan (read + match + join + attribute + compare)", plans)
          + f"  = {min(plans) / base:.1f} x reading")
    print(line(f"write ({n:,} days, audited, one transaction)", writes))  # type: ignore[str-format]
    print(line("import the same file again (nothing changes)", again))
    print(line(f"exceptions of the 4 weeks ({len(found.exceptions):,} found)", excs))  # type: ignore[attr-defined]
    print(line("adherence of the 4 weeks", adhs))
    print(line(f"payroll of a 2-week period on the actual basis ({AGENTS} agents)", pays))
    print(f"{days:,} days of actual time stored; {ROUNDS} rounds each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
