"""There is one way to write: ``Store.apply``. Every other public method of the store only reads
(a new public method must be classified here, and if it reads, it is run to prove it)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event

from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.store.store import Store
from tests.store.writes import emp, put, rate, shift

MON = date(2026, 11, 23)
_WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)

# Each read-only public method with arguments to call it with.
READS: dict[str, Callable[[Store], object]] = {
    "get_site": lambda s: s.get_site(),
    "load_range": lambda s: s.load_range(MON, MON),
    "list_employees": lambda s: s.list_employees(),
    "get_employee": lambda s: s.get_employee("AG001"),
    "teams": lambda s: s.teams(),
    "rates": lambda s: s.rates(),
    "list_codes": lambda s: s.list_codes(),
    "shifts_between": lambda s: s.shifts_between(MON, MON),
    "cells": lambda s: s.cells([("AG001", MON)]),
    "forecast_count": lambda s: s.forecast_count(),
    "forecast_between": lambda s: s.forecast_between(MON, MON),
    "periods": lambda s: s.periods(),
    "approvals": lambda s: s.approvals(),
    "snapshots": lambda s: s.snapshots(MON, 1),
    "audit_entries": lambda s: s.audit_entries(),
    "audit_actors": lambda s: s.audit_actors(),
    "verify_audit": lambda s: s.verify_audit(),
    "audit_head": lambda s: s.audit_head(),
    "change_stamp": lambda s: s.change_stamp(),
    "moved_elsewhere": lambda s: s.moved_elsewhere(0),
    "counts": lambda s: s.counts(),
    "actual_between": lambda s: s.actual_between(MON, MON),
    "actual_cells": lambda s: s.actual_cells([("AG001", MON)]),
    "absence_codes": lambda s: s.absence_codes(),
}
THE_WRITE = {"apply"}
LIFETIME = {"open", "close", "backup"}  # backup writes another file, never this database


def _public_methods() -> set[str]:
    return {n for n, v in inspect.getmembers(Store) if not n.startswith("_") and callable(v)}


def test_every_public_method_of_the_store_is_classified() -> None:
    unknown = _public_methods() - set(READS) - THE_WRITE - LIFETIME
    assert not unknown, (
        f"new public Store method(s) {sorted(unknown)}: a write must be a change set through "
        "Store.apply; if it only reads, add it to READS here"
    )


def test_reads_never_write_and_apply_is_the_only_writer(store: Store, tmp_path: Path) -> None:
    put(
        store,
        emp(Employee("AG001", "Zoë Côté")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20"))),
        shift(Shift("AG001", MON, time(9), time(17))),
    )
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if _WRITE_SQL.match(statement):
            seen.append(statement.split()[0].upper())

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        for name, call in READS.items():
            call(store)
            assert seen == [], f"Store.{name} wrote: {seen}"
        put(store, shift(Shift("AG001", MON, time(10), time(18))))
        assert "UPDATE" in seen and "INSERT" in seen  # the shift, the stamp, the audit row
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
