"""Site settings dialog: name, time zone, week and pay period, pay rules, night premium, holidays."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import InputError
from deskwfm.core.fields import Field
from deskwfm.core.i18n import render, tr, weekday_name
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.rules import (
    PRESETS,
    DailyOvertimeDay,
    HolidayOnDayOff,
    HolidayPayBase,
    HolidayPayMethod,
    NightPremiumKind,
    OvertimeBase,
    RuleSet,
)
from deskwfm.core.site import SiteSettings
from deskwfm.core.staffing_targets import RANGES
from deskwfm.core.timekeeping import MAX_GRACE_MINUTES, PayBasis
from deskwfm.gui.dialogs.forms import (
    ServiceDialog,
    add_row,
    clock_text,
    date_of,
    decimal_text,
    hours_field_text,
    make_date_edit,
    parse_amount,
    parse_clock,
    parse_hours,
    to_qdate,
)
from deskwfm.gui.dialogs.scheduling_box import SchedulingBox
from deskwfm.services import site as site_service
from deskwfm.services.workspace import Workspace

PRESET_LABELS: dict[str, str] = {
    "ontario": N_("Ontario (ESA 2000)"),
    "canada-federal": N_("Canada federal (Labour Code)"),
    "flsa": N_("US federal (FLSA)"),
    "california": N_("California (Labor Code 510)"),
}
PERIOD_LABELS: dict[PayPeriodKind, str] = {
    PayPeriodKind.WEEKLY: N_("Weekly"),
    PayPeriodKind.BIWEEKLY: N_("Every two weeks"),
    PayPeriodKind.SEMIMONTHLY: N_("Twice a month (1-15, 16-end)"),
    PayPeriodKind.MONTHLY: N_("Monthly"),
}
OT_BASE_LABELS: dict[OvertimeBase, str] = {
    OvertimeBase.BASE_RATE: N_("Hourly rate in force"),
    OvertimeBase.REGULAR_RATE: N_("Regular rate of the week (FLSA)"),
}
HOLIDAY_PAY_LABELS: dict[HolidayPayMethod, str] = {
    HolidayPayMethod.NONE: N_("None"),
    HolidayPayMethod.FOUR_WEEKS_DIV_20: N_("4 weeks' wages ÷ 20 (ESA, CLC)"),
}
# The pay-rule settings below are statute choices (core.rules documents each with its source).
DAILY_OT_DAY_LABELS: dict[DailyOvertimeDay, str] = {
    DailyOvertimeDay.WORKDAY: N_("workday from a fixed time (California)"),
    DailyOvertimeDay.FROM_SHIFT_START: N_("24 hours from the start of work (Labour Code)"),
}
HOLIDAY_PAY_BASE_LABELS: dict[HolidayPayBase, str] = {
    HolidayPayBase.REGULAR_WAGES: N_("regular wages only (ESA)"),
    HolidayPayBase.WAGES_EXCLUDING_OVERTIME: N_("all wages except overtime (Labour Code)"),
}
HOLIDAY_ON_DAY_OFF_LABELS: dict[HolidayOnDayOff, str] = {
    HolidayOnDayOff.NEXT_WORKING_DAY: N_("moves to their next working day"),
    HolidayOnDayOff.PREVIOUS_WORKING_DAY: N_("moves to their previous working day"),
    HolidayOnDayOff.PAY_ONLY: N_("is paid, no other day off"),
}
NIGHT_KIND_LABELS: dict[NightPremiumKind, str] = {
    NightPremiumKind.AMOUNT: N_("per night hour"),
    NightPremiumKind.PERCENT: N_("percent of the hourly rate"),
}
PAY_BASIS_LABELS: dict[PayBasis, str] = {
    PayBasis.SCHEDULE: N_("the schedule (the plan)"),
    PayBasis.ACTUAL: N_("the actual time recorded"),
}
ROUNDING_LABELS: dict[int, str] = {
    0: N_("no rounding"),
    5: N_("to the nearest 5 minutes"),
    6: N_("to the nearest 6 minutes (tenth of an hour)"),
    10: N_("to the nearest 10 minutes"),
    15: N_("to the nearest 15 minutes"),
}
# Night window and premium are the site's own policy, not statute: a preset leaves them alone.
_NIGHT_FIELDS = ("night_start", "night_end", "night_premium", "night_premium_kind")


@lru_cache(maxsize=1)
def region_choices() -> tuple[str, ...]:
    from deskwfm.core.holidays import supported_regions

    return supported_regions()


@lru_cache(maxsize=1)
def time_zone_choices() -> tuple[str, ...]:
    from zoneinfo import available_timezones

    return tuple(sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/")))


def _spin(parent: QWidget, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


def _combo(parent: QWidget, items: Mapping[Any, str], translate: bool = True) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in items.items():
        combo.addItem(tr(label) if translate else label, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _hours_edit(parent: QWidget, placeholder: str | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(tr("(off)") if placeholder is None else placeholder)
    edit.setMaximumWidth(90)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def _unit_row(form: QFormLayout, text: str, edit: QWidget, unit: str) -> None:
    add_row(form, text, _with_unit(edit, unit), edit)


def _with_unit(edit: QWidget, unit: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit)
    label = QLabel(unit)
    label.setStyleSheet("color: #606060;")
    row.addWidget(label)
    row.addStretch(1)
    return row


class SiteSettingsDialog(ServiceDialog):
    """Edit the site's settings; Save writes them and closes (exec() returns Accepted)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.setWindowTitle(tr("Site settings"))
        loaded = self.call(lambda: site_service.get_site(ws))
        self._site = loaded if loaded is not None else SiteSettings()
        self._loading = False

        # ---- site
        site_box = QGroupBox(tr("Site"), self)
        self.name_edit = QLineEdit(site_box)
        self.currency_edit = QLineEdit(site_box)
        self.currency_edit.setMaximumWidth(60)
        self.tz_combo = QComboBox(site_box)
        self.tz_combo.setEditable(True)
        self.tz_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo.addItems(list(time_zone_choices()))
        self.tz_combo.setMaxVisibleItems(20)
        tz_completer = QCompleter(list(time_zone_choices()), self.tz_combo)
        tz_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tz_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz_combo.setCompleter(tz_completer)
        self.week_combo = QComboBox(site_box)
        for i in range(7):
            self.week_combo.addItem(weekday_name(i).capitalize(), i)
        self.period_combo = _combo(site_box, PERIOD_LABELS)
        self.anchor_edit = make_date_edit(self._site.period_anchor, site_box)
        self.anchor_edit.setToolTip(tr("The first day of any one pay period; later periods follow from it"))
        self.region_combo = QComboBox(site_box)
        self.region_combo.setEditable(True)
        self.region_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region_combo.addItems(list(region_choices()))
        self.region_combo.setToolTip(
            tr("Country, or country-province/state: CA-ON, CA, US-CA, US-NY; blank for no statutory holidays")
        )
        site_form = QFormLayout(site_box)
        site_form.addRow(tr("Site &name"), self.name_edit)
        site_form.addRow(tr("Currenc&y symbol"), self.currency_edit)
        site_form.addRow(tr("Time &zone"), self.tz_combo)
        site_form.addRow(tr("&Week starts on"), self.week_combo)
        site_form.addRow(tr("&Pay period"), self.period_combo)
        self.anchor_label = QLabel(tr("A period &starts on"), site_box)
        self.anchor_label.setBuddy(self.anchor_edit)
        site_form.addRow(self.anchor_label, self.anchor_edit)
        site_form.addRow(tr("&Holidays of"), self.region_combo)

        # ---- night
        night_box = QGroupBox(tr("Night premium"), self)
        self.night_start_edit = _hours_edit(night_box, "22:00")
        self.night_end_edit = _hours_edit(night_box, "06:00")
        self.night_premium_edit = _hours_edit(night_box, "0")
        self.night_kind_combo = _combo(night_box, NIGHT_KIND_LABELS)
        self.night_kind_combo.setItemText(0,
            tr("{currency} per night hour").format(currency=self._site.currency))
        window = QHBoxLayout()
        window.addWidget(self.night_start_edit)
        window.addWidget(QLabel(tr("to"), night_box))
        window.addWidget(self.night_end_edit)
        window.addStretch(1)
        premium = QHBoxLayout()
        premium.addWidget(self.night_premium_edit)
        premium.addWidget(self.night_kind_combo)
        premium.addStretch(1)
        night_form = QFormLayout(night_box)
        add_row(night_form, tr("Night &from"), window, self.night_start_edit)
        add_row(night_form, tr("Pre&mium"), premium, self.night_premium_edit)

        # ---- rules
        rules_box = QGroupBox(tr("Overtime and holiday pay"), self)
        self.preset_combo = _combo(rules_box, {k: PRESET_LABELS.get(k, k) for k in PRESETS})
        self.preset_note = QLabel(rules_box)
        self.preset_note.setStyleSheet("color: #606060;")
        self.daily_ot_edit = _hours_edit(rules_box)
        self.daily_dt_edit = _hours_edit(rules_box)
        self.weekly_ot_edit = _hours_edit(rules_box)
        self.seventh_check = QCheckBox(
            tr("7th consecutive day of the week at overtime (California)"), rules_box)
        self.ot_mult_edit = _hours_edit(rules_box, "1.5")
        self.dt_mult_edit = _hours_edit(rules_box, "2")
        self.ot_base_combo = _combo(rules_box, OT_BASE_LABELS)
        self.holiday_pay_combo = _combo(rules_box, HOLIDAY_PAY_LABELS)
        self.holiday_mult_edit = _hours_edit(rules_box, "1.5")
        self.holiday_ot_check = QCheckBox(
            tr("Hours worked on a holiday also count toward overtime"), rules_box
        )
        self.holiday_ot_check.setToolTip(tr(
            "Ticked, hours already paid the holiday premium also count toward the daily and weekly "
            "overtime thresholds, so other hours become overtime on top of the premium."
        ))
        self.ot_day_combo = _combo(rules_box, DAILY_OT_DAY_LABELS, translate=True)
        self.workday_start_edit = _hours_edit(rules_box, "00:00")
        self.holiday_base_combo = _combo(rules_box, HOLIDAY_PAY_BASE_LABELS, translate=True)
        self.holiday_week_edit = _hours_edit(rules_box)
        self.holiday_day_off_combo = _combo(rules_box, HOLIDAY_ON_DAY_OFF_LABELS, translate=True)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_combo)
        preset_row.addWidget(self.preset_note, 1)
        rules_form = QFormLayout(rules_box)
        add_row(rules_form, tr("&Rules preset"), preset_row, self.preset_combo)
        _unit_row(rules_form, tr("&Daily overtime after"), self.daily_ot_edit, tr("hours (blank: off)"))
        _unit_row(rules_form, tr("Daily double &time after"), self.daily_dt_edit, tr("hours (blank: off)"))
        _unit_row(rules_form, tr("Wee&kly overtime after"), self.weekly_ot_edit, tr("hours (blank: off)"))
        self.ot_day_combo.setToolTip(tr(
            "Which hours share a day's overtime threshold. California: a fixed 24-hour workday "
            "(Labor Code 500). Canada Labour Code: any 24 consecutive hours (s.166), counted from "
            "the start of work, so a night shift is one day."
        ))
        add_row(rules_form, tr("Daily overtime counts per"), self.ot_day_combo)
        self.workday_label = add_row(rules_form, tr("Workday starts at"), _with_unit(
            self.workday_start_edit, tr("each day (00:00: the calendar day)")), self.workday_start_edit)
        rules_form.addRow("", self.seventh_check)
        _unit_row(rules_form, tr("&Overtime multiplier"), self.ot_mult_edit, "×")
        _unit_row(rules_form, tr("Double time m&ultiplier"), self.dt_mult_edit, "×")
        rules_form.addRow(tr("Overtime &base"), self.ot_base_combo)
        rules_form.addRow(tr("Ho&liday pay"), self.holiday_pay_combo)
        self.holiday_base_combo.setToolTip(tr(
            "Which wages of the four weeks before a holiday's week enter its holiday pay. Ontario ESA: "
            "regular wages, without overtime, public holiday or premium pay. Canada Labour Code: all "
            "wages except overtime pay, so premium pay for an earlier holiday counts."
        ))
        add_row(rules_form, tr("Holiday pay is based on"), self.holiday_base_combo)
        _unit_row(rules_form, tr("Holiday w&orked multiplier"), self.holiday_mult_edit, "×")
        rules_form.addRow("", self.holiday_ot_check)
        _unit_row(rules_form, tr("Each holiday lowers weekly overtime by"), self.holiday_week_edit,
                  tr("hours (blank: not at all)"))
        self.holiday_day_off_combo.setToolTip(tr(
            "A holiday on a day the employee does not usually work (read from their schedule). "
            "Labour Code s.193: a holiday with pay on the working day before or after; Ontario ESA "
            "s.29: a substitute working day, or holiday pay by agreement."
        ))
        add_row(rules_form, tr("A holiday on someone's day off"), self.holiday_day_off_combo)

        # ---- warnings
        warn_box = QGroupBox(tr("Warnings in the grid"), self)
        self.min_rest_edit = _hours_edit(warn_box, "8")
        self.max_daily_edit = _hours_edit(warn_box)
        self.max_weekly_edit = _hours_edit(warn_box)
        warn_form = QFormLayout(warn_box)
        _unit_row(warn_form, tr("Minimum r&est between shifts"), self.min_rest_edit, tr("hours"))
        _unit_row(warn_form, tr("Maximum hours a d&ay"), self.max_daily_edit, tr("hours (blank: off)"))
        _unit_row(warn_form, tr("Maximum hours a w&eek"), self.max_weekly_edit, tr("hours (blank: off)"))

        # ---- staffing (Erlang C against the call forecast)
        staff_box = QGroupBox(tr("Staffing against the call forecast"), self)
        self.sl_pct_spin = _spin(staff_box, *RANGES[Field.SL_TARGET_PCT], " %")
        self.sl_seconds_spin = _spin(staff_box, *RANGES[Field.SL_TARGET_SECONDS], " s")
        self.occupancy_spin = _spin(staff_box, *RANGES[Field.MAX_OCCUPANCY_PCT], " %")
        self.shrinkage_spin = _spin(staff_box, *RANGES[Field.SHRINKAGE_PCT], " %")
        self.interval_combo = _combo(
            staff_box, {15: N_("15 minutes"), 30: N_("30 minutes"), 60: N_("60 minutes")})
        sl_row = QHBoxLayout()
        sl_row.addWidget(self.sl_pct_spin)
        sl_row.addWidget(QLabel(tr("of calls answered within"), staff_box))
        sl_row.addWidget(self.sl_seconds_spin)
        sl_row.addStretch(1)
        staff_form = QFormLayout(staff_box)
        add_row(staff_form, tr("Ser&vice level"), sl_row, self.sl_pct_spin)
        staff_form.addRow(tr("Maximum o&ccupancy"), self.occupancy_spin)
        staff_form.addRow(tr("Shrin&kage"), self.shrinkage_spin)
        staff_form.addRow(tr("Forecast &interval"), self.interval_combo)

        time_box = self._timekeeping_box()

        left = QVBoxLayout()
        left.addWidget(site_box)
        left.addWidget(night_box)
        left.addWidget(staff_box)
        # under the staffing box: the right column is full, and the dialog must fit 1280 x 800
        self.scheduling = SchedulingBox(self)
        left.addWidget(self.scheduling)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(rules_box)
        right.addWidget(warn_box)
        right.addWidget(time_box)  # the right column has room left: the dialog fits 1280 x 800
        right.addStretch(1)
        grid = QHBoxLayout()
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)  # Enter anywhere saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        chain = [self.name_edit, self.currency_edit, self.tz_combo, self.week_combo, self.period_combo,
                 self.anchor_edit, self.region_combo, self.night_start_edit, self.night_end_edit,
                 self.night_premium_edit, self.night_kind_combo, self.preset_combo,
                 self.daily_ot_edit, self.daily_dt_edit, self.weekly_ot_edit, self.ot_day_combo,
                 self.workday_start_edit, self.seventh_check,
                 self.ot_mult_edit, self.dt_mult_edit, self.ot_base_combo, self.holiday_pay_combo,
                 self.holiday_base_combo, self.holiday_mult_edit, self.holiday_ot_check,
                 self.holiday_week_edit, self.holiday_day_off_combo, self.min_rest_edit,
                 self.max_daily_edit, self.max_weekly_edit, *self.scheduling.widgets(), self.pay_basis_combo,
                 self.rounding_combo, self.merge_gap_spin, self.late_grace_spin, self.early_grace_spin,
                 self.break_grace_spin, self.overtime_grace_spin]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.load(self._site)
        self.preset_combo.activated.connect(self._preset_chosen)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.week_combo.currentIndexChanged.connect(self._week_start_changed)
        for edit in (self.daily_ot_edit, self.daily_dt_edit, self.weekly_ot_edit, self.ot_mult_edit,
                     self.dt_mult_edit, self.holiday_mult_edit, self.min_rest_edit,
                     self.max_daily_edit, self.max_weekly_edit, self.workday_start_edit,
                     self.holiday_week_edit):
            edit.textChanged.connect(self._update_preset_note)
        for combo in (self.ot_base_combo, self.holiday_pay_combo, self.ot_day_combo,
                      self.holiday_base_combo, self.holiday_day_off_combo):
            combo.currentIndexChanged.connect(self._update_preset_note)
        self.ot_day_combo.currentIndexChanged.connect(self._ot_day_changed)
        for check in (self.seventh_check, self.holiday_ot_check):
            check.toggled.connect(self._update_preset_note)
        self.field_boxes = {
            Field.SITE_NAME: (N_("Site name"), self.name_edit),
            Field.CURRENCY: (N_("Currency symbol"), self.currency_edit),
            Field.SL_TARGET_PCT: (N_("Service level"), self.sl_pct_spin),
            Field.SL_TARGET_SECONDS: (N_("Service level"), self.sl_seconds_spin),
            Field.MAX_OCCUPANCY_PCT: (N_("Maximum occupancy"), self.occupancy_spin),
            Field.SHRINKAGE_PCT: (N_("Shrinkage"), self.shrinkage_spin),
            Field.AUTO_STARTS: (N_("Scheduler's start times"), self.scheduling.starts_edit),
            Field.AUTO_LENGTHS: (N_("Scheduler's shift lengths (h)"), self.scheduling.lengths_edit),
        }
        self.name_edit.setFocus()

    def _timekeeping_box(self) -> QGroupBox:
        """Actual time: which time payroll pays, rounding of in/out times, joining of sessions and
        the grace periods exceptions are measured with (``core.timekeeping``)."""
        box = QGroupBox(tr("Actual time worked"), self)
        self.pay_basis_combo = _combo(box, PAY_BASIS_LABELS, translate=True)
        self.pay_basis_combo.setToolTip(tr(
            "Schedule: payroll pays the plan. Actual: payroll pays the time recorded (typed, imported "
            "or confirmed) and paid absence codes; a scheduled shift with nothing recorded pays nothing, "
            "and an unresolved no-show or missing logout stops the employee's approval."
        ))
        self.rounding_combo = _combo(box, ROUNDING_LABELS, translate=True)
        self.rounding_combo.setToolTip(tr(
            "In and out times are rounded for pay only, to the nearest mark, a time half-way going to "
            "the even mark so rounding averages out (29 CFR 785.48(b)); the times recorded are kept."
        ))
        self.merge_gap_spin = _spin(box, 0, 60, " " + tr("min"))
        self.merge_gap_spin.setToolTip(tr("Imported sessions this close together are one session"))
        lo, hi = 0, MAX_GRACE_MINUTES
        self.late_grace_spin = _spin(box, lo, hi, " " + tr("min"))
        self.early_grace_spin = _spin(box, lo, hi, " " + tr("min"))
        self.break_grace_spin = _spin(box, lo, hi, " " + tr("min"))
        self.overtime_grace_spin = _spin(box, lo, hi, " " + tr("min"))
        form = QFormLayout(box)
        add_row(form, tr("Payroll &pays"), self.pay_basis_combo)
        # rounding and joining on one row: with the scheduling settings the dialog must fit 1280 x 800
        rounding = QHBoxLayout()
        rounding.addWidget(self.rounding_combo, 1)
        join = QLabel(tr("&join sessions up to"), box)
        join.setBuddy(self.merge_gap_spin)
        rounding.addWidget(join)
        rounding.addLayout(_with_unit(self.merge_gap_spin, tr("apart")))
        add_row(form, tr("Round in/out times"), rounding, self.rounding_combo)
        grace = QHBoxLayout()
        for label, spin in ((tr("late"), self.late_grace_spin), (tr("early"), self.early_grace_spin),
                            (tr("break"), self.break_grace_spin), (tr("overtime"), self.overtime_grace_spin)):
            grace.addWidget(QLabel(label, box))
            grace.addWidget(spin)
        grace.addStretch(1)
        add_row(form, tr("Grace periods"), grace, self.late_grace_spin)
        self.late_grace_spin.setToolTip(tr("A first login this long after the scheduled start is not late"))
        self.early_grace_spin.setToolTip(tr("A last logout this long before the scheduled end is not early"))
        self.break_grace_spin.setToolTip(
            tr("Unpaid time this much over the scheduled break is not a long break")
        )
        self.overtime_grace_spin.setToolTip(tr("Time worked this much over the schedule is not overtime"))
        return box

    def on_stale(self) -> None:
        """Show the settings as the other workstation saved them; the user re-applies a change."""
        fresh = self.call(lambda: site_service.get_site(self._ws))
        if fresh is not None:
            self._site = fresh
            self.load(fresh)

    # ---------------------------------------------------------------- fill

    def load(self, site: SiteSettings) -> None:
        self._loading = True
        self.name_edit.setText(site.name)
        self.currency_edit.setText(site.currency)
        self.tz_combo.setCurrentText(site.tz)
        _select(self.week_combo, site.week_start)
        _select(self.period_combo, site.pay_period)
        self.anchor_edit.setDate(to_qdate(site.period_anchor))
        self.sl_pct_spin.setValue(site.sl_target_pct)
        self.sl_seconds_spin.setValue(site.sl_target_seconds)
        self.occupancy_spin.setValue(site.max_occupancy_pct)
        self.shrinkage_spin.setValue(site.shrinkage_pct)
        _select(self.interval_combo, site.interval_minutes)
        self.region_combo.setCurrentText(site.holiday_region)
        r = site.rules
        self.night_start_edit.setText(clock_text(r.night_start))
        self.night_end_edit.setText(clock_text(r.night_end))
        self.night_premium_edit.setText(decimal_text(r.night_premium))
        _select(self.night_kind_combo, r.night_premium_kind)
        _select(self.preset_combo, r.preset)
        tk = site.timekeeping
        _select(self.pay_basis_combo, tk.pay_basis)
        _select(self.rounding_combo, tk.rounding_minutes)
        self.merge_gap_spin.setValue(tk.merge_gap_minutes)
        self.late_grace_spin.setValue(tk.late_grace_minutes)
        self.early_grace_spin.setValue(tk.early_grace_minutes)
        self.break_grace_spin.setValue(tk.break_grace_minutes)
        self.overtime_grace_spin.setValue(tk.overtime_grace_minutes)
        self._fill_rules(r)
        self.scheduling.load(site)
        self._loading = False
        self._period_changed()
        self._update_preset_note()

    def _fill_rules(self, r: RuleSet) -> None:
        """Put a rule set's thresholds and multipliers into the fields (not the night premium)."""
        self.daily_ot_edit.setText(hours_field_text(r.daily_ot_after))
        self.daily_dt_edit.setText(hours_field_text(r.daily_dt_after))
        self.weekly_ot_edit.setText(hours_field_text(r.weekly_ot_after))
        self.seventh_check.setChecked(r.seventh_day)
        self.ot_mult_edit.setText(decimal_text(r.ot_multiplier))
        self.dt_mult_edit.setText(decimal_text(r.dt_multiplier))
        _select(self.ot_base_combo, r.ot_base)
        _select(self.holiday_pay_combo, r.holiday_pay)
        self.holiday_mult_edit.setText(decimal_text(r.holiday_worked_multiplier))
        self.holiday_ot_check.setChecked(r.holiday_hours_count_for_ot)
        _select(self.ot_day_combo, r.daily_ot_day)
        self.workday_start_edit.setText(clock_text(r.workday_start))
        _select(self.holiday_base_combo, r.holiday_pay_base)
        self.holiday_week_edit.setText(hours_field_text(r.holiday_week_reduces_weekly_ot_by or None))
        _select(self.holiday_day_off_combo, r.holiday_on_day_off)
        self._ot_day_changed()
        self.min_rest_edit.setText(hours_field_text(r.min_rest_minutes))
        self.max_daily_edit.setText(hours_field_text(r.max_daily_minutes))
        self.max_weekly_edit.setText(hours_field_text(r.max_weekly_minutes))

    def _preset_chosen(self) -> None:
        name = str(self.preset_combo.currentData())
        self._fill_rules(PRESETS[name])
        preset = tr(PRESET_LABELS[name]) if name in PRESET_LABELS else name
        self.message.show_info(
            tr("Filled from the {preset} preset; the night premium is kept. Save to apply.").format(
                preset=preset)
        )
        self._update_preset_note()

    def _ot_day_changed(self) -> None:
        """A workday start applies to fixed workdays only."""
        fixed = self.ot_day_combo.currentData() == DailyOvertimeDay.WORKDAY
        self.workday_start_edit.setEnabled(fixed)
        self.workday_label.setEnabled(fixed)

    def _period_changed(self) -> None:
        kind = PayPeriodKind(self.period_combo.currentData())
        fixed_length = kind in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY)
        self.anchor_edit.setEnabled(fixed_length)
        self.anchor_label.setEnabled(fixed_length)

    def _week_start_changed(self) -> None:
        """Weekly and bi-weekly periods start on the first day of a work week: keep the anchor on one."""
        week_start = int(self.week_combo.currentData())
        anchor = date_of(self.anchor_edit)
        moved = anchor - timedelta(days=(anchor.weekday() - week_start) % 7)
        if moved != anchor:
            self.anchor_edit.setDate(to_qdate(moved))
            if self.anchor_edit.isEnabled():
                self.message.show_info(render(msg(
                    "A pay period now starts on {day:date}, the {weekday} before; change it if your "
                    "periods fall differently.", day=moved, weekday=weekday_name(week_start),
                )))

    def _update_preset_note(self) -> None:
        if self._loading:
            return
        name = str(self.preset_combo.currentData())
        try:
            rules = self.rules_from_form()
        except InputError:
            self.preset_note.setText("")
            return
        preset = PRESETS[name].with_changes(**{f: getattr(rules, f) for f in _NIGHT_FIELDS})
        self.preset_note.setText("" if rules == preset else tr("(edited)"))

    # ---------------------------------------------------------------- read back

    def rules_from_form(self) -> RuleSet:
        min_rest = parse_hours(self.min_rest_edit.text(), N_("Minimum rest between shifts"), optional=False)
        assert min_rest is not None
        return self._site.rules.with_changes(  # keeps any rule the form does not show
            preset=str(self.preset_combo.currentData()),
            daily_ot_after=parse_hours(self.daily_ot_edit.text(), N_("Daily overtime after")),
            daily_dt_after=parse_hours(self.daily_dt_edit.text(), N_("Daily double time after")),
            weekly_ot_after=parse_hours(self.weekly_ot_edit.text(), N_("Weekly overtime after")),
            seventh_day=self.seventh_check.isChecked(),
            ot_multiplier=parse_amount(self.ot_mult_edit.text(), N_("Overtime multiplier"), "1.5"),
            dt_multiplier=parse_amount(self.dt_mult_edit.text(), N_("Double time multiplier"), "2"),
            ot_base=OvertimeBase(self.ot_base_combo.currentData()),
            night_start=self._clock(self.night_start_edit, N_("Night from")),
            night_end=self._clock(self.night_end_edit, N_("Night to"), is_end=True),
            night_premium=self._night_premium(),
            night_premium_kind=NightPremiumKind(self.night_kind_combo.currentData()),
            holiday_pay=HolidayPayMethod(self.holiday_pay_combo.currentData()),
            holiday_worked_multiplier=parse_amount(
                self.holiday_mult_edit.text(), N_("Holiday worked multiplier"), "1.5"
            ),
            holiday_hours_count_for_ot=self.holiday_ot_check.isChecked(),
            daily_ot_day=DailyOvertimeDay(self.ot_day_combo.currentData()),
            workday_start=self._clock(self.workday_start_edit, tr("Workday starts at")),
            holiday_pay_base=HolidayPayBase(self.holiday_base_combo.currentData()),
            holiday_week_reduces_weekly_ot_by=parse_hours(
                self.holiday_week_edit.text(), tr("Each holiday lowers weekly overtime by")
            ) or 0,
            holiday_on_day_off=HolidayOnDayOff(self.holiday_day_off_combo.currentData()),
            min_rest_minutes=min_rest,
            max_daily_minutes=parse_hours(self.max_daily_edit.text(), N_("Maximum hours a day")),
            max_weekly_minutes=parse_hours(self.max_weekly_edit.text(), N_("Maximum hours a week")),
            # not on the form: the statute's holiday-pay conditions follow the preset chosen
            holiday_eligibility=PRESETS.get(
                str(self.preset_combo.currentData()), self._site.rules
            ).holiday_eligibility,
        )

    @staticmethod
    def _clock(edit: QLineEdit, field: str, *, is_end: bool = False) -> time:
        value = parse_clock(edit.text(), field, optional=False, is_end=is_end)
        assert value is not None
        return value

    def _night_premium(self) -> Decimal:
        text = self.night_premium_edit.text()
        return parse_amount(text, N_("Night premium"), "1.50") if text.strip() else Decimal("0")

    def site_from_form(self) -> SiteSettings:
        name = self.name_edit.text()  # checked, with every other setting, by core.site
        tz = self.tz_combo.currentText().strip()
        if tz not in time_zone_choices() and tz != "UTC":
            raise InputError(msg('Time zone: "{tz}" is not a time zone; pick one such as America/Toronto',
                                 tz=tz))
        region = self.region_combo.currentText().strip().upper()  # blank: no statutory holidays
        anchor: date = date_of(self.anchor_edit)
        return self.scheduling.apply(self._site.with_changes(
            name=name,
            currency=self.currency_edit.text(),
            tz=tz,
            week_start=int(self.week_combo.currentData()),
            pay_period=PayPeriodKind(self.period_combo.currentData()),
            period_anchor=anchor,
            holiday_region=region,
            rules=self.rules_from_form(),
            sl_target_pct=self.sl_pct_spin.value(),
            sl_target_seconds=self.sl_seconds_spin.value(),
            max_occupancy_pct=self.occupancy_spin.value(),
            shrinkage_pct=self.shrinkage_spin.value(),
            interval_minutes=int(self.interval_combo.currentData()),
            timekeeping=self._site.timekeeping.with_changes(  # checked by core.timekeeping on save
                pay_basis=PayBasis(self.pay_basis_combo.currentData()),
                rounding_minutes=int(self.rounding_combo.currentData()),
                merge_gap_minutes=self.merge_gap_spin.value(),
                late_grace_minutes=self.late_grace_spin.value(),
                early_grace_minutes=self.early_grace_spin.value(),
                break_grace_minutes=self.break_grace_spin.value(),
                overtime_grace_minutes=self.overtime_grace_spin.value(),
            ),
        ))

    def save(self) -> None:
        try:
            site = self.site_from_form()
        except InputError as exc:
            self.show_refusal(exc)
            return
        saved = self.call(lambda: site_service.save_site(self._ws, site), success=tr("Saved"))
        if saved is None:
            return
        self._site = saved
        self.mark_changed()
        self.accept()
