"""run_payroll over the store, and its JSON and table forms."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError, NotFoundError
from deskwfm.core.model import Employee
from deskwfm.services.employees import add_employee, set_rate
from deskwfm.services.payroll import display_width, payroll_json, payroll_table, run_payroll
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.workspace import Workspace
from tests.store.writes import emp, put

KEYS = ["regular_hours", "overtime_hours", "double_time_hours", "night_hours", "holiday_hours",
        "holiday_pay", "leave_hours", "gross_pay"]


def _week(ws: Workspace, code: str, first: date, entries: list[str]) -> None:
    apply_edits(ws, [CellEdit(code, first.replace(day=first.day + i), e) for i, e in enumerate(entries)])


def test_payroll_json_has_the_issue_shape_and_exact_figures(centre: Workspace) -> None:
    # Sun 2026-11-15 .. Sat 11-21: AG001 works 5 D shifts (8 h paid) and 9-19 (10 h) on Saturday
    _week(centre, "AG001", date(2026, 11, 15), ["", "D", "D", "D", "D", "D", "9-19"])
    _week(centre, "AG002", date(2026, 11, 15), ["", "N", "N", "VAC", "", "", ""])
    result = run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21))
    doc = payroll_json(result)
    assert list(doc) == ["employees", "totals"]
    rows = {r["code"]: r for r in doc["employees"]}
    assert list(rows["AG001"]) == ["code", "name", *KEYS]
    a = rows["AG001"]
    # 50 h in the week, Ontario OT after 44 h: 44 x 20.00 + 6 x 30.00 (the issue's "1060.00")
    assert (a["regular_hours"], a["overtime_hours"], a["gross_pay"]) == ("44.00", "6.00", "1060.00")
    b = rows["AG002"]
    assert (b["leave_hours"], b["night_hours"]) == ("8.00", "15.00")
    assert (b["regular_hours"], b["gross_pay"], b["name"]) == ("16.00", "588.00", "王芳")
    assert rows["AG003"]["gross_pay"] == "0.00"
    assert doc["totals"]["regular_hours"] == "60.00"
    assert doc["totals"]["gross_pay"] == str(sum(Decimal(r["gross_pay"]) for r in rows.values()))
    json.dumps(doc)  # all strings: serialises as-is


def test_a_mid_period_raise_is_paid_from_its_date(centre: Workspace) -> None:
    set_rate(centre, "AG003", Decimal("24.00"), date(2026, 11, 18))
    _week(centre, "AG003", date(2026, 11, 16), ["9-17", "9-17", "9-17"])  # Mon, Tue, Wed (raise)
    row = payroll_json(run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21)))["employees"]
    got = next(r for r in row if r["code"] == "AG003")
    assert got["gross_pay"] == "544.00"  # 16 h x 22.00 + 8 h x 24.00


def test_filters_and_bad_requests(centre: Workspace) -> None:
    _week(centre, "AG001", date(2026, 11, 16), ["D"])
    only = run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21), employee_codes=["AG002"])
    assert [p.employee.code for p in only.employees] == ["AG002"]
    team = run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21), team="Billing")
    assert [p.employee.code for p in team.employees] == ["AG001", "AG003"]
    with pytest.raises(NotFoundError, match="AG404"):
        run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21), employee_codes=["AG404"])
    with pytest.raises(NotFoundError, match='no team "Billling"; teams are: Billing, Tech Support'):
        run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21), team="Billling")
    with pytest.raises(InputError, match="ends .* before it starts"):
        run_payroll(centre, date(2026, 11, 21), date(2026, 11, 15))


def test_employee_without_a_rate_is_named(centre: Workspace) -> None:
    put(centre.store, emp(Employee("AG009", "No Rate")))
    _week(centre, "AG009", date(2026, 11, 16), ["D"])
    with pytest.raises(InputError, match="no pay rate for AG009 No Rate from 2026-11-16"):
        run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21))


REFUSAL = (
    "no pay rate for AG014 Jane Doe from 2026-11-22 or AG020 Li Wei from 2026-11-23; "
    "add one with: deskwfm employee rate CODE AMOUNT --from DATE"
)


def _late_rates(ws: Workspace) -> None:
    """Two employees added with a first rate later than shifts typed for them (issue 10, 1)."""
    add_employee(ws, Employee("AG014", "Jane Doe"), Decimal("21.00"), date(2026, 11, 25))
    add_employee(ws, Employee("AG020", "Li Wei"), Decimal("23.00"), date(2026, 11, 24))
    apply_edits(ws, [
        CellEdit("AG014", date(2026, 11, 22), "9-17"), CellEdit("AG014", date(2026, 11, 23), "9-17"),
        CellEdit("AG020", date(2026, 11, 23), "D"), CellEdit("AG001", date(2026, 11, 23), "D"),
    ])


def test_payroll_timesheets_and_payroll_export_refuse_missing_rates_in_one_message(
    centre: Workspace, tmp_path: Path
) -> None:
    from deskwfm.services.excel_export import export_payroll, export_schedule
    from deskwfm.services.timesheets import load_pays

    _late_rates(centre)
    start, end = date(2026, 11, 15), date(2026, 11, 28)
    with pytest.raises(InputError) as got:
        run_payroll(centre, start, end)
    assert str(got.value) == REFUSAL
    with pytest.raises(InputError) as got:
        load_pays(centre, start, end)
    assert str(got.value) == REFUSAL
    with pytest.raises(InputError) as got:
        export_payroll(centre, start, end, tmp_path / "pay.xlsx")
    assert str(got.value) == REFUSAL
    assert not (tmp_path / "pay.xlsx").exists()
    # Hours need no rate: the schedule workbook is still written.
    assert export_schedule(centre, start, end, tmp_path / "grid.xlsx") == 5
    # Only the selection's employees are checked; a rate from the first date clears it.
    run_payroll(centre, start, end, employee_codes=["AG001"])
    set_rate(centre, "AG014", Decimal("21.00"), date(2026, 11, 22))
    with pytest.raises(InputError, match=r"^no pay rate for AG020 Li Wei from 2026-11-23; add one"):
        run_payroll(centre, start, end)
    set_rate(centre, "AG020", Decimal("23.00"), date(2026, 11, 1))
    li = next(p for p in run_payroll(centre, start, end).employees if p.employee.code == "AG020")
    assert li.gross == Decimal("184.00")  # D: 8 paid hours x $23.00


def test_the_message_names_ten_employees_and_counts_the_rest(centre: Workspace) -> None:
    for i in range(12):
        code = f"N{i:02d}"
        add_employee(centre, Employee(code, f"New {i}"), Decimal("20.00"), date(2026, 12, 1))
        apply_edits(centre, [CellEdit(code, date(2026, 11, 16), "D")])
    with pytest.raises(InputError) as got:
        run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21))
    text = str(got.value)
    assert text.startswith("no pay rate for N00 New 0 from 2026-11-16, N01 New 1 from 2026-11-16, ")
    assert "N09 New 9 from 2026-11-16 and 2 other employees; add one with" in text
    assert "N10" not in text and "\n" not in text


def test_engine_result_carries_missing_rate_when_allowed(centre: Workspace) -> None:
    _late_rates(centre)
    result = run_payroll(centre, date(2026, 11, 15), date(2026, 11, 28), allow_missing_rates=True)
    missing = {p.employee.code: p.missing_rate for p in result.employees}
    assert missing == {"AG001": None, "AG002": None, "AG003": None,
                       "AG014": date(2026, 11, 22), "AG020": date(2026, 11, 23)}
    jane = next(p for p in result.employees if p.employee.code == "AG014")
    assert jane.minutes.paid == 16 * 60 and jane.gross == Decimal("0.00")


def test_the_table_lines_up_even_with_wide_characters(centre: Workspace) -> None:
    wide = Employee("AG010", "Łukasz Wójcik-Żeleński", "Sales")
    add_employee(centre, wide, Decimal("31.25"), date(2026, 1, 1))
    _week(centre, "AG002", date(2026, 11, 16), ["D", "D"])
    text = payroll_table(run_payroll(centre, date(2026, 11, 15), date(2026, 11, 21)))
    lines = text.splitlines()
    assert lines[0] == "Payroll 2026-11-15 to 2026-11-21 (4 employees)"
    table = [ln for ln in lines[2:] if ln]
    assert table[0].split()[:3] == ["Code", "Name", "Regular"]
    widths = {display_width(ln) for ln in table}
    assert len(widths) == 1, text  # every row as wide as the rules under the heading
    row = next(ln for ln in table if "王芳" in ln)
    assert row.endswith("392.00") and row.split()[2] == "16.00"
    assert table[-1].split()[0] == "Total"
