"""The fields a user fills in, and the error a field rule raises.

Every rule on a typed value (a code, a name, a rate, a time, a break...) lives in ``core`` and
raises :class:`FieldError`: *which* field (a :class:`Field`, so an edge can point at its own box,
cell or option without reading text) and *what* is wrong (a ``Msg`` that does not repeat the
field). Rendered whole it reads "hourly rate: 99999999999 is more than $9,999.99"; a dialog may
put its own label in front of ``problem`` instead, an import the cell.
"""

from __future__ import annotations

from enum import StrEnum

from deskwfm.core.errors import InputError
from deskwfm.core.messages import Msg, msg


class Field(StrEnum):
    EMPLOYEE_CODE = "employee_code"
    NAME = "name"
    TEAM = "team"
    RATE = "rate"
    CONTRACT_HOURS = "contract_hours"
    MAX_HOURS = "max_hours"
    SHIFT_CODE = "shift_code"
    KIND = "kind"
    START = "start"
    END = "end"
    TIME = "time"
    BREAK = "break"
    BREAK_START = "break_start"
    COLOUR = "colour"
    LABEL = "label"
    NOTE = "note"
    SITE_NAME = "site_name"
    CURRENCY = "currency"
    AMOUNT = "amount"
    NIGHT_PREMIUM = "night_premium"
    HOURS = "hours"
    SL_TARGET_PCT = "sl_target_pct"
    SL_TARGET_SECONDS = "sl_target_seconds"
    MAX_OCCUPANCY_PCT = "max_occupancy_pct"
    SHRINKAGE_PCT = "shrinkage_pct"
    INTERVAL_MINUTES = "interval_minutes"
    CALLS = "calls"
    AHT = "aht"
    PAID_BREAKS = "paid_breaks"
    AVAILABILITY = "availability"
    DATES_OFF = "dates_off"
    LOGIN_ID = "login_id"
    AUTO_STARTS = "auto_starts"
    AUTO_LENGTHS = "auto_lengths"
    ROSTER = "roster"

    @property
    def label(self) -> Msg:
        """How a message names the field ("hourly rate")."""
        return _LABELS[self]


_LABELS: dict[Field, Msg] = {
    Field.EMPLOYEE_CODE: msg("employee code"),
    Field.NAME: msg("name"),
    Field.TEAM: msg("team"),
    Field.RATE: msg("hourly rate"),
    Field.CONTRACT_HOURS: msg("contract hours per week"),
    Field.MAX_HOURS: msg("maximum hours per week"),
    Field.SHIFT_CODE: msg("shift code"),
    Field.KIND: msg("kind"),
    Field.START: msg("start time"),
    Field.END: msg("end time"),
    Field.TIME: msg("time"),
    Field.BREAK: msg("unpaid break"),
    Field.BREAK_START: msg("break start"),
    Field.COLOUR: msg("colour"),
    Field.LABEL: msg("label"),
    Field.NOTE: msg("note"),
    Field.SITE_NAME: msg("site name"),
    Field.CURRENCY: msg("currency symbol"),
    Field.AMOUNT: msg("amount"),
    Field.NIGHT_PREMIUM: msg("night premium"),
    Field.HOURS: msg("hours"),
    Field.SL_TARGET_PCT: msg("service-level target"),
    Field.SL_TARGET_SECONDS: msg("service-level time"),
    Field.MAX_OCCUPANCY_PCT: msg("maximum occupancy"),
    Field.SHRINKAGE_PCT: msg("shrinkage"),
    Field.INTERVAL_MINUTES: msg("staffing interval"),
    Field.CALLS: msg("calls"),
    Field.AHT: msg("average handle time"),
    Field.PAID_BREAKS: msg("paid breaks"),
    Field.AVAILABILITY: msg("availability"),
    Field.DATES_OFF: msg("dates off"),
    Field.LOGIN_ID: msg("login ID"),
    Field.AUTO_STARTS: msg("start times for automatic scheduling"),
    Field.AUTO_LENGTHS: msg("shift lengths for automatic scheduling"),
    Field.ROSTER: msg("roster rules"),
}


class FieldError(InputError):
    """A value refused by a field rule. ``problem`` says what is wrong and what is expected
    without naming the field; the rendered message is "{field}: {problem}"."""

    def __init__(self, field: Field, problem: Msg) -> None:
        self.field = field
        self.problem = problem
        super().__init__(msg("{field}: {problem}", field=field.label, problem=problem))

    def labelled(self, label: Msg) -> Msg:
        """The problem under another name for the field (a dialog's label, a column header)."""
        return msg("{field}: {problem}", field=label, problem=self.problem)
