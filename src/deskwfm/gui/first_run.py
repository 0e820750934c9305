"""First run: no database yet, so offer to create an empty centre, open the demo, or open a file.

``choose_database`` returns the path of a database that exists and opens, or None if the user
cancelled. Creating goes through ``services.setup.init_database``; nothing is written until the
user presses the button, and a refused form (bad time zone, unknown holiday region, file already
there) keeps the dialog open with the reason shown under the form.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.i18n import tr, weekday_name
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.rules import PRESETS
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.forms import date_of, make_date_edit, to_qdate
from deskwfm.gui.icons import app_icon, app_pixmap

DEMO_FILE_NAME = "deskwfm-demo.sqlite3"
FILE_FILTER = N_("deskwfm databases (*.deskwfm *.sqlite3 *.sqlite *.db);;All files (*)")


@dataclass(frozen=True, slots=True)
class PresetInfo:
    label: str  # marked with N_, shown through tr()
    tz: str
    holiday_region: str


# What each rules preset suggests for the other fields; a preset not listed here (added later)
# is shown by its key and leaves the time zone and holiday region as they are.
PRESET_INFO: dict[str, PresetInfo] = {
    "ontario": PresetInfo(N_("Ontario — Employment Standards Act, 2000"), "America/Toronto", "CA-ON"),
    "canada-federal": PresetInfo(N_("Canada federal — Canada Labour Code"), "America/Toronto", "CA"),
    "flsa": PresetInfo(N_("United States — FLSA (federal)"), "America/New_York", "US"),
    "california": PresetInfo(N_("California — Labor Code"), "America/Los_Angeles", "US-CA"),
}

PAY_PERIOD_LABELS: dict[PayPeriodKind, str] = {
    PayPeriodKind.WEEKLY: N_("Weekly"),
    PayPeriodKind.BIWEEKLY: N_("Every two weeks"),
    PayPeriodKind.SEMIMONTHLY: N_("Twice a month (1st–15th, 16th–end)"),
    PayPeriodKind.MONTHLY: N_("Monthly"),
}

HOLIDAY_REGIONS: tuple[tuple[str, str], ...] = (
    ("CA-ON", N_("Ontario (CA-ON)")),
    ("CA", N_("Canada federal (CA)")),
    ("US", N_("United States federal (US)")),
    ("US-CA", N_("California (US-CA)")),
    ("NONE", N_("No statutory holidays (NONE)")),
)


@cache
def _time_zones() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    zones = {z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))}
    return tuple(sorted(zones | {"UTC"}))


_FIXED_LENGTH = (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY)


def current_week_start(today: date, week_start: int) -> date:
    """The first day of the work week that contains ``today`` (the default first pay period)."""
    return today - timedelta(days=(today.weekday() - week_start) % 7)


def default_database_path() -> Path:
    """Where a new centre goes when the user doesn't choose: the platform's user data folder."""
    from deskwfm.services.workspace import default_path

    return default_path()


class FirstRunDialog(QDialog):
    """The welcome dialog. After ``exec()`` returns Accepted, ``chosen_path`` is set."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        default_path: Path | None = None,
        demo_path: Path | None = None,
        title: str | None = None,
        intro: str | None = None,
    ) -> None:
        super().__init__(parent)
        title = title or tr("Welcome to deskwfm")
        intro = intro or tr(
            "There is no schedule database on this computer yet. How would you like to start?")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(600)
        self.chosen_path: Path | None = None
        self.create_path = default_path or default_database_path()
        self.demo_path = demo_path or self.create_path.with_name(DEMO_FILE_NAME)

        icon = QLabel()
        icon.setPixmap(app_pixmap(64))
        icon.setFixedSize(72, 72)
        title_label = QLabel(f"<h2 style='margin:0'>{html.escape(title)}</h2>")
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        head_text = QVBoxLayout()
        head_text.addWidget(title_label)
        head_text.addWidget(intro_label)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        self.create_radio = QRadioButton(tr("Create an empty centre"))
        self.demo_radio = QRadioButton(tr("Open the demo centre"))
        self.open_radio = QRadioButton(tr("Open an existing file…"))
        self.choice = QButtonGroup(self)
        for b in (self.create_radio, self.demo_radio, self.open_radio):
            self.choice.addButton(b)
        self.create_radio.setChecked(True)

        self.form = self._build_form()
        self.create_location = self._location_row(self.create_path, "create")
        self.demo_location = self._location_row(self.demo_path, "demo")

        self.error_label = QLabel()
        self.error_label.setObjectName("firstRunError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addSpacing(6)
        layout.addWidget(self.create_radio)
        layout.addWidget(self._indented(
            self._hint(tr("Start with your own site; add staff, shift codes and pay rates next.")),
            self.form, self.create_location,
        ))
        layout.addWidget(self.demo_radio)
        layout.addWidget(self._indented(
            self._hint(tr("A sample contact centre with agents, pay rates and six weeks of day, evening "
                          "and night shifts, to try things out. Your own data stays separate.")),
            self.demo_location,
        ))
        layout.addWidget(self.open_radio)
        layout.addWidget(self._indented(
            self._hint(tr("A deskwfm database you were given, kept on a shared drive, or restored from a "
                          "backup (.deskwfm or .sqlite3).")),
        ))
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.choice.buttonToggled.connect(self._update_state)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.anchor_edit.dateChanged.connect(self._snap_anchor)
        self._preset_changed()
        self._period_changed()
        self._update_state()
        self.name_edit.setFocus()

    # ------------------------------------------------------------------ building

    def _build_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 4)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("e.g. Riverside Contact Centre"))
        self.preset_combo = QComboBox()
        for key in PRESETS:
            info = PRESET_INFO.get(key)
            self.preset_combo.addItem(tr(info.label) if info else key, key)
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo.addItems(list(_time_zones()))
        completer = QCompleter(list(_time_zones()), self.tz_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz_combo.setCompleter(completer)
        self.period_combo = QComboBox()
        for kind, label in PAY_PERIOD_LABELS.items():
            self.period_combo.addItem(tr(label), kind)
        self.period_combo.setCurrentIndex(self.period_combo.findData(PayPeriodKind.BIWEEKLY))
        self._week_start = SiteSettings().week_start
        self.anchor_edit = make_date_edit(current_week_start(date.today(), self._week_start), box)
        self.anchor_edit.setObjectName("periodStartEdit")
        self.anchor_hint = QLabel()
        self.anchor_hint.setObjectName("periodStartHint")
        self.anchor_hint.setStyleSheet("color: #555;")
        self.region_combo = QComboBox()
        self.region_combo.setEditable(True)
        self.region_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in HOLIDAY_REGIONS:
            self.region_combo.addItem(tr(label), code)
        self.region_combo.setToolTip(
            tr("Statutory holidays come from this region: a country code (CA, US) or "
            "country-subdivision (CA-BC, US-NY), or NONE.")
        )
        form.addRow(tr("Site &name:"), self.name_edit)
        form.addRow(tr("Pay &rules:"), self.preset_combo)
        form.addRow(tr("&Time zone:"), self.tz_combo)
        form.addRow(tr("&Pay period:"), self.period_combo)
        form.addRow(tr("Period &starts on:"), self.anchor_edit)
        form.addRow(self.anchor_hint)
        form.addRow(tr("&Holidays:"), self.region_combo)
        self._form_layout = form
        return box

    def _location_row(self, path: Path, which: str) -> QWidget:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setObjectName(f"{which}Location")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        change = QPushButton(tr("Change…"))
        change.setAutoDefault(False)
        change.clicked.connect(lambda: self._change_location(which))
        lay.addWidget(label, 1)
        lay.addWidget(change)
        row.setProperty("label", label)
        self._set_location_text(label, path)
        return row

    @staticmethod
    def _set_location_text(label: QLabel, path: Path) -> None:
        label.setText(tr("Saved as {path}").format(path=path))
        label.setToolTip(str(path))

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _indented(*widgets: QWidget) -> QWidget:
        frame = QFrame()
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(26, 0, 0, 8)
        lay.setSpacing(4)
        for w in widgets:
            lay.addWidget(w)
        return frame

    # ------------------------------------------------------------------ reactions

    def _preset_changed(self) -> None:
        info = PRESET_INFO.get(str(self.preset_combo.currentData()))
        if info is None:
            return
        self.tz_combo.setCurrentText(info.tz)
        idx = self.region_combo.findData(info.holiday_region)
        if idx >= 0:
            self.region_combo.setCurrentIndex(idx)
        else:
            self.region_combo.setCurrentText(info.holiday_region)

    def _period_changed(self) -> None:
        """Only weekly and two-weekly periods need a start date (the others follow the calendar)."""
        fixed = PayPeriodKind(self.period_combo.currentData()) in _FIXED_LENGTH
        self._form_layout.setRowVisible(self.anchor_edit, fixed)
        self._form_layout.setRowVisible(self.anchor_hint, fixed)
        day = weekday_name(self._week_start)
        if PayPeriodKind(self.period_combo.currentData()) is PayPeriodKind.WEEKLY:
            hint = tr("Periods run every week from here: pick a {day}, the first day of a work week.")
        else:
            hint = tr("Periods run every two weeks from here: pick the {day} a current period began.")
        self.anchor_hint.setText(hint.format(day=day))
        self.anchor_edit.setToolTip(
            tr("Weekly and two-weekly pay periods repeat from this date. You can change it later "
               "in Settings \u2192 Site.")
        )

    def _snap_anchor(self) -> None:
        """A pay period starts on the first day of a work week: keep the date on one."""
        chosen = date_of(self.anchor_edit)
        snapped = current_week_start(chosen, self._week_start)
        if snapped != chosen:
            self.anchor_edit.setDate(to_qdate(snapped))

    def _update_state(self) -> None:
        create = self.create_radio.isChecked()
        self.form.setEnabled(create)
        self.create_location.setEnabled(create)
        self.demo_location.setEnabled(self.demo_radio.isChecked())
        if create:
            self.ok_button.setText(tr("Create centre"))
        elif self.demo_radio.isChecked():
            self.ok_button.setText(tr("Open demo") if self.demo_path.exists() else tr("Create demo"))
        else:
            self.ok_button.setText(tr("Choose file…"))
        self.error_label.hide()

    def _change_location(self, which: str) -> None:
        current = self.create_path if which == "create" else self.demo_path
        name, _ = QFileDialog.getSaveFileName(self, tr("Save the new database as"), str(current),
                                              tr(FILE_FILTER))
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".deskwfm")
        if which == "create":
            self.create_path = path
            self._set_location_text(self.create_location.property("label"), path)
        else:
            self.demo_path = path
            self._set_location_text(self.demo_location.property("label"), path)
        self._update_state()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ------------------------------------------------------------------ reading the form

    def site_from_form(self) -> SiteSettings:
        """The form as SiteSettings; InputError naming the field if something is wrong."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            raise InputError(msg("Site name: enter the name of your centre, like Riverside Contact Centre"))
        tz = self.tz_combo.currentText().strip()
        if tz not in _time_zones():
            raise InputError(msg(
                'Time zone: "{tz}" is not a known time zone; pick one from the list, like America/Toronto',
                tz=tz))
        region = self._region_code()
        from deskwfm.core.holidays import validate_region

        try:
            region = validate_region(region)
        except InputError as exc:
            raise InputError(msg("Holidays: {problem}", problem=exc.msg)) from None
        period = PayPeriodKind(self.period_combo.currentData())
        preset_key = str(self.preset_combo.currentData())
        site = SiteSettings(
            name=name, tz=tz, pay_period=period, rules=PRESETS[preset_key], holiday_region=region,
        )
        if period in _FIXED_LENGTH:
            site = site.with_changes(period_anchor=date_of(self.anchor_edit))
        return site

    def _region_code(self) -> str:
        text = self.region_combo.currentText().strip()
        idx = self.region_combo.findText(text)
        if idx >= 0:
            return str(self.region_combo.itemData(idx))
        return text

    # ------------------------------------------------------------------ doing it

    def _on_ok(self) -> None:
        path: Path | None
        try:
            if self.create_radio.isChecked():
                path = self._create_empty()
            elif self.demo_radio.isChecked():
                path = self._open_demo()
            else:
                path = self._open_existing()
        except DeskwfmError as exc:
            self.show_error(str(exc))
            return
        except OSError as exc:  # disk full, no permission: say so, keep the dialog open
            self.show_error(tr("could not write the database: {reason}").format(reason=exc.strerror or exc))
            return
        if path is None:
            return
        self.chosen_path = path
        self.accept()

    def _create_empty(self) -> Path:
        site = self.site_from_form()
        path = self.create_path
        if path.exists():
            raise InputError(msg(
                "{path} already exists; choose another place with Change…, or open it with "
                "“Open an existing file…”", path=str(path)))
        self._create(path, site, demo=False)
        return path

    def _open_demo(self) -> Path:
        path = self.demo_path
        if not path.exists():
            self._create(path, SiteSettings(), demo=True)
        return path

    def _open_existing(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open a deskwfm database"), "", tr(FILE_FILTER))
        if not name:
            return None
        path = Path(name)
        from deskwfm.services.workspace import Workspace

        with _busy():
            Workspace.open(path).close()  # refuses a file that is not a deskwfm database
        return path

    @staticmethod
    def _create(path: Path, site: SiteSettings, *, demo: bool) -> None:
        from deskwfm.services.setup import init_database

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(msg("cannot create the folder {folder}: {reason}", folder=str(path.parent),
                                 reason=exc.strerror or "")) from None
        with _busy():
            init_database(path, site, demo=demo).close()


class _busy:
    """Wait cursor while a database is created (the demo takes a moment)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def choose_database(
    parent: QWidget | None = None, *, default_path: Path | None = None, missing: Path | None = None
) -> Path | None:
    """Ask how to start when there is no database; the chosen database's path, or None if cancelled.

    ``default_path`` is where an empty centre is created (default: the user data folder); the
    demo goes beside it as ``deskwfm-demo.sqlite3``. ``missing`` is a file the user named that
    does not exist (``deskwfm --db FILE``): the empty centre or the demo is created there.
    """
    if missing is not None:
        dlg = FirstRunDialog(
            parent,
            default_path=missing,
            demo_path=missing,
            intro=tr("There is no deskwfm database at {path} yet. Create it there (an empty centre "
                     "or the demo centre), or open another file.").format(path=missing),
        )
    else:
        dlg = FirstRunDialog(parent, default_path=default_path)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.chosen_path
