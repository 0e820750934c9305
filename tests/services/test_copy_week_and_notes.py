"""Copying a week forward (replace or fill, leave only when asked) and notes on cells."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deskwfm.core.errors import InputError, StaleEditError
from deskwfm.core.model import Shift
from deskwfm.services.schedule import CellEdit, apply_edits, revert, set_note
from deskwfm.services.schedule_tools import CopyMode, copy_week, plan_week_copy
from deskwfm.services.workspace import Workspace

SUN = date(2026, 11, 22)  # the default site's weeks start on Sunday
MON, TUE, WED = SUN + timedelta(days=1), SUN + timedelta(days=2), SUN + timedelta(days=3)
NEXT = timedelta(days=7)


def _cells(ws: Workspace) -> dict[tuple[str, date], Shift]:
    every = ws.store.shifts_between(SUN, SUN + timedelta(days=13))
    return {(s.employee_code, s.work_date): s for s in every}


def _texts(ws: Workspace, code: str, days: list[date]) -> list[str]:
    """Each day's code, or its start hour for plain times, or "" for an empty cell."""
    cells = _cells(ws)
    out = []
    for d in days:
        s = cells.get((code, d))
        out.append("" if s is None else s.code or f"{s.start:%H}")
    return out


@pytest.fixture
def built(centre: Workspace) -> Workspace:
    """AG001 works Mon-Wed, is on vacation Thu and sick Fri; the next week already has AG001 on
    Tue (E), AG002 on Mon (N) and AG003's booked vacation on Mon."""
    apply_edits(centre, [
        CellEdit("AG001", MON, "9-17"), CellEdit("AG001", TUE, "9-17"), CellEdit("AG001", WED, "D"),
        CellEdit("AG001", MON + timedelta(days=3), "VAC"), CellEdit("AG001", MON + timedelta(days=4), "SICK"),
        CellEdit("AG003", MON, "D"),
        CellEdit("AG001", TUE + NEXT, "E"), CellEdit("AG002", MON + NEXT, "N"),
        CellEdit("AG003", MON + NEXT, "VAC"),
    ])
    return centre


def test_the_plan_counts_what_the_copy_would_meet(built: Workspace) -> None:
    plan = plan_week_copy(built, SUN)
    assert (plan.employees, plan.source_shifts, plan.source_leave) == (3, 4, 2)
    assert (plan.target_shifts, plan.target_leave) == (3, 1)
    assert plan.target_start == SUN + NEXT


def test_replace_copies_shifts_clears_the_rest_but_keeps_booked_leave_and_copies_no_leave(
    built: Workspace,
) -> None:
    changes = copy_week(built, SUN, mode=CopyMode.REPLACE)
    week2 = [d + NEXT for d in (MON, TUE, WED, MON + timedelta(days=3), MON + timedelta(days=4))]
    assert _texts(built, "AG001", week2) == ["09", "09", "D", "", ""]  # no VAC, no SICK copied
    assert _texts(built, "AG002", [MON + NEXT]) == [""]  # empty in the source week: cleared
    assert _texts(built, "AG003", [MON + NEXT]) == ["VAC"]  # booked leave is kept
    # one undo step puts the week back as it was
    revert(built, changes)
    assert _texts(built, "AG001", [TUE + NEXT]) == ["E"]
    assert _texts(built, "AG002", [MON + NEXT]) == ["N"]
    assert _texts(built, "AG001", [MON + NEXT]) == [""]


def test_fill_empty_only_fills_empty_cells(built: Workspace) -> None:
    copy_week(built, SUN, mode=CopyMode.FILL_EMPTY)
    assert _texts(built, "AG001", [MON + NEXT, TUE + NEXT, WED + NEXT]) == ["09", "E", "D"]
    assert _texts(built, "AG002", [MON + NEXT]) == ["N"]
    assert _texts(built, "AG003", [MON + NEXT]) == ["VAC"]


def test_leave_is_copied_and_replaced_only_when_asked(built: Workspace) -> None:
    copy_week(built, SUN, mode=CopyMode.REPLACE, include_leave=True)
    thu, fri = MON + timedelta(days=3) + NEXT, MON + timedelta(days=4) + NEXT
    assert _texts(built, "AG001", [thu, fri]) == ["VAC", "SICK"]
    assert _texts(built, "AG003", [MON + NEXT]) == ["D"]


def test_only_the_given_employees_are_copied(built: Workspace) -> None:
    copy_week(built, SUN, ["AG003"], mode=CopyMode.REPLACE, include_leave=True)
    assert _texts(built, "AG001", [MON + NEXT, TUE + NEXT]) == ["", "E"]
    assert _texts(built, "AG003", [MON + NEXT]) == ["D"]


def test_a_copy_that_meets_a_change_made_meanwhile_writes_nothing(
    built: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation fills AG001's next Monday between the copy's read and its write."""
    from deskwfm.services import schedule_tools

    real = schedule_tools.apply_edits

    def racing(ws, edits, *how):  # type: ignore[no-untyped-def]
        apply_edits(ws, [CellEdit("AG001", MON + NEXT, "E")])
        return real(ws, edits, *how)

    monkeypatch.setattr(schedule_tools, "apply_edits", racing)
    before = _cells(built)
    with pytest.raises(StaleEditError):
        copy_week(built, SUN, mode=CopyMode.FILL_EMPTY)
    after = _cells(built)
    assert {k: v for k, v in after.items() if k != ("AG001", MON + NEXT)} == before


def test_a_note_is_written_undone_and_refused_when_the_cell_changed(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", MON, "9-17")])
    shown = _cells(centre)[("AG001", MON)]
    [change] = set_note(centre, "AG001", MON, "  swapped with AG014\r\nok'd by Sam ", shown)
    assert _cells(centre)[("AG001", MON)].note == "swapped with AG014\nok'd by Sam"
    # typing a new shift over it keeps the note
    apply_edits(centre, [CellEdit("AG001", MON, "10-18")])
    assert _cells(centre)[("AG001", MON)].note == "swapped with AG014\nok'd by Sam"
    with pytest.raises(StaleEditError):  # the note was written against the 9-17 the user saw
        set_note(centre, "AG001", MON, "late", replace(shown, note="swapped with AG014\nok'd by Sam"))
    current = _cells(centre)[("AG001", MON)]
    set_note(centre, "AG001", MON, "", current)
    assert _cells(centre)[("AG001", MON)].note == ""
    with pytest.raises(StaleEditError):  # undoing the first note: refused, the cell moved on
        revert(centre, [change])
    assert _cells(centre)[("AG001", MON)].note == ""


def test_a_note_needs_a_shift_and_clean_text(centre: Workspace) -> None:
    with pytest.raises(InputError, match="AG001 Mon 2026-11-23: a note belongs to a shift"):
        set_note(centre, "AG001", MON, "hello", None)
    apply_edits(centre, [CellEdit("AG001", MON, "9-17")])
    shown = _cells(centre)[("AG001", MON)]
    bell = r"AG001 Mon 2026-11-23: note: contains an invisible control character \(U\+0007\)"
    with pytest.raises(InputError, match=bell):
        set_note(centre, "AG001", MON, "bell\x07", shown)
    with pytest.raises(InputError, match="AG001 Mon 2026-11-23: note: 1,001 characters long; at most 1,000"):
        set_note(centre, "AG001", MON, "x" * 1001, shown)
    assert _cells(centre)[("AG001", MON)].note == ""
