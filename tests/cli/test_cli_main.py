"""The CLI's last line of defence: nothing but one line ever reaches the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskwfm.cli import main as cli_main


def test_unexpected_error_is_one_line_and_the_traceback_goes_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DESKWFM_LOG_DIR", str(tmp_path))
    monkeypatch.delenv("DESKWFM_DEBUG", raising=False)

    def broken(_target: object) -> None:
        raise RuntimeError("disk controller on fire")

    monkeypatch.setattr("deskwfm.files.xlsx_template.write_template", broken)
    assert cli_main.main(["template", str(tmp_path / "t.xlsx")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("deskwfm: unexpected error: RuntimeError: disk controller on fire (details in ")
    log = (tmp_path / "deskwfm-errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "disk controller on fire" in log


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["shift", "set", "AG001", "9999-12-31", "22-6"], "outside the plausible range"),
        (["payroll", "--from", "0001-01-01", "--to", "0001-01-31"], "outside the plausible range"),
        (["employee", "rate", "AG001", "1e40", "--from", "2026-12-01"], "the largest hourly rate"),
    ],
)
def test_absurd_values_are_bad_input_not_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert cli_main.main(["--db", db, "init"]) == 0
    assert cli_main.main(["--db", db, "employee", "add", "AG001", "Ann", "--rate", "20"]) == 0
    capsys.readouterr()
    assert cli_main.main(["--db", db, *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_a_rate_with_a_decimal_comma_is_read_as_dollars_and_cents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert cli_main.main(["--db", db, "init"]) == 0
    assert cli_main.main(["--db", db, "employee", "add", "AG001", "Ann", "--rate", "21,50"]) == 0
    from deskwfm.services.employees import list_rates
    from deskwfm.services.workspace import Workspace

    with Workspace.open(db) as ws:
        assert [str(r.hourly) for r in list_rates(ws, "AG001")] == ["21.50"]


def test_shift_set_stores_the_shift_and_prints_the_rule_warnings_it_causes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert cli_main.main(["--db", db, "init"]) == 0
    assert (
        cli_main.main(["--db", db, "employee", "add", "E1", "Ann", "--rate", "20", "--from", "2026-01-01"])
        == 0
    )
    assert cli_main.main(["--db", db, "shift", "set", "E1", "2026-03-17", "15-23"]) == 0
    capsys.readouterr()
    assert cli_main.main(["--db", db, "shift", "set", "E1", "2026-03-18", "5-13"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "E1 Wed 2026-03-18: 05:00-13:00 (8.00 h)",
        "warning: E1 Wed 2026-03-18: only 6.00 h rest after the shift of Tue 2026-03-17 "
        "(minimum 8.00 h, short by 2.00 h)",
    ]
