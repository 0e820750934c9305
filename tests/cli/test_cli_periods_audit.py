"""`deskwfm period ...` and `deskwfm audit ...` as a clerk runs them: one line per refusal (exit 2),
the lock refusing every kind of dated change, and `audit verify` naming a tampered row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from deskwfm.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    p = str(tmp_path / "centre.sqlite3")
    assert run(capsys, "--db", p, "init")[0] == 0
    for code in ("AG001", "AG002"):
        assert (
            run(
                capsys,
                "--db",
                p,
                "employee",
                "add",
                code,
                f"Agent {code}",
                "--rate",
                "20",
                "--from",
                "2026-01-01",
            )[0]
            == 0
        )
        for day in range(9, 14):
            assert run(capsys, "--db", p, "shift", "set", code, f"2026-11-{day:02d}", "9-17")[0] == 0
    return p


def test_list_approve_lock_unlock_and_diff(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "period", "lock", "2026-11-08")
    assert (
        code == 2 and "2 employees are not approved yet (AG001, AG002)" in err and len(err.splitlines()) == 1
    )
    assert run(capsys, "--db", db, "period", "approve", "2026-11-08", "--employee", "AG001")[1].startswith(
        "approved 1 employee"
    )
    run(capsys, "--db", db, "period", "approve", "2026-11-08")
    code, out, _ = run(capsys, "--db", db, "period", "lock", "2026-11-08")
    assert code == 0 and "locked the pay period 2026-11-08 to 2026-11-21 (lock 1)" in out
    listed = json.loads(run(capsys, "--db", db, "period", "list", "--json")[1])["periods"]
    row = next(p for p in listed if p["start"] == "2026-11-08")
    assert (row["status"], row["approved"], row["lock_no"]) == ("locked", 2, 1) and row["locked_by"]

    refusals = [
        ("shift", "set", "AG001", "2026-11-10", "10-18"),
        ("shift", "set", "AG002", "2026-11-07", "22-6"),  # a night shift reaching into the period
        ("employee", "rate", "AG001", "25", "--from", "2026-11-15"),
        ("period", "approve", "2026-11-08"),
    ]
    for argv in refusals:
        code, out, err = run(capsys, "--db", db, *argv)
        assert code == 2 and out == "", argv
        assert err.startswith("deskwfm: the pay period 2026-11-08 to 2026-11-21 is locked (by "), argv
        assert len(err.splitlines()) == 1

    with pytest.raises(SystemExit) as stop:
        main(["--db", db, "period", "unlock", "2026-11-08"])
    assert stop.value.code == 2 and "--reason" in capsys.readouterr().err
    code, out, _ = run(capsys, "--db", db, "period", "unlock", "2026-11-08", "--reason", "missed overtime")
    assert code == 0 and out.strip().endswith("missed overtime")
    assert run(capsys, "--db", db, "shift", "set", "AG001", "2026-11-10", "9-19")[0] == 0
    diff = json.loads(run(capsys, "--db", db, "period", "diff", "2026-11-08", "--json")[1])
    assert [d["code"] for d in diff["differences"]] == ["AG001"]
    assert (diff["differences"][0]["stored_gross"], diff["differences"][0]["gross_now"]) == (
        "800.00",
        "840.00",
    )


def test_audit_lists_filters_and_verifies(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    changes = json.loads(run(capsys, "--db", db, "audit", "--employee", "AG002", "--json")[1])["changes"]
    shifts = [c for c in changes if c["entity"] == "shift"]
    assert len(shifts) == 5 and {c["how"] for c in shifts} == {"command line"}
    assert shifts[0]["detail"].startswith("deskwfm --db") and shifts[0]["after"] == {"entry": "09:00-17:00"}
    code, out, _ = run(capsys, "--db", db, "audit", "--from", "2026-11-13", "--to", "2026-11-13")
    assert code == 0 and len(out.splitlines()) == 2  # one Friday each: oldest first
    assert "shift AG001 2026-11-13: ∅ → 09:00-17:00" in out.splitlines()[0]

    code, out, _ = run(capsys, "--db", db, "audit", "verify")
    assert code == 0 and out.startswith("the audit trail holds:")
    with sqlite3.connect(db) as c:
        c.execute("DROP TRIGGER audit_append_only_delete")
        c.execute("DELETE FROM audit WHERE id = 7")
    c.close()
    code, out, err = run(capsys, "--db", db, "audit", "verify")
    assert code == 1 and err == "deskwfm: audit rows 7 to 7 were deleted outside deskwfm\n"
