"""`deskwfm schedule auto` and `deskwfm warnings` on a centre built by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deskwfm.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


Capture = pytest.CaptureFixture[str]


def cli(capsys: Capture, db: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(db), *argv)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    p = tmp_path / "centre.sqlite3"
    assert run(capsys, "--db", str(p), "init")[0] == 0
    for code in ("AG001", "AG002", "AG003"):
        assert run(capsys, "--db", str(p), "employee", "add", code, f"Agent {code}", "--rate", "20.00",
                   "--from", "2026-01-01")[0] == 0
    rows = ["Date,Interval start,Calls,AHT (s)"]
    for day in range(22, 29):
        rows += [f"2026-11-{day},{h:02d}:{m:02d},10,300" for h in range(9, 15) for m in (0, 30)]
    f = tmp_path / "fc.csv"
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert run(capsys, "--db", str(p), "forecast", "import", str(f))[0] == 0
    return p


def test_dry_run_prints_before_and_after_and_writes_nothing(db: Path, capsys: Capture) -> None:
    code, out, _ = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-11-28",
                       "--time-limit", "3", "--dry-run")
    assert code == 0 and "dry run: nothing was written" in out
    assert "Agent-intervals short" in out and "Predicted service level" in out and "Rule warnings" in out
    code, out, _ = cli(capsys, db, "forecast", "show", "--from", "2026-11-22", "--to", "2026-11-22",
                       "--json")
    assert json.loads(out)["days"][0]["detail"][0]["scheduled"] == 0


def test_json_run_writes_one_change_set_and_warnings_stay_zero(db: Path, capsys: Capture) -> None:
    code, out, _ = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-11-28",
                       "--time-limit", "3", "--seed", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["written"] and data["proposed_shifts"] == len(data["shifts"]) > 0
    assert data["after"]["agent_intervals_short"] < data["before"]["agent_intervals_short"]
    assert data["after"]["rule_warnings"] == 0 and data["left_out_by_rule_check"] == 0
    code, out, _ = cli(capsys, db, "warnings", "--from", "2026-11-22", "--to", "2026-11-28", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli(capsys, db, "audit", "--json")
    assert "automatic schedule" in out


def test_bad_arguments_exit_2(db: Path, capsys: Capture) -> None:
    code, _, err = cli(capsys, db, "schedule", "auto", "--from", "2026-11-28", "--to", "2026-11-22")
    assert code == 2 and "before it starts" in err
    code, _, err = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-11-28",
                       "--time-limit", "soon")
    assert code == 2 and "--time-limit" in err
    code, _, err = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-11-28",
                       "--team", "Nobody")
    assert code == 2 and "no active employee in team Nobody" in err and "Traceback" not in err


def test_employee_availability_from_the_command_line(db: Path, capsys: Capture) -> None:
    code, out, _ = cli(capsys, db, "employee", "available", "AG001", "--weekly", "mon-fri 8-18",
                       "--dates-off", "2026-11-24")
    assert code == 0 and "AG001: available Mon-Fri 08:00-18:00; dates off 2026-11-24" in out
    code, out, _ = cli(capsys, db, "employee", "add", "AG009", "Nine", "--rate", "20",
                       "--availability", "sat-sun")
    assert code == 0
    code, out, _ = cli(capsys, db, "employee", "available", "AG009")
    assert "AG009: available Sat-Sun" in out
    code, _, err = cli(capsys, db, "employee", "available", "AG001", "--weekly", "funday")
    assert code == 2 and '"funday" is not a weekday' in err
    code, out, _ = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-11-28",
                       "--time-limit", "3", "--json")
    for s in json.loads(out)["shifts"]:
        assert s["employee"] != "AG001" or s["date"] != "2026-11-24"
        assert s["employee"] != "AG009" or s["date"] in ("2026-11-22", "2026-11-28")


def test_days_without_forecast_are_left_alone_and_named(db: Path, capsys: Capture) -> None:
    """The forecast ends on Sat 28 Nov; a run to Wed 2 Dec proposes nothing after it and says
    which days it left alone (the demo centre's Saturdays after its forecast got 34 shifts)."""
    code, out, _ = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-12-02",
                       "--time-limit", "3", "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["proposed_shifts"] > 0
    assert data["days_without_forecast"] == ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]
    assert max(s["date"] for s in data["shifts"]) <= "2026-11-28"
    code, out, _ = cli(capsys, db, "schedule", "auto", "--from", "2026-11-22", "--to", "2026-12-02",
                       "--time-limit", "3", "--dry-run")
    assert code == 0
    assert ("note: 4 days have no call forecast and were left alone (Sun 2026-11-29 to Wed 2026-12-02); "
            "import a forecast to schedule them.") in out
    assert "Mon 2026-11-30  no forecast: left alone" in out
