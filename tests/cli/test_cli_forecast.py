"""`deskwfm forecast import` and `deskwfm forecast show`, on a centre built by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deskwfm.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    p = tmp_path / "centre.sqlite3"
    assert run(capsys, "--db", str(p), "init")[0] == 0
    for code in ("AG001", "AG002"):
        assert run(capsys, "--db", str(p), "employee", "add", code, f"Agent {code}", "--rate", "20.00",
                   "--from", "2026-01-01")[0] == 0
    assert run(capsys, "--db", str(p), "shift", "set", "AG001", "2026-11-23", "9-17")[0] == 0
    assert run(capsys, "--db", str(p), "shift", "set", "AG002", "2026-11-23", "10-14")[0] == 0
    return p


def show(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(db), "forecast", "show", *argv)


def test_import_then_show(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "fc.csv"
    f.write_text("Date,Interval start,Calls,AHT (s)\n2026-11-23,10:00,100,180\n2026-11-23,16:30,6,300\n"
                 "2026-11-24,10:00,20,300\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "forecast", "import", str(f), "--dry-run")
    assert code == 0 and "3 intervals on 2 days" in out and "dry run: nothing was written" in out
    code, out, _ = show(capsys, db, "--from", "2026-11-23", "--to", "2026-11-23")
    assert "no forecast for these dates" in out
    assert run(capsys, "--db", str(db), "forecast", "import", str(f))[0] == 0
    code, out, _ = show(capsys, db, "--from", "2026-11-23", "--to", "2026-11-24",
                       "--json")
    data = json.loads(out)
    mon, tue = data["days"]
    # 100 calls x 180 s in 30 min: 14 agents by Erlang C (80/20), 20 after 30 % shrinkage
    assert (mon["peak_needed"], mon["peak_at"], mon["scheduled_at_peak"]) == (20, "10:00", 2)
    assert mon["intervals_short"] == 2 and mon["short"][1] == {"start": "16:30", "needed": 5, "scheduled": 1,
                                                                "short": 4}
    assert mon["agent_hours_short"] == 11.0  # (18 + 4) agents x 30 min
    assert (tue["peak_needed"], tue["scheduled_at_peak"], tue["intervals_short"]) == (9, 0, 1)
    code, out, _ = show(capsys, db, "--from", "2026-11-23", "--to", "2026-11-24")
    assert code == 0 and "Mon 2026-11-23" in out and "11.00" in out


def test_a_bad_file_exits_2_listing_the_cells(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "fc.csv"
    f.write_text("Date,Interval start,Calls,AHT (s)\n2026-11-23,10:00,abc,180\n2026-11-31,10:00,1,180\n",
                 encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "forecast", "import", str(f))
    assert code == 2
    assert 'fc.csv!C2: "abc" is not a number of calls' in err
    assert 'fc.csv!A3: "2026-11-31" is not a date' in err
    assert "2 problems in fc.csv; nothing was imported" in err
    assert "Traceback" not in err
    code, out, _ = show(capsys, db, "--from", "2026-11-23", "--to", "2026-11-23")
    assert "no forecast" in out
