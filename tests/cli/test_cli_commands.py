"""The command line as the issue shows it: each command, and each bad input giving one line on
stderr, exit status 2, and an unchanged database."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from deskwfm.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def dump(db: Path) -> list[str]:
    """The database's content as SQL (a logical snapshot, independent of WAL checkpoints)."""
    with sqlite3.connect(db) as c:
        lines = list(c.iterdump())
    c.close()
    return lines


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    p = tmp_path / "centre.sqlite3"
    assert run(capsys, "--db", str(p), "init")[0] == 0
    assert run(capsys, "--db", str(p), "employee", "add", "AG014", "Zoë Côté", "--rate", "20.00",
               "--from", "2026-01-01", "--team", "Billing")[0] == 0
    return p


def test_init_with_every_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "us.sqlite3"
    options = ["--rules", "california", "--tz", "America/Los_Angeles", "--holidays", "US-CA",
               "--pay-period", "weekly", "--period-start", "2026-11-02", "--week-start", "monday",
               "--night", "23:00-07:00", "--night-premium", "10%"]
    code, out, err = run(capsys, "--db", str(p), "init", *options)
    assert (code, err) == (0, "")
    assert "Created" in out and "rules california" in out and "weeks start on Monday" in out
    from deskwfm.core.rules import NightPremiumKind
    from deskwfm.services.site import get_site
    from deskwfm.services.workspace import Workspace

    with Workspace.open(p) as ws:
        site = get_site(ws)
    assert (site.tz, site.holiday_region, site.week_start, site.pay_period.value) == (
        "America/Los_Angeles", "US-CA", 0, "weekly")
    assert str(site.period_anchor) == "2026-11-02"
    assert (site.rules.night_start.hour, site.rules.night_end.hour) == (23, 7)
    assert site.rules.night_premium == 10 and site.rules.night_premium_kind is NightPremiumKind.PERCENT
    q = tmp_path / "amount.sqlite3"
    assert run(capsys, "--db", str(q), "init", "--night-premium", "1.00")[0] == 0
    with Workspace.open(q) as ws:
        rules = get_site(ws).rules
    assert rules.night_premium == 1 and rules.night_premium_kind is NightPremiumKind.AMOUNT


def test_init_demo_then_payroll_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "demo.sqlite3"
    code, out, _ = run(capsys, "--db", str(p), "init", "--demo")
    assert code == 0 and "60 employees" in out
    from datetime import date, timedelta

    today = date.today()
    code, out, err = run(capsys, "--db", str(p), "payroll", "--from", str(today - timedelta(days=13)),
                         "--to", str(today), "--json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert len(doc["employees"]) == 60 and set(doc["totals"]) >= {"gross_pay", "regular_hours"}
    assert all(isinstance(v, str) and v.count(".") == 1 and len(v.split(".")[1]) == 2
               for v in doc["totals"].values())
    assert any(e["name"] == "王芳" for e in doc["employees"])


def test_employee_shift_payroll_and_backup(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(db), "employee", "rate", "AG014", "22.50", "--from", "2026-11-15")
    assert code == 0 and "22.50 an hour from 2026-11-15" in out
    code, out, _ = run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-24", "9-17/30")
    assert code == 0 and out.strip() == "AG014 Tue 2026-11-24: 09:00-17:00/30 (7.50 h)"
    code, out, _ = run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-25", "n")
    assert code == 0 and "N (work, 8.00 h)" in out
    code, out, _ = run(capsys, "--db", str(db), "payroll", "--from", "2026-11-22", "--to", "2026-11-28")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Payroll 2026-11-22 to 2026-11-28 (1 employee)"
    row = next(ln for ln in lines if ln.startswith("AG014"))
    assert row.split()[-1] == "348.75"  # 15.5 h x 22.50
    week = ["--from", "2026-11-22", "--to", "2026-11-28"]
    code, out, _ = run(capsys, "--db", str(db), "payroll", *week, "--json")
    assert json.loads(out)["employees"][0]["gross_pay"] == "348.75"
    for clear in ("", "OFF"):
        run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-24", "D")
        code, out, _ = run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-24", clear)
        assert code == 0 and out.strip().endswith("cleared")
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "backup", str(copy))
    assert code == 0 and str(copy) in out
    assert dump(copy) == dump(db)


