"""First-run dialog: create an empty centre, open the demo, open a file, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton

from deskwfm.core.model import PayPeriodKind
from deskwfm.gui.first_run import DEMO_FILE_NAME, FirstRunDialog, choose_database

# The offscreen platform plugin warns on every top-level show and when the time-zone completer
# pops up; these are limits of the test platform, not problems of the dialog.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def _site_of(path: Path):
    from deskwfm.services.site import get_site
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(path)
    try:
        return get_site(ws)
    finally:
        ws.close()


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> FirstRunDialog:
    dlg = FirstRunDialog(default_path=tmp_path / "data" / "deskwfm.sqlite3")
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _click_radio(qtbot, radio) -> None:
    """Click on the radio's indicator (its centre can lie past the end of its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _click_ok(qtbot, dlg: FirstRunDialog) -> None:
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)


def test_create_empty_centre_with_chosen_preset(qtbot, dialog: FirstRunDialog, tmp_path: Path) -> None:
    _click_radio(qtbot, dialog.create_radio)
    assert dialog.ok_button.text() == "Create centre"
    qtbot.keyClicks(dialog.name_edit, "  Riverside   Contact Centre ")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("california"))
    # choosing the California rules suggests its time zone and holidays
    assert dialog.tz_combo.currentText() == "America/Los_Angeles"
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(PayPeriodKind.WEEKLY))
    _click_ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    path = tmp_path / "data" / "deskwfm.sqlite3"
    assert dialog.chosen_path == path and path.is_file()
    site = _site_of(path)
    assert site.name == "Riverside Contact Centre"
    assert site.rules.preset == "california"
    assert site.tz == "America/Los_Angeles"
    assert site.pay_period is PayPeriodKind.WEEKLY
    assert site.holiday_region == "US-CA"


def test_typed_time_zone_is_used(qtbot, dialog: FirstRunDialog, tmp_path: Path) -> None:
    qtbot.keyClicks(dialog.name_edit, "Halifax desk")
    dialog.tz_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.tz_combo.lineEdit(), "America/Halifax")
    _click_ok(qtbot, dialog)
    site = _site_of(tmp_path / "data" / "deskwfm.sqlite3")
    assert (site.tz, site.rules.preset, site.holiday_region) == ("America/Halifax", "ontario", "CA-ON")


@pytest.mark.parametrize(
    ("name", "tz", "region", "expected"),
    [
        ("", "America/Toronto", None, "Site name"),
        ("Riverside", "Mars/Olympus_Mons", None, "Time zone"),
        ("Riverside", "America/Toronto", "XX-ZZ", "Holidays"),
    ],
)
def test_bad_form_keeps_dialog_open_and_writes_nothing(
    qtbot, dialog: FirstRunDialog, tmp_path: Path, name: str, tz: str, region: str | None, expected: str
) -> None:
    qtbot.keyClicks(dialog.name_edit, name)
    dialog.tz_combo.setCurrentText(tz)
    if region is not None:
        dialog.region_combo.setCurrentText(region)
    _click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith(expected)
    assert not (tmp_path / "data").exists()


def test_existing_file_is_not_overwritten(qtbot, dialog: FirstRunDialog, tmp_path: Path) -> None:
    target = tmp_path / "data" / "deskwfm.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"someone's file")
    qtbot.keyClicks(dialog.name_edit, "Riverside")
    _click_ok(qtbot, dialog)
    assert dialog.isVisible() and "already exists" in dialog.error_label.text()
    assert target.read_bytes() == b"someone's file"


def _drive_modal(action) -> list[FirstRunDialog]:
    """Drive the next modal FirstRunDialog with ``action`` once it is shown; returns the
    list the dialog is appended to (empty if it never appeared)."""
    seen: list[FirstRunDialog] = []

    def drive() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, FirstRunDialog):
            QTimer.singleShot(20, drive)
            return
        seen.append(dlg)
        try:
            action(dlg)
        finally:
            if dlg.isVisible():
                dlg.reject()  # a failed step must not leave the test waiting on exec()

    QTimer.singleShot(0, drive)
    return seen


