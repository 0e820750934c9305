"""Several workstations (processes) doing read-modify-write on the same cells through the grid's
edit path (each edit names the value it read) lose no acknowledged edit, on SQLite and on
PostgreSQL. Before the one write path, PostgreSQL lost 114 of 1,221 such edits (READ COMMITTED:
the version check and the update were separate statements)."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date, time
from decimal import Decimal

from deskwfm.core.errors import StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.store.store import Store
from tests.store.writes import emp, put, rate, shift

DAY = date(2026, 11, 24)
CELLS = ("AG001", "AG002")
WORKERS = 3
EACH = 60  # acknowledged increments per worker


def _value(s: Shift | None) -> int:
    """The counter a cell holds: its start, in minutes after midnight."""
    return 0 if s is None or s.start is None else s.start.hour * 60 + s.start.minute


def _text(n: int) -> str:
    return f"{n // 60}:{n % 60:02d}-23:59"


def _worker(target: str, seed: int, out: mp.Queue[tuple[int, int, str]]) -> None:
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    acked = refused = 0
    problem = ""
    ws = Workspace.open(target)
    try:
        i = seed
        while acked < EACH:
            code = CELLS[i % len(CELLS)]
            i += 1
            seen = ws.store.cells([(code, DAY)]).get((code, DAY))
            edit = CellEdit(code, DAY, _text(_value(seen) + 1), check=True, expected=seen)
            try:
                apply_edits(ws, [edit])
                acked += 1
            except StaleEditError:
                refused += 1
            except Exception as exc:  # anything else is a failure the test reports
                problem = f"{type(exc).__name__}: {exc}"
                break
    finally:
        ws.close()
        out.put((acked, refused, problem))


def test_racing_workstations_lose_no_acknowledged_edit(store: Store, db_target: str) -> None:
    put(
        store,
        *[emp(Employee(c, c)) for c in CELLS],
        *[rate(PayRate(c, date(2026, 1, 1), Decimal("20"))) for c in CELLS],
        *[shift(Shift(c, DAY, time(0, 0), time(23, 59))) for c in CELLS],
    )
    ctx = mp.get_context("spawn")
    out: mp.Queue[tuple[int, int, str]] = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(db_target, k, out)) for k in range(WORKERS)]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    problems = [r[2] for r in results if r[2]]
    assert not problems, problems  # e.g. no "duplicate key" or driver text, only stale refusals
    acked = sum(r[0] for r in results)
    final = sum(_value(store.cells([(c, DAY)]).get((c, DAY))) for c in CELLS)
    assert acked == WORKERS * EACH
    assert final == acked, f"{acked - final} acknowledged edits were lost"
    # every acknowledged edit is in the audit trail, each once
    audited = [e for e in store.audit_entries(entity="shift") if e.how == "grid edit"]
    assert len(audited) == acked
