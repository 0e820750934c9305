"""The printed and exported documents in both languages: PDF timesheets and the wall chart
("Feuille de temps", "Page 1 de 2", signature lines, French money), the payroll and schedule
workbooks and the import template (French sheet names and headings, numeric cells unchanged),
and imports that read French or English headings whatever the language chosen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from openpyxl import Workbook, load_workbook

from deskwfm.core.i18n import set_language
from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.services.excel_export import export_payroll, export_schedule
from deskwfm.services.excel_import import import_workbook
from deskwfm.services.print_schedule import print_schedule
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.setup import init_database
from deskwfm.services.timesheets import print_timesheets
from deskwfm.services.workspace import Workspace
from tests.files.test_pdf_timesheet import make_pay, pages_text, render

START, END = date(2026, 11, 22), date(2026, 12, 5)  # a biweekly pay period of the default site


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Workspace]:
    from deskwfm.services.employees import add_employee

    ws = init_database(tmp_path / "c.sqlite3", SiteSettings(name="Centre Rivière"))
    add_employee(ws, Employee("AG001", "Zoë Côté", "Bleu"), Decimal("26.50"), date(2020, 1, 1))
    week = [date(2026, 11, 23) + timedelta(days=d) for d in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)]
    apply_edits(ws, [CellEdit("AG001", d, "9h-17h/30" if d.day < 28 else "9-17/30") for d in week])
    yield ws
    ws.close()


def _pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(str(path)).pages]


# ---------------------------------------------------------------- PDF timesheets
def test_a_timesheet_in_english() -> None:
    text = "\n".join(pages_text(render(make_pay())))
    for words in ("Timesheet", "Employee signature", "Supervisor signature", "Page 1 of 1", "Gross pay"):
        assert words in text
    assert "Feuille de temps" not in text


def test_a_timesheet_in_french(french: None) -> None:
    text = "\n".join(pages_text(render(make_pay())))
    for words in ("Feuille de temps", "Signature de l'employé", "Signature du superviseur", "Page 1 de 1",
                  "Paie brute", "H norm.", "Semaine du"):
        assert words in text, words
    for english in ("Timesheet", "Employee signature", "Page 1 of", "Gross pay", "Reg h"):
        assert english not in text, english
    # money the fr-CA way: "1 234,56 $" (no-break spaces read back as spaces)
    assert any(w.endswith(",00") or "," in w for w in text.split() if w[:1].isdigit())
    assert " $" in text.replace("\xa0", " ")


def test_the_same_pay_in_both_languages_has_the_same_figures(french: None) -> None:
    """Only the words and the number style change; every figure is the same."""
    pay = make_pay()
    fr = "\n".join(pages_text(render(pay))).replace("\xa0", " ")
    set_language("en")
    en = "\n".join(pages_text(render(pay)))
    gross = f"{pay.gross:,.2f}"  # 3,849.44
    assert f"${gross}" in en
    assert f"{gross.replace(',', ' ').replace('.', ',')} $" in fr


def test_timesheets_and_the_wall_chart_of_a_centre_in_french(centre: Workspace, tmp_path: Path,
                                                              french: None) -> None:
    out = tmp_path / "fdt.pdf"
    print_timesheets(centre, START, END, target=out)
    sheet = "\n".join(_pdf_text(out))
    assert "Feuille de temps · Centre Rivière" in sheet
    assert "Période de paie\ndu 2026-11-22 au 2026-12-05" in sheet
    chart = tmp_path / "horaire.pdf"
    print_schedule(centre, START, END, chart)
    pages = _pdf_text(chart)
    assert "Horaire du dim. 2026-11-22 au" in pages[0]
    assert f"Page 1 de {len(pages)}" in pages[0]
    assert "Toutes les équipes en service" in "\n".join(pages)
    assert "lun." in pages[0] and "Mon" not in pages[0]


# ---------------------------------------------------------------- workbooks
def _sheets(path: Path) -> dict[str, list[list[object]]]:
    wb = load_workbook(path, read_only=True, data_only=False)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_the_payroll_workbook_in_french_keeps_its_numbers(centre: Workspace, tmp_path: Path,
                                                          french: None) -> None:
    fr_path = tmp_path / "paie.xlsx"
    export_payroll(centre, START, END, fr_path)
    set_language("en")
    en_path = tmp_path / "payroll.xlsx"
    export_payroll(centre, START, END, en_path)
    fr, en = _sheets(fr_path), _sheets(en_path)
    assert len(fr) == len(en) and set(fr).isdisjoint({"Payroll", "Shift detail", "Pay lines"} - {"Paie"})
    assert "Détail des quarts" in fr and "Lignes de paie" in fr
    # the same cells hold the same numbers: only text differs between the languages
    for (fname, frows), (ename, erows) in zip(fr.items(), en.items(), strict=True):
        assert len(frows) == len(erows), (fname, ename)
        for fr_row, en_row in zip(frows, erows, strict=True):
            for a, b in zip(fr_row, en_row, strict=True):
                if isinstance(b, (int, float, Decimal)) and not isinstance(b, bool):
                    assert a == b, (fname, a, b)
    flat = [str(c) for rows in fr.values() for row in rows for c in row if isinstance(c, str)]
    assert "Matricule" in flat or "Code" in flat
    assert not {"Reg h", "Worked h", "Gross"} & set(flat)


def test_a_french_schedule_export_imports_back_unchanged_in_either_language(
    centre: Workspace, tmp_path: Path, french: None
) -> None:
    path = tmp_path / "horaire.xlsx"
    export_schedule(centre, START, END, path)
    assert "Horaire" in load_workbook(path, read_only=True).sheetnames[0]
    again = import_workbook(centre, path, dry_run=True)
    assert again.problems == [] and not again.has_changes
    set_language("en")
    again = import_workbook(centre, path, dry_run=True)
    assert again.problems == [] and not again.has_changes


def _french_workbook(path: Path) -> Path:
    wb = Workbook()
    emp = wb.active
    emp.title = "Employés"
    emp.append(["Matricule", "Nom", "Équipe", "Taux horaire", "Taux à partir du"])
    emp.append(["AG002", "Émilie Gagnon", "Vert", "24,75", "2026-01-01"])
    shifts = wb.create_sheet("Quarts")
    shifts.append(["Matricule", "Date", "Début", "Fin", "Pause non payée (min)"])
    shifts.append(["AG002", "2026-11-24", "9h", "17 h 30", 30])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_french_headings_import_whatever_the_language(centre: Workspace, tmp_path: Path, lang: str) -> None:
    set_language(lang)
    plan = import_workbook(centre, _french_workbook(tmp_path / "fr.xlsx"))
    assert [str(p) for p in plan.problems] == []
    shift = centre.store.shifts_between(date(2026, 11, 24), date(2026, 11, 24), ["AG002"])
    assert [(s.start, s.end, s.break_minutes) for s in shift] == [(time(9), time(17, 30), 30)]
    assert centre.store.get_employee("AG002").team == "Vert"


def test_the_template_in_french_imports_as_is(tmp_path: Path, french: None, centre: Workspace) -> None:
    from deskwfm.files.xlsx_template import write_template

    path = tmp_path / "modele.xlsx"
    write_template(path)
    names = load_workbook(path, read_only=True).sheetnames
    assert "Instructions" in names and "Employés" in names and "Quarts" in names
    text = " ".join(str(c) for rows in _sheets(path).values() for row in rows for c in row if c)
    assert "Matricule" in text and "Employee code" not in text


def test_an_error_report_in_french(centre: Workspace, tmp_path: Path, french: None) -> None:
    from deskwfm.files.xlsx_problems import write_error_report

    bad = tmp_path / "mauvais.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Quarts"
    ws.append(["Matricule", "Date", "Début", "Fin"])
    ws.append(["AG001", "2026-11-24", "25h", "17h"])
    wb.save(bad)
    plan = import_workbook(centre, bad, dry_run=True)
    assert plan.problems
    report = tmp_path / "rapport.xlsx"
    write_error_report(report, plan.file_name, plan.problems)
    text = " ".join(str(c) for rows in _sheets(report).values() for row in rows for c in row if c)
    assert "n'est pas une heure" in text and "is not a time" not in text


def test_shift_lines_survive_a_pdf_round_trip_unchanged(french: None) -> None:
    """Hours read in French print as French decimals, never as a different number."""
    pay = make_pay()
    text = "\n".join(pages_text(render(pay)))
    assert "7,50" in text and "7.50" not in text
