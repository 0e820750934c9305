"""About deskwfm: version, runtime versions and the licences of every bundled component.

The component list is ``resources/licenses/components.json`` (written by
``installer/collect_licenses.py``); each entry's licence texts are files under ``resources/``.
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskwfm import __version__
from deskwfm.core.errors import NotFoundError
from deskwfm.core.i18n import tr
from deskwfm.gui.icons import app_pixmap
from deskwfm.resources import resource_dir, resource_path


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    license: str
    url: str
    role: str
    files: tuple[str, ...]


def load_components() -> list[Component]:
    """The bundled components; an empty list if the licence index is missing."""
    try:
        raw = json.loads(resource_path("licenses", "components.json").read_text(encoding="utf-8"))
    except (NotFoundError, OSError, ValueError):
        return []
    return [
        Component(
            name=str(e["name"]), version=str(e.get("version", "")), license=str(e["license"]),
            url=str(e.get("url", "")), role=str(e.get("role", "")),
            files=tuple(str(f) for f in e.get("files", ())),
        )
        for e in raw
    ]


def licence_text(component: Component) -> str:
    """All licence files of a component, one after the other, headed by their file names."""
    parts = [f"{component.name} {component.version}".rstrip(),
             tr("Licence: {licence}").format(licence=component.license)]
    if component.url:
        parts.append(component.url)
    parts.append("")
    for rel in component.files:
        path = resource_dir() / rel
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = tr("(this licence file is missing from the installation)")
        parts += [f"===== {path.name} =====", text.rstrip(), ""]
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About deskwfm"))
        self.resize(760, 700)

        icon = QLabel()
        icon.setPixmap(app_pixmap(64))
        icon.setFixedSize(72, 72)
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(f"<h2 style='margin:0'>deskwfm {__version__}</h2>")
        title.setObjectName("aboutTitle")
        blurb = QLabel(
            tr("Contact-centre schedule grid and payroll sheet: hours and pay as you type, "
            "a local database that keeps every edit, Excel in and out, PDF timesheets.")
        )
        blurb.setWordWrap(True)
        self.runtime_label = QLabel(
            f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version} · "
            f"{platform.system()} {platform.machine()}"
            + (" · " + tr("bundled") if getattr(sys, "frozen", False) else "")
        )
        self.runtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.runtime_label.setStyleSheet("color: palette(mid);")
        head_text = QVBoxLayout()
        head_text.addWidget(title)
        head_text.addWidget(blurb)
        head_text.addWidget(self.runtime_label)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        self.components = load_components()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Component"), tr("Version"), tr("Licence")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self._items: list[QTreeWidgetItem] = []
        for comp in self.components:
            item = QTreeWidgetItem([comp.name, comp.version, comp.license])
            item.setToolTip(0, f"{comp.role}\n{comp.url}".strip())
            self.tree.addTopLevelItem(item)
            self._items.append(item)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setObjectName("licenceText")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([250, 330])

        caption = QLabel(
            tr("deskwfm includes the components below. Select one to read its licence. "
            "Qt is used under the LGPLv3: its libraries are separate files in the program folder "
            "that you may replace.")
        )
        caption.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(caption)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.tree.currentItemChanged.connect(self._show_licence)
        if self.components:
            self.tree.setCurrentItem(self._items[0])
        else:
            self.text.setPlainText(
                tr("The licence files are missing from this installation; reinstall deskwfm."))

    def _show_licence(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        comp = self.components[self.tree.indexOfTopLevelItem(current)]
        self.text.setPlainText(licence_text(comp))
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)

    def select_component(self, name: str) -> None:
        """Select the component called ``name`` (shows its licence)."""
        for i, comp in enumerate(self.components):
            if comp.name == name:
                self.tree.setCurrentItem(self._items[i])
                return
        raise KeyError(name)


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog modally."""
    dlg = AboutDialog(parent)
    dlg.exec()
