"""About dialog: version, and a readable licence for every bundled component."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from deskwfm import __version__
from deskwfm.gui.about import AboutDialog, licence_text, load_components, show_about

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def about(qtbot) -> AboutDialog:
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_shows_version_and_runtime(about: AboutDialog) -> None:
    titles = [w.text() for w in about.findChildren(type(about.runtime_label))]
    assert any(f"deskwfm {__version__}" in t for t in titles)
    assert "Qt 6." in about.runtime_label.text() and "Python 3." in about.runtime_label.text()


def test_lists_the_main_components_with_their_licences(about: AboutDialog) -> None:
    rows = {
        about.tree.topLevelItem(i).text(0): about.tree.topLevelItem(i).text(2)
        for i in range(about.tree.topLevelItemCount())
    }
    assert rows["Qt 6 and Qt for Python (PySide6)"] == "LGPL-3.0-only"
    assert rows["SQLAlchemy"] == "MIT"
    assert rows["openpyxl"] == "MIT"
    assert rows["ReportLab"] == "BSD-3-Clause"
    assert rows["tzdata"] == "Apache-2.0"
    assert "DejaVu Sans fonts" in rows


def test_selecting_qt_shows_the_lgpl_text(qtbot, about: AboutDialog) -> None:
    about.select_component("Qt 6 and Qt for Python (PySide6)")
    text = about.text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "Version 3, 29 June 2007" in text
    assert "replace them" in text  # the notice tells users how they may swap the Qt libraries
    about.select_component("SQLAlchemy")
    assert "Permission is hereby granted" in about.text.toPlainText()


def test_every_component_has_licence_text_on_disk() -> None:
    components = load_components()
    assert len(components) >= 20
    for comp in components:
        assert comp.files, comp.name
        dlg_text = licence_text(comp)
        assert "missing from the installation" not in dlg_text, comp.name
        assert len(dlg_text) > 400, comp.name


def test_show_about_is_modal_and_closes(qtbot) -> None:
    shown: list[AboutDialog] = []

    def close() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, AboutDialog):
            QTimer.singleShot(20, close)
            return
        shown.append(dlg)
        dlg.reject()

    QTimer.singleShot(0, close)
    show_about(None)
    assert len(shown) == 1