def test_demo_option_creates_and_returns_demo(qtbot, tmp_path: Path) -> None:
    from deskwfm.services.employees import list_employees
    from deskwfm.services.workspace import Workspace

    def act(dlg: FirstRunDialog) -> None:
        _click_radio(qtbot, dlg.demo_radio)
        assert dlg.ok_button.text() == "Create demo"
        assert not dlg.form.isEnabled()
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    seen = _drive_modal(act)
    path = choose_database(default_path=tmp_path / "deskwfm.sqlite3")
    assert seen, "the first-run dialog was never shown"
    assert path == tmp_path / DEMO_FILE_NAME and path.is_file()
    ws = Workspace.open(path)
    try:
        assert len(list_employees(ws)) >= 10  # a believable centre, not an empty file
    finally:
        ws.close()
    assert not (tmp_path / "deskwfm.sqlite3").exists()

    # the second time the demo is opened as it is, not re-created
    mtime = path.stat().st_mtime_ns

    def act_again(dlg: FirstRunDialog) -> None:
        _click_radio(qtbot, dlg.demo_radio)
        assert dlg.ok_button.text() == "Open demo"
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    seen = _drive_modal(act_again)
    assert choose_database(default_path=tmp_path / "deskwfm.sqlite3") == path
    assert seen
    assert path.stat().st_mtime_ns == mtime


def test_cancel_returns_none_and_writes_nothing(qtbot, tmp_path: Path) -> None:
    def act(dlg: FirstRunDialog) -> None:
        qtbot.keyClicks(dlg.name_edit, "Riverside")
        cancel = dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    seen = _drive_modal(act)
    assert choose_database(default_path=tmp_path / "deskwfm.sqlite3") is None
    assert seen
    assert list(tmp_path.iterdir()) == []


def test_open_existing_file(qtbot, dialog: FirstRunDialog, tmp_path: Path, monkeypatch) -> None:
    from deskwfm.core.site import SiteSettings
    from deskwfm.services.setup import init_database

    existing = tmp_path / "shared" / "centre.deskwfm"
    existing.parent.mkdir()
    init_database(existing, SiteSettings(name="Shared centre")).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(existing), ""))
    _click_radio(qtbot, dialog.open_radio)
    assert dialog.ok_button.text() == "Choose file…"
    _click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_path == existing
    assert _site_of(existing).name == "Shared centre"


def test_open_file_that_is_not_a_database_is_refused(
    qtbot, dialog: FirstRunDialog, tmp_path: Path, monkeypatch
) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list: milk, eggs\n" * 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    _click_radio(qtbot, dialog.open_radio)
    _click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible() and dialog.error_label.text()
    assert junk.read_text().startswith("shopping list")


def test_open_file_dialog_cancelled_keeps_welcome_open(
    qtbot, dialog: FirstRunDialog, monkeypatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    _click_radio(qtbot, dialog.open_radio)
    _click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.chosen_path is None
    assert not dialog.error_label.isVisible()


def test_change_location_creates_a_deskwfm_file_there(
    qtbot, dialog: FirstRunDialog, tmp_path: Path, monkeypatch
) -> None:
    shared = tmp_path / "shared drive"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shared / "riverside"), ""))
    change = next(b for b in dialog.create_location.findChildren(QPushButton) if b.text() == "Change…")
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    target = shared / "riverside.deskwfm"  # no extension typed: the association's one is added
    assert str(target) in dialog.create_location.findChild(QLabel, "createLocation").text()
    qtbot.keyClicks(dialog.name_edit, "Riverside")
    _click_ok(qtbot, dialog)
    assert dialog.chosen_path == target and target.is_file()
    assert not (tmp_path / "data").exists()
    assert _site_of(target).name == "Riverside"
