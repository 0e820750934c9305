"""Issue 10, item 1: hours on a date with no pay rate. `payroll`, `timesheets` and `export payroll`
refuse with one line naming each employee and their first date without a rate (exit 2) and write
nothing; `export schedule` (hours only) still works; adding the rate clears it."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskwfm.cli.main import main

LINE = (
    "deskwfm: no pay rate for AG014 Jane Doe from 2026-11-22 or AG020 Li Wei from 2026-11-23; "
    "add one with: deskwfm employee rate CODE AMOUNT --from DATE\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    p = str(tmp_path / "centre.sqlite3")
    steps = [
        ["init"],
        ["employee", "add", "AG014", "Jane Doe", "--rate", "21.00", "--from", "2026-11-25"],
        ["employee", "add", "AG020", "Li Wei", "--rate", "23.00", "--from", "2026-11-24"],
        ["shift", "set", "AG014", "2026-11-22", "9-17"],
        ["shift", "set", "AG014", "2026-11-23", "9-17"],
        ["shift", "set", "AG020", "2026-11-23", "D"],
    ]
    for argv in steps:
        assert run(capsys, "--db", p, *argv)[0] == 0, argv
    return p


@pytest.mark.parametrize(
    "command",
    [
        ["payroll", "--from", "2026-11-15", "--to", "2026-11-28"],
        ["payroll", "--from", "2026-11-15", "--to", "2026-11-28", "--json"],
        ["timesheets", "--from", "2026-11-15", "--to", "2026-11-28", "OUT/ts.pdf"],
        ["timesheets", "--from", "2026-11-15", "--to", "2026-11-28", "--split", "OUT/split"],
        ["export", "payroll", "--from", "2026-11-15", "--to", "2026-11-28", "OUT/pay.xlsx"],
    ],
)
def test_every_pay_command_refuses_in_one_line_and_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    argv = [a.replace("OUT", str(out_dir)) for a in command]
    code, out, err = run(capsys, "--db", db, *argv)
    assert (code, out, err) == (2, "", LINE)
    assert list(out_dir.iterdir()) == []


def test_schedule_export_needs_no_rate_and_a_rate_clears_the_refusal(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    grid = tmp_path / "grid.xlsx"
    assert run(capsys, "--db", db, "export", "schedule", "--from", "2026-11-15", "--to", "2026-11-28",
               str(grid))[0] == 0
    assert grid.exists()
    assert run(capsys, "--db", db, "employee", "rate", "AG014", "21.00", "--from", "2026-11-22")[0] == 0
    code, _out, err = run(capsys, "--db", db, "payroll", "--from", "2026-11-15", "--to", "2026-11-28")
    assert (code, err) == (2, "deskwfm: no pay rate for AG020 Li Wei from 2026-11-23; add one with: "
                              "deskwfm employee rate CODE AMOUNT --from DATE\n")
    assert run(capsys, "--db", db, "employee", "rate", "AG020", "23.00", "--from", "2026-11-23")[0] == 0
    code, out, err = run(capsys, "--db", db, "payroll", "--from", "2026-11-15", "--to", "2026-11-28")
    assert (code, err) == (0, "")
    jane = next(line for line in out.splitlines() if line.startswith("AG014"))
    assert jane.split()[-1] == "336.00"  # 16 h x $21.00
