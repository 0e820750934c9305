"""Actual time through the command line: init --pay-basis, login IDs, actual set/import/confirm,
exceptions --json, approval refused until resolved; bad input is one line, exit 2, nothing written."""

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


def dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as c:
        lines = list(c.iterdump())
    c.close()
    return lines


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    p = tmp_path / "centre.sqlite3"
    d = ["--db", str(p)]
    assert run(capsys, *d, "init", "--pay-basis", "actual")[0] == 0
    assert (
        run(
            capsys,
            *d,
            "employee",
            "add",
            "AG001",
            "Zoë Côté",
            "--rate",
            "20",
            "--from",
            "2026-01-01",
            "--login-id",
            "4711",
        )[0]
        == 0
    )
    assert (
        run(capsys, *d, "employee", "add", "AG002", "Wang Fang", "--rate", "24.50", "--from", "2026-01-01")[0]
        == 0
    )
    assert run(capsys, *d, "employee", "login-id", "AG002", "jwang@acme.com")[0] == 0
    for day in ("16", "17", "18"):
        assert run(capsys, *d, "shift", "set", "AG001", f"2026-11-{day}", "9-17/30")[0] == 0
        assert run(capsys, *d, "shift", "set", "AG002", f"2026-11-{day}", "22-6:30/30")[0] == 0
    return p


def test_init_pay_basis_and_timekeeping_settings(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db), "timekeeping", "--rounding", "15", "--late-grace", "0")
    assert code == 0 and "pay basis: actual" in out and "nearest 15 minutes" in out and "late 0 min" in out
    code, _, err = run(capsys, "--db", str(db), "timekeeping", "--rounding", "7")
    assert code == 2 and err.count("\n") == 1 and "nearest 5, 6, 10 or 15" in err
    code, _, err = run(capsys, "--db", str(db), "init", "--pay-basis", "hours")
    assert code == 2 and "expected schedule or actual" in err


def test_set_import_confirm_and_exceptions(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--db", str(db)]
    assert run(capsys, *d, "actual", "set", "AG001", "2026-11-16", "LATE 9:40-17:00/30")[1] == (
        "AG001 2026-11-16: 09:40-17:00/30 LATE\n"
    )
    csv = tmp_path / "five9.csv"
    csv.write_text(
        "AGENT,LOGIN TIMESTAMP,LOGOUT TIMESTAMP,LOGIN TIME\n"
        "jwang@acme.com,11/16/2026 09:57:00 PM,11/16/2026 11:58:00 PM,2:01:00\n"
        "jwang@acme.com,11/17/2026 12:07:00 AM,11/17/2026 06:31:00 AM,6:24:00\n"
        "4711,11/17/2026 08:59:00 AM,11/17/2026 05:02:00 PM,8:03:00\n"
        "jwang@acme.com,11/17/2026 09:58:00 PM,,\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, *d, "actual", "import", str(csv), "--dry-run")
    assert (code, err) == (0, "") and "3 new" in out and "nothing was written" in out
    code, out, _ = run(capsys, *d, "actual", "import", str(csv))
    assert code == 0 and "3 new, 0 changed, 0 unchanged" in out
    assert "0 new, 0 changed, 3 unchanged" in run(capsys, *d, "actual", "import", str(csv))[1]
    code, out, _ = run(capsys, *d, "exceptions", "--from", "2026-11-16", "--to", "2026-11-18", "--json")
    data = json.loads(out)
    kinds = [(e["employee"], e["date"], e["kind"], e["blocks_approval"]) for e in data["exceptions"]]
    assert ("AG001", "2026-11-16", "late", False) in kinds  # coded LATE: resolved
    assert ("AG002", "2026-11-17", "missing_logout", True) in kinds
    assert ("AG001", "2026-11-18", "no_show", True) in kinds
    code, _, err = run(capsys, *d, "period", "approve", "2026-11-08")
    assert code == 2 and "have unresolved critical exceptions (AG001, AG002)" in err and err.count("\n") == 1
    assert run(capsys, *d, "actual", "set", "AG002", "2026-11-17", "21:58-6:30")[0] == 0
    code, out, _ = run(capsys, *d, "actual", "confirm", "--from", "2026-11-18", "--to", "2026-11-18")
    assert code == 0 and "confirmed 2 days as scheduled" in out
    assert run(capsys, *d, "period", "approve", "2026-11-08")[0] == 0
    code, out, _ = run(capsys, *d, "actual", "show", "--from", "2026-11-16", "--to", "2026-11-16")
    assert "09:00-17:00/30" in out and "09:40-17:00/30 LATE" in out and "21:57-23:58,00:07-06:31" in out


def test_import_problems_are_located_and_nothing_is_written(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(db)
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "Login ID,Login Time,Logout Time\n9999,11/16/2026 9:00 AM,11/16/2026 5:00 PM\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "--db", str(db), "actual", "import", str(csv))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        'bad.csv!A2: no employee has the login ID "9999"; give it to one with: '
        "deskwfm employee login-id CODE 9999",
        "deskwfm: bad.csv: 1 problem; nothing was imported",
    ]
    assert dump(db) == before


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["actual", "set", "AG001", "2026-11-16", "9-25"], '"9-25": "25" is not a time'),
        (["actual", "set", "AG009", "2026-11-16", "9-17"], "there is no employee AG009"),
        (["actual", "set", "AG001", "16/11/2026", "9-17"], "is not a date"),
        (["actual", "import", "nowhere.csv"], "nowhere.csv: no such file"),
        (["actual", "import", "x.csv", "--columns", "id=A"], "in=, out= must be given"),
        (["employee", "login-id", "AG002", "4711"], "login ID: 4711 already belongs to AG001"),
        (["absence", "set", "9X"], 'absence code "9X" must start with a letter'),
        (["absence", "remove", "NOPE"], "no absence code NOPE"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_changes(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    before = dump(db)
    code, _, err = run(capsys, "--db", str(db), *argv)
    assert code == 2 and says in err and err.count("\n") == 1 and err.startswith("deskwfm: ")
    assert dump(db) == before


def test_absence_codes_can_be_listed_added_and_changed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--db", str(db)]
    assert (
        run(
            capsys,
            *d,
            "absence",
            "set",
            "JURY",
            "--label",
            "Jury duty",
            "--pay",
            "fixed",
            "--hours",
            "7.5",
            "--reasonable-cause",
            "yes",
        )[0]
        == 0
    )
    out = run(capsys, *d, "absence", "list")[1]
    assert "JURY   Jury duty" in out and "fixed 7.50 h" in out
    assert run(capsys, *d, "actual", "set", "AG001", "2026-11-16", "jury")[0] == 0
    code, out, _ = run(
        capsys, *d, "payroll", "--from", "2026-11-08", "--to", "2026-11-21", "--employee", "AG001", "--json"
    )
    assert json.loads(out)["employees"][0]["leave_hours"] == "7.50"
