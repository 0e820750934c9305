"""Payroll benchmark: 1,000 employees x 1 month of shifts in a temporary SQLite database.

Prints, from the same run (best of N):
  load     time to merely load the rows the payroll needs from the store (site, employees,
           rates, shifts over the engine's load window) - the floor any payroll run pays;
  payroll  time of the payroll computation itself (core.payroll.compute_payroll), budget 0.3 s;
  end2end  services.payroll.run_payroll: load + holidays + computation.

Run: python bench/bench_payroll.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path

from deskwfm.core.holidays import holidays_between
from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.core.payroll import compute_payroll, payroll_load_window
from deskwfm.core.site import SiteSettings
from deskwfm.services.payroll import run_payroll
from deskwfm.services.setup import init_database

EMPLOYEES = 1000
PERIOD = (date(2026, 11, 1), date(2026, 11, 30))
BUDGET_S = 0.3


def build(path: Path) -> tuple[object, int]:
    ws = init_database(path, SiteSettings())
    rng = random.Random(7)
    site = ws.store.get_site()
    assert site is not None
    first, last = payroll_load_window(site, *PERIOD)
    emps = [Employee(f"E{i:04d}", f"Agent {i}", f"Team {i % 8}") for i in range(EMPLOYEES)]
    rates = [PayRate(e.code, date(2025, 1, 1), Decimal(rng.randrange(1800, 3200)) / 100) for e in emps]
    rates += [PayRate(e.code, date(2026, 11, 16), Decimal("33.00")) for e in emps[::10]]  # mid-month raises
    plain = [(clock_time(9), clock_time(17, 30), 30), (clock_time(12), clock_time(20, 30), 30)]
    shifts: list[Shift] = []
    d = first
    while d <= last:
        for i, e in enumerate(emps):
            if (d.weekday() + i) % 7 < 5:  # five days a week, staggered days off
                pick = (i + d.toordinal()) % 6
                if pick < 3:
                    code = "DEN"[pick]
                    shifts.append(Shift(e.code, d, None, None, 0, code))
                elif pick == 3 and d.day % 9 == 0:
                    shifts.append(Shift(e.code, d, None, None, 0, "VAC"))
                else:
                    s, t, b = plain[pick % 2]
                    shifts.append(Shift(e.code, d, s, t, b))
            elif i % 17 == 0:  # some sixth days: overtime
                shifts.append(Shift(e.code, d, clock_time(8), clock_time(16, 30), 30, "D"))
        d += timedelta(days=1)
    codes = {c.code: c for c in ws.store.list_codes()}
    shifts = [
        Shift(s.employee_code, s.work_date, codes[s.code].start, codes[s.code].end,
              codes[s.code].break_minutes, s.code) if s.code else s
        for s in shifts
    ]
    from deskwfm.core.changes import Change, ChangeSet, Entity, How

    ws.commit(ChangeSet(
        [Change(Entity.EMPLOYEE, (e.code,), e) for e in emps]
        + [Change(Entity.RATE, (r.employee_code, r.effective_from), r) for r in rates]
        + [Change(Entity.SHIFT, (s.employee_code, s.work_date), s) for s in shifts],
        How.DEMO,
    ))
    return ws, len(shifts)


def best(fn: object, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ws, n = build(Path(tmp) / "bench.sqlite3")
        setup = time.perf_counter() - t0
        store = ws.store  # type: ignore[attr-defined]
        site = store.get_site()
        first, last = payroll_load_window(site, *PERIOD)
        load_s, data = best(lambda: store.load_range(first, last, include_inactive=True), args.repeat)
        hol = holidays_between(site.holiday_region, first, last)
        pay_s, result = best(
            lambda: compute_payroll(site, data.employees, data.rates, data.shifts, *PERIOD, hol),
            args.repeat,
        )
        e2e_s, _ = best(lambda: run_payroll(ws, *PERIOD), args.repeat)  # type: ignore[arg-type]
        gross = sum(p.gross for p in result.employees)  # type: ignore[attr-defined]
        in_period = sum(1 for s in data.shifts if PERIOD[0] <= s.work_date <= PERIOD[1])
        ws.close()  # type: ignore[attr-defined]
    print(f"deskwfm payroll benchmark: {EMPLOYEES} employees, {PERIOD[0]}..{PERIOD[1]}, "
          f"{in_period} shifts in the period, {len(data.shifts)} loaded ({first}..{last}, "
          f"Ontario rules look-back), {n} written in {setup:.2f} s; best of {args.repeat}")
    print(f"  load from store    {load_s * 1000:8.1f} ms")
    print(f"  payroll compute    {pay_s * 1000:8.1f} ms   (budget {BUDGET_S * 1000:.0f} ms)")
    print(f"  run_payroll total  {e2e_s * 1000:8.1f} ms")
    print(f"  gross pay          {gross:,.2f}")
    return 0 if pay_s <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
