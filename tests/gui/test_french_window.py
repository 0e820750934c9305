"""The window in French: every menu, action, tooltip and heading in French, Qt's own buttons
in French (qtbase_fr.qm), and Settings → Language remembering the choice for the next start."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox, QWidget

from deskwfm.core.i18n import set_language
from deskwfm.resources import resource_dir
from deskwfm.user_config import config_path, saved_language
from tests.gui.conftest import WEEK_OF, make_centre


def _english_texts() -> set[str]:
    """Every English text the catalog translates into something else (so showing it in a French
    window is a mistake); the mnemonic ``&`` is ignored."""
    with (resource_dir() / "locale" / "fr" / "LC_MESSAGES" / "deskwfm.po").open("rb") as f:
        cat = read_po(f)
    english, french = set(), set()
    for m in cat:
        if m.id and isinstance(m.id, str) and m.string:
            french.add(m.string.replace("&", ""))
            if m.string.replace("&", "") != m.id.replace("&", ""):
                english.add(m.id.replace("&", ""))
    return english - french  # "Code" is French too


def _actions(menu: QMenu) -> Iterator[QAction]:
    for act in menu.actions():
        yield act
        if act.menu() is not None:
            yield from _actions(act.menu())


@pytest.fixture
def french_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from deskwfm.gui.language import install_qt_language, uninstall_qt_language
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    set_language("fr")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_qt_language(app, "fr")
    ws = Workspace.open(make_centre(tmp_path / "centre.sqlite3"))
    win = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ws.close()
    uninstall_qt_language(app)
    set_language("en")


def test_no_english_menu_or_action_text_in_french(french_window) -> None:  # type: ignore[no-untyped-def]
    english = _english_texts()
    bar = french_window.menuBar()
    menus = [a.menu() for a in bar.actions() if a.menu() is not None]
    titles = [m.title() for m in menus]
    assert titles == ["&Fichier", "É&dition", "&Affichage", "&Horaire", "&Paie", "Pa&ramètres", "Ai&de"]
    seen = []
    for menu in menus:
        for act in _actions(menu):
            for text in (act.text(), act.toolTip(), act.statusTip()):
                if text:
                    seen.append(text)
                    assert text.replace("&", "") not in english, f"English in a French menu: {text!r}"
    assert "&Langue" in seen and "&Employés…" in seen and "&Annuler" in seen
    for act in french_window.nav.actions():
        assert act.text().replace("&", "") not in english and act.toolTip() not in english
    assert french_window.nav.today_action.text() == "Aujourd'hui"


def test_the_grid_reads_french_days_and_numbers(french_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    model = french_window.grid.table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
             for c in range(model.columnCount())]
    assert heads[1] == "lun.\n23 nov."
    assert not any("Mon" in h or "Nov" in h for h in heads)
    assert french_window.nav.range_label.text() == "dim. 22 nov. – sam. 28 nov. 2026"


def test_qt_own_buttons_are_french(french_window) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
    texts = sorted(b.text().replace("&", "") for b in box.buttons())
    assert texts == ["Annuler", "Oui"]


def test_settings_language_remembers_the_choice(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings → Language → Français saves the choice (the window is English until the next
    start, and says so); System default forgets it."""
    asked: list[str] = []

    def no(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    settings = next(m for m in menus if m.title().replace("&", "") == "Settings")
    language = settings.findChild(QMenu, "languageMenu")
    assert language is not None
    by_text = {a.text(): a for a in language.actions()}
    assert list(by_text) == ["System default", "English", "Français"]
    assert by_text["System default"].isChecked()
    by_text["Français"].trigger()
    assert saved_language() == "fr"
    assert json.loads(config_path().read_text(encoding="utf-8")) == {"language": "fr"}
    assert asked and "next start" in asked[0]
    by_text["System default"].trigger()
    assert saved_language() is None


def test_a_damaged_settings_file_is_ignored(tmp_path: Path) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("{not json", encoding="utf-8")
    assert saved_language() is None


def _texts(root: QWidget) -> Iterator[str]:
    """What a person reads in a window: its title, labels, buttons, group titles, placeholders,
    tooltips, combo entries and table headings."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTableView,
        QTreeView,
    )

    yield root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        if w.toolTip():
            yield w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            model = w.model()
            yield from (str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                        for c in range(header.count()))


def _menu_action(win: QWidget, menu_title: str, text: str) -> QAction:
    bar = win.menuBar()  # type: ignore[attr-defined]
    menu = next(a.menu() for a in bar.actions() if a.menu() is not None and a.menu().title() == menu_title)
    return next(a for a in _actions(menu) if a.text() == text)


@pytest.mark.parametrize(
    ("menu", "item"),
    [
        ("&Fichier", "&Nouvelle base de données…"),
        ("&Fichier", "Im&primer les feuilles de temps…"),
        ("&Fichier", "Imprimer l'&horaire…"),
        ("&Horaire", "Copier la &semaine sur la suivante…"),
        ("&Paie", "Piste de &vérification…"),
        ("&Paie", "&Périodes de paie et approbation…"),
        ("Pa&ramètres", "&Employés…"),
        ("Pa&ramètres", "&Codes de quart…"),
        ("Pa&ramètres", "Paramètres du &site…"),
        ("&Horaire", "Horaire &automatique…"),
        ("Ai&de", "À &propos de deskwfm"),
    ],
)
def test_the_windows_a_menu_opens_are_french(qtbot, french_window, menu: str, item: str) -> None:  # type: ignore[no-untyped-def]
    """Each window opened from a French menu shows no text the catalog has in French."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    english = _english_texts()
    found: list[str] = []
    done: list[bool] = []

    def look(left: int = 200) -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]
        if not dialogs:
            if left:
                QTimer.singleShot(25, lambda: look(left - 1))
            return
        d = dialogs[-1]
        job = getattr(d, "job", None)
        if job is not None and not job.done and left:  # a preview being written: read it when shown
            QTimer.singleShot(25, lambda: look(left - 1))
            return
        try:
            found.extend(t.replace("&", "") for t in _texts(d) if t)
        finally:
            done.append(True)
            d.reject()

    french_window.grid.table.setCurrentIndex(french_window.grid.table.model().index(0, 1))
    QTimer.singleShot(0, look)
    _menu_action(french_window, menu, item).trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert found
    leaks = sorted({t for t in found if t in english})
    assert not leaks, f"English in {item}: {leaks}"
