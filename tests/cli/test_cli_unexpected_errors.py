"""An unexpected database error reaches the user as one line and the log as a traceback, and
neither holds the SQL, its parameters (names, rates), PostgreSQL's DETAIL lines or SQLAlchemy's
"Background on this error" link. Issue 10, item 5.

Before: "unexpected error: IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed:
people.code" and three more lines: "[SQL: INSERT ...]", "[parameters: ('AG001', 'Zoë Côté',
2550)]", "(Background on this error at: https://sqlalche.me/e/20/gkpj)", all in the log too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from deskwfm import crashlog
from deskwfm.cli.main import main
from tests.services.test_excel_fixtures import make_workspace

# The data and SQLAlchemy's markers; the traceback's source lines (our code) may stay.
SECRETS = (
    "Zoë", "Côté", "2550", "AG042", "[SQL:", "VALUES (?", "[parameters:", "sqlalche.me", "Background on"
)


def failing_insert(*_a: Any, **_k: Any) -> None:
    """A real SQLAlchemy error carrying a statement and a name and a rate as parameters."""
    engine = create_engine("sqlite://")
    with engine.begin() as c:
        c.execute(text("CREATE TABLE people (code TEXT PRIMARY KEY, name TEXT, cents INTEGER)"))
        c.execute(text("INSERT INTO people VALUES ('AG042', 'x', 1)"))
    row = {"code": "AG042", "name": "Zoë Côté", "cents": 2550}
    with engine.begin() as c:
        c.execute(text("INSERT INTO people\nVALUES (:code, :name, :cents)"), row)


def test_one_line_and_a_log_without_sql_or_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite3"
    make_workspace(db).close()
    monkeypatch.setenv("DESKWFM_LOG_DIR", str(tmp_path / "logs"))
    import deskwfm.services.payroll

    monkeypatch.setattr(deskwfm.services.payroll, "run_payroll", failing_insert)
    assert main(["--db", str(db), "payroll", "--from", "2026-03-01", "--to", "2026-03-14"]) == 1
    err = capsys.readouterr().err
    log = tmp_path / "logs" / "deskwfm-errors.log"
    assert err.splitlines() == [
        "deskwfm: unexpected error: IntegrityError: (sqlite3.IntegrityError) UNIQUE constraint failed: "
        f"people.code (details in {log})"
    ]
    text_ = log.read_text(encoding="utf-8")
    assert "Traceback" in text_ and "UNIQUE constraint failed: people.code" in text_
    assert [s for s in SECRETS if s in text_ or s in err] == []


def test_postgresql_detail_lines_are_hidden() -> None:
    message = (
        '(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "people_pkey"\n'
        "DETAIL:  Key (code)=(AG001) already exists.\n"
        "[SQL: INSERT INTO people (code, name) VALUES (%(code)s, %(name)s)]\n"
        "[parameters: {'code': 'AG001', 'name': 'Zoë Côté'}]\n"
        "(Background on this error at: https://sqlalche.me/e/20/gkpj)"
    )
    assert crashlog.scrub(message) == (
        '(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "people_pkey"\n'
        "DETAIL: (hidden)"
    )


def test_a_statement_spanning_lines_and_holding_brackets_is_removed_whole() -> None:
    message = (
        "(sqlite3.OperationalError) database or disk is full\n"
        "[SQL: SELECT name AS \"[n]\"\nFROM people\nWHERE code = ?]\n"
        "[SQL parameters hidden due to hide_parameters=True]\n"
        "(Background on this error at: https://sqlalche.me/e/20/e3q8)"
    )
    assert crashlog.scrub(message) == "(sqlite3.OperationalError) database or disk is full"
