"""Timesheets say whether they are final: DRAFT until the pay period is locked, then who approved
each one and who locked the period, and when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from deskwfm.services import periods
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.timesheets import print_timesheets
from deskwfm.services.workspace import Workspace

START, END = date(2026, 11, 8), date(2026, 11, 21)


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_a_period_not_locked_prints_draft_and_a_locked_one_who_signed_it_off(
    centre: Workspace, tmp_path: Path
) -> None:
    apply_edits(centre, [CellEdit("AG001", date(2026, 11, 10), "9-17")])
    draft = tmp_path / "draft.pdf"
    print_timesheets(centre, START, END, target=draft, employee_codes=["AG001"])
    text = _text(draft)
    assert "DRAFT — not approved, and the pay period is not locked" in text
    assert "DRAFT DRAFT" not in text and text.count("DRAFT") == 2  # the line and the stamp

    periods.approve(centre, START, ["AG001"])
    approved = tmp_path / "approved.pdf"
    print_timesheets(centre, START, END, target=approved, employee_codes=["AG001"])
    assert f"DRAFT — approved by {centre.actor.label} on" in _text(approved)

    periods.approve(centre, START)
    periods.lock(centre, START)
    final = tmp_path / "final.pdf"
    print_timesheets(centre, START, END, target=final, employee_codes=["AG001"])
    text = _text(final)
    assert "DRAFT" not in text
    assert (
        f"Approved by {centre.actor.label} on" in text
        and f"pay period locked by {centre.actor.label} on" in text
    )
