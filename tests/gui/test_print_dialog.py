"""File → Print timesheets… and Print schedule…: pick, preview every page, print, save.

Driven through the dialogs' own buttons; what they write is read back from the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from deskwfm.core.messages import verbatim
from deskwfm.core.model import Employee
from deskwfm.core.payroll import EmployeePay
from deskwfm.core.site import SiteSettings
from deskwfm.gui import print_dialog
from deskwfm.gui.print_dialog import ScheduleDialog, TimesheetDialog
from deskwfm.services.timesheets import TimesheetBatch
from deskwfm.services.workspace import Workspace
from tests.files.test_pdf_timesheet import SITE, make_pay

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
EMPLOYEES = [Employee(f"AG{i:03d}", f"Agent {i}", "Blue" if i % 2 else "Green") for i in range(8)]
ANCHOR = date(2026, 11, 24)  # in the bi-weekly pay period Sun 2026-11-22 .. Sat 2026-12-05
LONG = 120_000  # ms: a generous hang guard for work on the worker thread


class Loader:
    """Timesheets priced by the real engine for any of EMPLOYEES (``repeat``: each many times)."""

    def __init__(self, repeat: int = 1) -> None:
        self.calls: list[tuple[date, date, list[str]]] = []
        self.repeat = repeat

    def __call__(self, start: date, end: date, codes: Sequence[str]) -> TimesheetBatch:
        self.calls.append((start, end, list(codes)))
        by_code = {e.code: e for e in EMPLOYEES}
        pays = [make_pay(c, by_code[c].name, by_code[c].team, start, end) for c in codes]
        return TimesheetBatch(SITE, [p for p in pays for _ in range(self.repeat)])


def timesheets(qtbot, loader: Loader | None = None) -> TimesheetDialog:  # type: ignore[no-untyped-def]
    dlg = TimesheetDialog(None, SITE, EMPLOYEES, ANCHOR, loader or Loader())
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def finish(qtbot, dlg: print_dialog.DocumentDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.done, timeout=LONG)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_opens_on_the_pay_period_containing_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot)
    assert dlg.picker.label.text() == "Pay period 2026-11-22 to 2026-12-05"
    dlg.team_combo.setCurrentText("Blue")
    assert dlg.selected_codes() == ["AG001", "AG003", "AG005", "AG007"]
    dlg.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.selected_codes() == ["AG003", "AG005", "AG007"]


def test_preview_shows_every_page_rendering_only_what_is_on_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    loader = Loader(repeat=5)  # 40 timesheets
    dlg = timesheets(qtbot, loader)
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    assert loader.calls == [(date(2026, 11, 22), date(2026, 12, 5), [e.code for e in EMPLOYEES])]
    preview = dlg.preview
    assert preview.page_count == 40 and preview.of_label.text() == "of 40"
    qtbot.waitUntil(lambda: 0 in preview.pages.rendered_pages(), timeout=LONG)
    assert len(preview.pages.rendered_pages()) <= 3  # lazily: not the 37 pages below the fold
    preview.page_spin.setValue(40)  # "Page 40 of 40": scrolls there and renders it
    qtbot.waitUntil(lambda: 39 in preview.pages.rendered_pages(), timeout=LONG)
    assert preview.current_page() == 39
    img = preview.pages._cache[(39, preview.pages.rects[39].width())]
    dark = sum(1 for x in range(0, img.width(), 4) for y in range(0, img.height(), 4)
               if img.pixelColor(x, y).lightness() < 100)
    assert dark > 200  # a drawn page, not a blank one
    bar = preview.area.verticalScrollBar()
    top = bar.value()
    preview.page_spin.setValue(39)
    bar.setValue(preview.pages.rects[38].top() + 200)  # read down page 39 a little
    assert preview.page_spin.value() == 39
    preview.page_spin.setFocus()
    qtbot.keyClick(preview.page_spin, Qt.Key.Key_Return)  # Enter on "39": back to its top
    assert bar.value() == preview.pages.rects[38].top() - 12 < top


def test_zoom_fit_width_in_and_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot)
    dlg.resize(1100, 760)
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    preview = dlg.preview
    fit = preview.pages.rects[0].width()
    viewport = preview.area.viewport().width()
    assert preview.fit_button.isChecked() and viewport - 40 < fit <= viewport
    click(qtbot, preview.in_button)
    assert preview.pages.rects[0].width() == pytest.approx(fit * 1.25, abs=2)
    assert not preview.fit_button.isChecked()
    click(qtbot, preview.out_button)
    click(qtbot, preview.out_button)
    assert preview.pages.rects[0].width() == pytest.approx(fit / 1.25, abs=2)
    assert preview.zoom_label.text().endswith(" %")
    click(qtbot, preview.fit_button)
    assert preview.pages.rects[0].width() == fit


def test_save_reuses_the_preview_and_says_where_the_pdf_went(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loader = Loader()
    dlg = timesheets(qtbot, loader)
    dlg.team_combo.setCurrentText("Green")
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    target = tmp_path / "green"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, dlg.save_btn)
    assert dlg.saved is not None and dlg.saved.files == (tmp_path / "green.pdf",)
    assert len(loader.calls) == 1  # the previewed PDF was saved, not computed again
    assert dlg.status.text() == (f"Pay period 2026-11-22 to 2026-12-05: 4 timesheets (4 pages) saved to "
                                 f"{tmp_path / 'green.pdf'}")
    assert dlg.open_folder_btn.isVisible()
    opened: list[str] = []
    monkeypatch.setattr(print_dialog.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    click(qtbot, dlg.open_folder_btn)
    assert opened == [str(tmp_path)]
    texts = pdf_text(tmp_path / "green.pdf")
    assert len(texts) == 4 and "Agent 0" in texts[0] and "Pay period 2026-11-22 to 2026-12-05" in texts[0]


def test_a_custom_range_is_written_and_labelled_not_a_pay_period(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot)
    dlg.check_all(False)
    dlg.list.item(2).setCheckState(Qt.CheckState.Checked)
    dlg.picker.set_range(date(2026, 11, 22), date(2026, 11, 28))
    assert dlg.picker.label.text() == "Date range 2026-11-22 to 2026-11-28 (not a pay period)"
    dlg.save_to(tmp_path / "week.pdf")  # no preview yet: written straight to the file
    finish(qtbot, dlg)
    [text] = pdf_text(tmp_path / "week.pdf")
    assert "Date range" in text and "2026-11-22 to 2026-11-28 (not a pay period)" in text
    assert "Pay period" not in text


def test_changing_the_choice_marks_the_preview_out_of_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot)
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    assert dlg.preview.note.isHidden()
    click(qtbot, dlg.picker.prev_button)
    assert dlg.preview.note.isVisible() and "press Preview" in dlg.preview.note.text()


def test_nothing_ticked_says_so(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    dlg = timesheets(qtbot)
    dlg.check_all(False)
    click(qtbot, dlg.preview_btn)
    assert shown == ["Tick at least one employee."] and dlg.job is None


def test_print_sends_every_page_to_the_printer(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    asked: list[str] = []
    monkeypatch.setattr(print_dialog, "ask_printer",
                        lambda parent, pdf, name, current: asked.append(name) or printer)
    dlg = timesheets(qtbot)
    dlg.team_combo.setCurrentText("Blue")
    click(qtbot, dlg.print_btn)  # writes the PDF first, then asks for a printer
    finish(qtbot, dlg)
    qtbot.waitUntil(lambda: dlg.printed == 4, timeout=LONG)
    assert asked == ["timesheets_2026-11-22_2026-12-05"]
    assert dlg.status.text() == f"4 pages sent to {tmp_path / 'printed.pdf'}"
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 4
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # this printer's A4, portrait


def test_print_a_page_range(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot)
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setFromTo(2, 3)
    assert dlg._doc is not None
    dlg.print_pdf(dlg._doc[1], printer)
    qtbot.waitUntil(lambda: dlg.printed == 2, timeout=LONG)
    assert len(pypdf.PdfReader(tmp_path / "two.pdf").pages) == 2


def test_cancel_stops_a_long_run_and_leaves_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot, Loader(repeat=100))  # 800 timesheets
    turns: list[bool] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: turns.append(dlg.job is not None and not dlg.job.done))
    ticker.start(10)
    dlg.save_to(tmp_path / "all.pdf")
    job = dlg.job
    assert job is not None
    qtbot.waitUntil(lambda: job._state[0] > 0, timeout=LONG)  # writing has begun
    qtbot.waitUntil(job.dialog.isVisible, timeout=LONG)  # the progress dialog, with its Cancel button
    assert any(turns)  # the event loop kept turning while the worker wrote
    [cancel] = job.dialog.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    click(qtbot, cancel)
    finish(qtbot, dlg)
    ticker.stop()
    assert dlg.status.text() == "Cancelled; nothing was written."
    assert list(tmp_path.iterdir()) == [] and dlg.saved is None


def test_closing_during_a_run_stops_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dlg = timesheets(qtbot, Loader(repeat=100))
    dlg.save_to(tmp_path / "all.pdf")
    job = dlg.job
    assert job is not None
    qtbot.waitUntil(lambda: job._state[0] > 0, timeout=LONG)
    click(qtbot, dlg.close_btn)
    assert job.done and not dlg.isVisible()
    assert list(tmp_path.iterdir()) == []


def test_an_error_is_one_message(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from deskwfm.core.errors import InputError

    def broken(start: date, end: date, codes: Sequence[str]) -> tuple[SiteSettings, list[EmployeePay]]:
        said = verbatim("AG001 has no pay rate on 2026-11-23; add a rate from that date or earlier")
        raise InputError(said)

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    dlg = timesheets(qtbot, broken)  # type: ignore[arg-type]
    click(qtbot, dlg.preview_btn)
    finish(qtbot, dlg)
    assert shown == ["AG001 has no pay rate on 2026-11-23; add a rate from that date or earlier"]
    assert dlg.preview_btn.isEnabled()


def test_schedule_dialog_previews_the_range_on_screen(qtbot, centre: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from deskwfm.services.print_schedule import print_schedule
    from deskwfm.services.site import get_site

    with Workspace.open(centre) as ws:
        dlg = ScheduleDialog(None, get_site(ws), ANCHOR, (date(2026, 11, 22), date(2026, 11, 28)),
                             lambda s, e, target, progress: print_schedule(ws, s, e, target, progress))
        qtbot.addWidget(dlg)
        dlg.show()
        assert dlg.picker.label.text() == "Sun 2026-11-22 to Sat 2026-11-28"
        qtbot.waitUntil(lambda: dlg.preview.page_count > 0, timeout=LONG)  # shown at once
        first = dlg.preview.pages.rects[0]
        assert first.width() > first.height()  # a landscape wall chart
        dlg.save_to(tmp_path / "chart.pdf")
        assert dlg.saved is not None
        assert dlg.status.text() == (
            f"Schedule Sun 2026-11-22 to Sat 2026-11-28: 1 page saved to {tmp_path / 'chart.pdf'}")
        text = pdf_text(tmp_path / "chart.pdf")[0]
        assert "Agent 1" in text and "Sun 2026-11-22" in text
        dlg.close()


def test_the_printed_schedule_ends_with_the_weeks_coverage_chart(qtbot, centre: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: with a call forecast, File → Print schedule previews and saves a coverage page
    after the grid: the day's figures as the chart panel shows them."""
    from datetime import timedelta

    from deskwfm.core.forecast import ForecastInterval
    from deskwfm.services.forecast import staffing_between, store_forecast
    from deskwfm.services.print_schedule import print_schedule
    from deskwfm.services.site import get_site

    sun, sat = date(2026, 11, 22), date(2026, 11, 28)
    with Workspace.open(centre) as ws:
        store_forecast(ws, sun, sat, [ForecastInterval(sun + timedelta(days=k), m, 3, 300)
                                      for k in range(7) for m in range(600, 960, 30)])
        monday = staffing_between(ws, sun, sat).days[1]
        dlg = ScheduleDialog(None, get_site(ws), ANCHOR, (sun, sat),
                             lambda s, e, target, progress: print_schedule(ws, s, e, target, progress))
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitUntil(lambda: dlg.preview.page_count == 2, timeout=LONG)  # the grid, then coverage
        dlg.save_to(tmp_path / "chart.pdf")
        assert dlg.saved is not None
        grid, coverage = pdf_text(tmp_path / "chart.pdf")
        assert "Agent 1" in grid and "Coverage" not in grid
        short = sum(i.short for i in monday.intervals)
        assert "Coverage Sun 2026-11-22 to Sat 2026-11-28" in coverage
        assert f"Mon 2026-11-23 · short {short:g} · over 0 agent-intervals" in coverage
        dlg.close()
