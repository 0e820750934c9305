"""The window's side of the language choice: Qt's own words in French (qtbase_fr.qm, shipped
with PySide6: file dialogs, standard buttons, the undo stack's menu words) and
Settings → Language, which saves the choice for the next start (``deskwfm.user_config``).

Every label is made when its widget is built, so a new choice takes effect on the next start;
the dialog says so and offers to restart now.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from deskwfm.core.i18n import language, tr

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow

_installed: list[QTranslator] = []  # kept alive as long as the application


def install_qt_language(app: QApplication, lang: str | None = None) -> bool:
    """Qt's dialogs and number/date widgets in ``lang`` (default: the process's language).
    True when Qt's French catalog was found and installed (English needs none)."""
    code = lang or language()
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):
        return False  # a stripped install: Qt's few words stay English, deskwfm's are French
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def uninstall_qt_language(app: QApplication) -> None:
    """Take Qt's translations out again (tests switch languages within one process)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))


# The choices of Settings → Language: None follows the system.
_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, "system"),
    ("en", "English"),
    ("fr", "Français"),
)


def add_language_menu(win: MainWindow, settings_menu: QMenu) -> QMenu:
    """Settings → Language: System default, English, Français (each language named in itself)."""
    from deskwfm.user_config import saved_language

    menu = settings_menu.addMenu(tr("&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    saved = saved_language()
    for code, name in _CHOICES:
        text = tr("System default") if code is None else name
        act = QAction(text, menu)
        act.setCheckable(True)
        act.setChecked(code == saved)
        act.setData(code or "")
        act.triggered.connect(lambda _=False, c=code: choose_language(win, c))
        group.addAction(act)
        menu.addAction(act)
    return menu


def choose_language(parent: QWidget, code: str | None) -> None:
    """Save ``code`` (None: the system's) for the next start; offer to restart now."""
    from deskwfm.user_config import save_language, system_language

    try:
        save_language(code)
    except OSError as exc:
        QMessageBox.warning(parent, tr("Language"), tr("Could not save the language choice: {reason}").format(
            reason=exc.strerror or type(exc).__name__))
        return
    target = code or system_language()
    if target == language():
        return
    answer = QMessageBox.question(
        parent, tr("Language"),
        tr("The new language is used from the next start of deskwfm. Restart now?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        restart(parent)


def restart(parent: QWidget) -> None:
    """Close the window (which saves what it remembers) and start deskwfm again, without a
    ``--lang`` that would override the saved choice."""
    from PySide6.QtCore import QProcess

    argv = _without_lang(sys.argv[1:])
    window = parent.window()
    if window.close():
        QProcess.startDetached(sys.executable, [*_program(), *argv])


def _program() -> list[str]:
    """How this process was started: the frozen program itself, or ``python -m deskwfm``."""
    if getattr(sys, "frozen", False):
        return []
    return ["-m", "deskwfm"]


def _without_lang(argv: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word == "--lang":
            skip = True
            continue
        if word.startswith("--lang="):
            continue
        out.append(word)
    return out