BAD = [
    (["shift", "set", "AG014", "2026-02-30", "D"], 'date "2026-02-30" is not a date'),
    (["shift", "set", "AG014", "24/11/2026", "D"], "write it as YYYY-MM-DD"),
    (["shift", "set", "AG014", "2026-11-24", "25-3"],
     'AG014 Tue 2026-11-24: "25-3": hour 25 is not a time; write 9-17 or 09:00-17:30'),
    (["shift", "set", "AG014", "2026-11-24", "9-9"], "zero-length or 24-hour shift"),
    (["shift", "set", "AG999", "2026-11-24", "D"], "there is no employee AG999"),
    (["employee", "add", "AG015", "New Person", "--rate", "-20"], "hourly rate: -20 must be more than zero"),
    (["employee", "add", "AG015", "New Person", "--rate", "NaN"], 'hourly rate: "NaN" is not a number'),
    (["employee", "add", "AG015", "New Person", "--rate", "0"], "more than zero"),
    (["employee", "add", "AG015", "New Person", "--rate", "20", "--from", "yesterday"], "--from"),
    (["employee", "add", "AG014", "Twin", "--rate", "20"], "AG014 is already used"),
    (["employee", "rate", "AG999", "22.50", "--from", "2026-11-15"], "no employee with code AG999"),
    (["employee", "rate", "AG014", "inf", "--from", "2026-11-15"], "not a number"),
    (["payroll", "--from", "2026-11-28", "--to", "2026-11-22"], "before it starts"),
    (["payroll", "--from", "2026-11-22", "--to", "2026-11-31"], '--to "2026-11-31" is not a date'),
    (["init"], "already holds a centre"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[f"{a[0]}-{i}" for i, (a, _) in enumerate(BAD)])
def test_bad_input_one_line_exit_2_nothing_written(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("deskwfm: ") and message in err, err
    assert dump(db) == before


BAD_INIT = [
    (["--rules", "quebec"], 'unknown rules preset "quebec"'),
    (["--tz", "Mars/Olympus"], 'unknown time zone "Mars/Olympus"'),
    (["--holidays", "XX-YY"], 'unknown holiday region "XX-YY"'),
    (["--pay-period", "fortnightly"], "--pay-period"),
    (["--week-start", "funday"], "--week-start"),
    (["--period-start", "2026-11-03"], "2026-11-03 is a Tuesday"),
    (["--night", "22:00"], "--night"),
    (["--night-premium", "lots"], "not a number"),
    (["--night-premium", "-1"], "negative"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INIT, ids=[a[0] for a, _ in BAD_INIT])
def test_bad_init_options_create_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    p = tmp_path / "new.sqlite3"
    code, out, err = run(capsys, "--db", str(p), "init", *argv)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert list(tmp_path.iterdir()) == []


def test_a_database_path_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "typo.sqlite3"
    for argv in (["shift", "set", "AG014", "2026-11-24", "D"], ["payroll", "--from", "2026-11-22",
                 "--to", "2026-11-28"], ["backup", str(tmp_path / "b.sqlite3")],
                 ["employee", "add", "AG1", "X", "--rate", "20"]):
        code, _, err = run(capsys, "--db", str(missing), *argv)
        assert code == 2 and f"no deskwfm database at {missing}" in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = run(capsys, "--db", str(tmp_path / "no" / "dir.sqlite3"), "init")
    assert code == 2 and "does not exist" in err


def test_backup_refuses_to_overwrite(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "keep.sqlite3"
    target.write_text("precious")
    code, _, err = run(capsys, "--db", str(db), "backup", str(target))
    assert code == 2 and "already exists" in err and target.read_text() == "precious"


def test_the_installed_command_reports_errors_without_a_traceback(db: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "deskwfm", "--db", str(db), "shift", "set", "AG014", "2026-11-24", "25-3"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == (
        'deskwfm: AG014 Tue 2026-11-24: "25-3": hour 25 is not a time; write 9-17 or 09:00-17:30'
    )


def test_code_set_adds_then_changes_only_what_is_given(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(db), "code", "set", "lt", "--start", "7", "--end", "15:30",
                         "--break", "30", "--label", "Late training")
    assert (code, err) == (0, "") and out.strip() == "Added shift code LT: work, 07:00-15:30/30, #d9d9d9"
    code, out, _ = run(capsys, "--db", str(db), "code", "set", "LT", "--colour", "8ECAE6")
    assert code == 0 and out.strip() == "Saved shift code LT: work, 07:00-15:30/30, #8ecae6"
    from deskwfm.services.codes import codes_by_key
    from deskwfm.services.workspace import Workspace

    with Workspace.open(db) as ws:
        assert codes_by_key(ws)["LT"].label == "Late training"
    code, out, _ = run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-24", "lt")
    assert code == 0 and "LT (work, 8.00 h)" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["code", "set", "PM", "--start", "9", "--end", "17"], 'shift code: "PM" could be read as part of'),
    (["code", "set", "ABCDEFGHIJKLM", "--start", "9", "--end", "17"], "13 characters long; at most 12"),
    (["code", "set", "LT", "--start", "9:5", "--end", "17"], 'start time: "9:5" is not a time'),
    (["code", "set", "LT", "--start", "9", "--end", "17", "--break", "480"], "unpaid break: a 480-minute"),
    (["code", "set", "VAC", "--kind", "off"], "day-off code VAC clears the day; leave its times blank"),
    (["code", "set", "LT", "--kind", "sometimes"], 'kind: "sometimes" is not a kind'),
    (["employee", "add", "AG015", "Ann\x07Lee", "--rate", "20"], "name: contains an invisible control"),
    (["employee", "add", "AG015", "n" * 201, "--rate", "20"], "name: 201 characters long; at most 200"),
    (["employee", "add", "AG015", "Ann", "--rate", "99999999999"], "the largest hourly rate"),
    (["employee", "add", "AG015", "Ann", "--rate", "20", "--max", "200"], "maximum hours per week: 200"),
])
def test_code_and_employee_rules_refuse_with_the_field(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = dump(db)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err, err
    assert dump(db) == before


def test_payroll_of_the_pay_period_containing_a_date(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clerk asks for "the pay period of the 24th" as timesheets and export payroll take it; the
    default site pays two-weekly from a Sunday, so Tue 2026-11-24 is in a 14-day period."""
    assert run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-11-24", "9-17/30")[0] == 0
    assert run(capsys, "--db", str(db), "shift", "set", "AG014", "2026-12-01", "9-17/30")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "period", "list", "--json")
    period = next(p for p in json.loads(out)["periods"] if p["start"] <= "2026-11-24" <= p["end"])
    code, out, err = run(capsys, "--db", str(db), "payroll", "--period", "2026-11-24")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Payroll {period['start']} to {period['end']} (1 employee)"
    same = run(capsys, "--db", str(db), "payroll", "--from", period["start"], "--to", period["end"])[1]
    assert out == same
    code, _, err = run(capsys, "--db", str(db), "payroll", "--period", "2026-11-24", "--from", "2026-11-22")
    assert code == 2 and "either --period or --from/--to" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", str(db), "payroll", "--from", "2026-11-22")
    assert code == 2 and "both --from and --to" in err


def test_piping_into_head_ends_quietly(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`deskwfm audit | head -1`: the reader closes the pipe early; the command stops without a
    'Broken pipe' line or a traceback on the terminal."""
    for d in range(1, 29):
        run(capsys, "--db", str(db), "shift", "set", "AG014", f"2026-11-{d:02d}", "9-17")
    proc = subprocess.Popen([sys.executable, "-m", "deskwfm", "--db", str(db), "audit"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(10)
    proc.stdout.close()  # what `head -c 10` does once it has its bytes
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert first and err == ""
