"""Actual time on the command line over the clock changes of America/Toronto (the default site's
zone): the fall-back night of 31 Oct -> 1 Nov 2026 (02:00 EDT -> 01:00 EST, Ontario Time Act,
R.S.O. 1990, c. T.9, s. 2) and the spring-forward night of 7 -> 8 Mar 2026 (02:00 -> 03:00).
The worked examples are in tests/core/test_actual_dst.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deskwfm.cli.main import main

NIGHT = "22-6:30/30@1:30"
WEEK = [f"2026-10-{d}" for d in range(26, 32)]  # Mon 26 .. Sat 31 Oct: the last night falls back


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    d = ["--db", str(tmp_path / "centre.sqlite3")]
    assert run(capsys, *d, "init", "--pay-basis", "actual")[0] == 0
    assert run(capsys, *d, "employee", "add", "AG002", "Wang Fang", "--rate", "24.50", "--from",
               "2026-01-01", "--login-id", "jwang@acme.com")[0] == 0
    return d


def day_json(capsys: pytest.CaptureFixture[str], d: list[str], day: str) -> dict[str, str]:
    code, out, err = run(capsys, *d, "actual", "show", "--from", day, "--to", day, "--json")
    assert (code, err) == (0, "")
    [row] = json.loads(out)["days"]
    return dict(row)


def test_confirm_as_scheduled_over_the_fall_back_week(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for day in WEEK:
        assert run(capsys, *db, "shift", "set", "AG002", day, NIGHT)[0] == 0
    code, out, err = run(capsys, *db, "actual", "confirm", "--from", WEEK[0], "--to", "2026-11-01")
    assert (code, err) == (0, "") and "confirmed 6 days as scheduled" in out
    fall = day_json(capsys, db, "2026-10-31")
    assert fall["actual"] == "22:00-01:30,01:00-06:30"  # the break ends at 01:00 EST
    assert (fall["scheduled_hours"], fall["worked_hours"], fall["variance_hours"]) == ("9.00", "9.00", "0.00")
    assert day_json(capsys, db, "2026-10-30")["worked_hours"] == "8.00"
    # paid on the actual basis: Sat 31 Oct has 2 h of Sat's night and 6 h of Fri's; Sun 1 Nov has
    # the 7 h of Sat's night after midnight (1.5 h + 5.5 h): 15 h, as scheduled
    code, out, _ = run(capsys, *db, "payroll", "--from", "2026-10-31", "--to", "2026-11-01", "--json")
    assert code == 0 and json.loads(out)["totals"]["regular_hours"] == "15.00"
    code, out, _ = run(capsys, *db, "adherence", "--from", "2026-10-31", "--to", "2026-10-31", "--json")
    total = json.loads(out)["total"]
    assert (total["scheduled_hours"], total["adhered_hours"], total["worked_hours"]) == ("9.00",) * 3
    code, out, _ = run(capsys, *db, "exceptions", "--from", WEEK[0], "--to", "2026-10-31", "--json")
    assert code == 0 and json.loads(out)["exceptions"] == []


def test_a_typed_night_across_fall_back_is_nine_and_a_half_hours(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *db, "shift", "set", "AG002", "2026-10-31", NIGHT)[0] == 0
    code, out, err = run(capsys, *db, "actual", "set", "AG002", "2026-10-31", "22:00-06:30")
    assert (code, err, out) == (0, "", "AG002 2026-10-31: 22:00-06:30\n")
    assert day_json(capsys, db, "2026-10-31")["worked_hours"] == "9.50"
    # the break typed as the schedule's text parses back to the same record, 9 h
    code, out, _ = run(capsys, *db, "actual", "set", "AG002", "2026-10-31", "22:00-01:30,01:00-06:30")
    assert code == 0 and day_json(capsys, db, "2026-10-31")["worked_hours"] == "9.00"
    # across spring forward: 7.5 h elapsed less the break
    assert run(capsys, *db, "actual", "set", "AG002", "2026-03-07", "22:00-06:30/30")[0] == 0
    code, out, _ = run(capsys, *db, "actual", "show", "--from", "2026-03-07", "--to", "2026-03-07", "--json")
    assert json.loads(out)["days"][0]["worked_hours"] == "7.00"


def test_a_real_overlap_is_refused_naming_the_employee_and_date(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *db, "actual", "set", "AG002", "2026-10-31", "22:00-03:00,02:30-06:30")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("deskwfm: AG002 Sat 2026-10-31: ") and "starts before the worked time" in err
    code, out, err = run(capsys, *db, "actual", "set", "AG002", "2026-03-07", "22:00-02:30")
    assert code == 2 and "AG002 Sat 2026-03-07" in err and "02:30 does not exist" in err


def test_an_import_with_utc_offsets_across_fall_back(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *db, "shift", "set", "AG002", "2026-10-31", NIGHT)[0] == 0
    csv = tmp_path / "acd.csv"
    csv.write_text(
        "AGENT,LOGIN TIMESTAMP,LOGOUT TIMESTAMP\n"
        "jwang@acme.com,2026-10-31T22:00:00-04:00,2026-11-01T01:30:00-04:00\n"
        "jwang@acme.com,2026-11-01T01:00:00-05:00,2026-11-01T06:30:00-05:00\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, *db, "actual", "import", str(csv))
    assert (code, err) == (0, "") and "1 new" in out
    fall = day_json(capsys, db, "2026-10-31")
    assert (fall["actual"], fall["worked_hours"]) == ("22:00-01:30,01:00-06:30", "9.00")
    code, out, _ = run(capsys, *db, "actual", "import", str(csv))
    assert code == 0 and "0 new, 0 changed, 1 unchanged" in out  # re-importing changes nothing


def test_an_import_with_local_times_across_fall_back_reads_them_forward(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *db, "shift", "set", "AG002", "2026-10-31", NIGHT)[0] == 0
    csv = tmp_path / "local.csv"
    csv.write_text(
        "AGENT,LOGIN TIMESTAMP,LOGOUT TIMESTAMP\n"
        "jwang@acme.com,10/31/2026 10:00 PM,11/01/2026 01:30 AM\n"
        "jwang@acme.com,11/01/2026 01:00 AM,11/01/2026 06:30 AM\n",  # 01:00 again: after the break
        encoding="utf-8",
    )
    code, out, err = run(capsys, *db, "actual", "import", str(csv))
    assert (code, err) == (0, "") and "1 new" in out
    fall = day_json(capsys, db, "2026-10-31")
    assert (fall["actual"], fall["worked_hours"]) == ("22:00-01:30,01:00-06:30", "9.00")


def test_overlapping_imported_sessions_are_still_located_at_their_row(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "AGENT,LOGIN TIMESTAMP,LOGOUT TIMESTAMP\n"
        "jwang@acme.com,2026-10-31T22:00:00-04:00,2026-11-01T01:30:00-05:00\n"
        "jwang@acme.com,2026-11-01T01:00:00-05:00,2026-11-01T06:30:00-05:00\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, *db, "actual", "import", str(csv))
    assert code == 2 and "nothing was imported" in err
    assert "bad.csv!B3: this session (login 2026-11-01 01:00) overlaps the one before it" in err
