"""`deskwfm timesheets` and `deskwfm print schedule` on a demo database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdf
import pytest

from deskwfm.cli.main import main
from tests.files.pdf_words import page_words, shift_table

PERIOD = ["--from", "2026-11-01", "--to", "2026-11-14"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("db") / "demo.sqlite3"
    assert main(["--db", str(path), "init", "--demo"]) == 0
    return str(path)


def _money(text: str) -> str:
    return text.replace("$", "").replace(",", "")


def test_timesheet_numbers_equal_payroll_json(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    pay_period = ["--from", "2026-11-08", "--to", "2026-11-21"]  # the demo's biweekly period
    assert main(["--db", db, "payroll", *pay_period, "--team", "Overnight", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    out = tmp_path / "overnight.pdf"
    assert main(["--db", db, "timesheets", "--period", "2026-11-12", "--team", "Overnight", str(out)]) == 0
    n = len(data["employees"])
    assert capsys.readouterr().err == (
        f"Pay period 2026-11-08 to 2026-11-21: {n} timesheets, {n} pages written to {out}\n")
    pages = [p.extract_text() for p in pypdf.PdfReader(out).pages]
    assert len(pages) == len(data["employees"]) >= 2
    for emp, text, words in zip(data["employees"], pages, page_words(out), strict=True):
        assert emp["name"] in text and emp["code"] in text
        _, rows = shift_table(words)
        total = rows[-1]
        assert total.label == "Period total"
        assert emp["double_time_hours"] == "0.00"  # no double time under Ontario rules
        assert (total.get("Reg h"), total.get("OT h"), total.get("Night h"), total.get("Holiday h") or "0.00",
                total.get("Leave h")) == (
            emp["regular_hours"], emp["overtime_hours"], emp["night_hours"], emp["holiday_hours"],
            emp["leave_hours"],
        )
        gross = re.search(r"Gross pay (\S+)", text)
        assert gross is not None and _money(gross.group(1)) == emp["gross_pay"]


def test_split_writes_one_file_per_employee_named_by_code_and_period(db: str, tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    assert main(["--db", db, "timesheets", *PERIOD, "--employee", "AG001", "--employee", "AG003",
                 "--split", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "AG001_2026-11-01_2026-11-14.pdf", "AG003_2026-11-01_2026-11-14.pdf",
    ]
    text = pypdf.PdfReader(out / "AG003_2026-11-01_2026-11-14.pdf").pages[0].extract_text()
    assert "王芳" in text and "AG003" in text


def test_unknown_team_is_one_line_and_writes_nothing(db: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "timesheets", *PERIOD, "--team", "Nope", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'no team "Nope"' in err
    assert list(tmp_path.iterdir()) == []


def test_a_range_that_is_not_a_pay_period_is_labelled_so(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "one.pdf"
    assert main(["--db", db, "timesheets", *PERIOD, "--employee", "AG001", str(out)]) == 0
    assert capsys.readouterr().err == (
        f"Date range 2026-11-01 to 2026-11-14 (not a pay period): 1 timesheet, 1 page written to {out}\n")
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "Date range" in text and "2026-11-01 to 2026-11-14 (not a pay period)" in text
    assert "Pay period" not in text


def test_period_and_range_options_are_exclusive(db: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "timesheets", "--period", "2026-11-12", "--from", "2026-11-01", str(out)]) == 2
    assert capsys.readouterr().err == "deskwfm: give either --period or --from/--to, not both\n"
    assert main(["--db", db, "timesheets", "--from", "2026-11-01", str(out)]) == 2
    assert "give --period YYYY-MM-DD, or both --from and --to" in capsys.readouterr().err
    assert not out.exists()


def test_bad_date_is_refused(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "timesheets", "--from", "2026-13-01", "--to", "2026-11-14",
              str(tmp_path / "a.pdf")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert '"2026-13-01" is not a date' in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "a.pdf").exists()


def test_print_schedule_wall_chart(db: str, tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    args = ["print", "schedule", "--from", "2026-11-01", "--to", "2026-11-28", str(out)]
    assert main(["--db", db, *args]) == 0
    reader = pypdf.PdfReader(out)
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    texts = [p.extract_text() for p in reader.pages]
    assert all("Sun" in t and "Sat" in t for t in texts[:-1])  # day headings on every page of the grid
    joined = "\n".join(texts)
    for team in ("Billing", "Overnight", "Retention"):
        assert team in joined
    assert joined.count("On shift") >= 5 and "All teams on shift" in joined


def test_the_wall_chart_ends_with_a_coverage_page_per_week_whose_figures_are_forecast_shows(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15: the coverage chart is in the printed schedule - a page per work week, each day's
    agent-intervals short and over and predicted service level as `forecast show --json` says."""
    week = ["--from", "2026-11-15", "--to", "2026-11-21"]
    capsys.readouterr()
    assert main(["--db", db, "forecast", "show", *week, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    out = tmp_path / "chart.pdf"
    assert main(["--db", db, "print", "schedule", *week, str(out)]) == 0
    texts = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages]
    coverage = [t for t in texts if "Coverage Sun" in t]
    assert len(coverage) == 1 and coverage[0] is texts[-1]  # after the grid's pages
    page = coverage[0]
    w = shown["weeks"][0]
    assert (f"Coverage Sun 2026-11-15 to Sat 2026-11-21 · short {w['agent_intervals_short']:,.0f} "
                           f"· over {w['agent_intervals_over']:,.0f} agent-intervals · service level "
                           f"{w['service_level_pct']:.1f} %") in page
    for day in shown["days"]:
        heading = (f"{day['date']} · short {day['agent_intervals_short']:,.0f} · over "
                   f"{day['agent_intervals_over']:,.0f} agent-intervals · service level "
                   f"{day['service_level_pct']:.1f} %")
        assert heading in page
    assert "The week's gap: scheduled less required agents" in page


def test_no_forecast_in_the_range_prints_no_coverage_page(db: str, tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    no_forecast = ["--from", "2027-03-07", "--to", "2027-03-13"]
    assert main(["--db", db, "print", "schedule", *no_forecast, str(out)]) == 0
    texts = [p.extract_text() for p in pypdf.PdfReader(out).pages]
    assert len(texts) >= 1 and not any("Coverage" in t for t in texts)
