"""`deskwfm import / template / export` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskwfm.cli.main import main
from tests.files.test_xlsx_builders import SHIFTS_HEADER, workbook
from tests.services.test_excel_fixtures import db_snapshot, make_workspace


@pytest.fixture
def db(tmp_path: Path) -> Path:
    make_workspace(tmp_path / "c.sqlite3").close()
    return tmp_path / "c.sqlite3"


def test_template_then_dry_run_then_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = tmp_path / "t.xlsx"
    assert main(["template", str(t)]) == 0
    assert main(["--db", str(db), "import", str(t), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "shift codes: 1 added, 0 changed, 0 unchanged" in out and "dry run: nothing was written" in out
    assert main(["--db", str(db), "import", str(t)]) == 0
    assert "imported: " in capsys.readouterr().out
    assert main(["--db", str(db), "import", str(t)]) == 0
    assert "nothing to change" in capsys.readouterr().out


def test_bad_workbook_exits_2_lists_problems_and_saves_report(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(db)
    before = db_snapshot(ws)
    bad = workbook(
        tmp_path / "bad.xlsx",
        {
            "Shifts": [
                SHIFTS_HEADER,
                ["AG001", "2026-04-01", "9:00", "25:00"],
                ["NOPE", "2026-04-01", "9:00", "17:00"],
            ]
        },
    )
    report = tmp_path / "report.xlsx"
    assert main(["--db", str(db), "import", str(bad), "--errors", str(report)]) == 2
    err = capsys.readouterr().err
    assert 'Shifts!D2: end time: "25:00" is not a time' in err
    assert 'Shifts!A3: "NOPE" is not an employee' in err
    assert "deskwfm: 2 problems in bad.xlsx; nothing was imported" in err
    assert report.exists()
    assert db_snapshot(ws) == before
    ws.close()


def test_hostile_file_is_one_line_and_exit_2(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "x.xlsx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"))
    assert main(["--db", str(db), "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "deskwfm: x.xlsx is password-protected (encrypted); open it in Excel, remove the "
        "password and save it again as .xlsx"
    )


def test_exports(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s, p = tmp_path / "s.xlsx", tmp_path / "p.xlsx"
    assert (
        main(["--db", str(db), "export", "schedule", "--from", "2026-03-01", "--to", "2026-03-14", str(s)])
        == 0
    )
    assert (
        main(["--db", str(db), "export", "payroll", "--from", "2026-03-01", "--to", "2026-03-14", str(p)])
        == 0
    )
    out = capsys.readouterr().out
    assert "6 employees written to" in out
    assert "Pay period 2026-03-01 to 2026-03-14: 6 employees, gross" in out
    assert s.exists() and p.exists()
    assert main(["--db", str(db), "export", "payroll", "--period", "2026-03-20", str(p)]) == 0
    assert "Pay period 2026-03-15 to 2026-03-28: 6 employees" in capsys.readouterr().out
    week = ["--from", "2026-03-02", "--to", "2026-03-08"]
    assert main(["--db", str(db), "export", "payroll", *week, str(p)]) == 0
    assert capsys.readouterr().out.startswith(
        "Date range 2026-03-02 to 2026-03-08 (not a pay period): 6 employees")
    assert main(["--db", str(db), "import", str(s)]) == 0
    assert "nothing to change" in capsys.readouterr().out
    assert (
        main(["--db", str(db), "export", "payroll", "--from", "2026-13-01", "--to", "2026-03-14", str(p)])
        == 2
    )
    assert '--from "2026-13-01" is not a date' in capsys.readouterr().err
