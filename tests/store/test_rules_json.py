"""The site's rules JSON: new rule fields round-trip, and rules stored by an older version load
with the right defaults (issue 10, item 6)."""

from __future__ import annotations

import json
from datetime import time

import pytest

from deskwfm.core.rules import PRESETS, DailyOvertimeDay, HolidayOnDayOff, HolidayPayBase
from deskwfm.store.convert import rules_from_json, rules_to_json

NEW_FIELDS = ("daily_ot_day", "workday_start", "holiday_pay_base", "holiday_on_day_off")


def _as_written_before(preset: str) -> str:
    """The JSON an older version stored for a preset: every field it had, none of the new."""
    data = json.loads(rules_to_json(PRESETS[preset]))
    for name in NEW_FIELDS:
        del data[name]
    if preset == "canada-federal":
        data["holiday_hours_count_for_ot"] = True  # the old preset value
    return json.dumps(data)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_round_trips_and_old_documents_load_as_the_preset(preset: str) -> None:
    assert rules_from_json(rules_to_json(PRESETS[preset])) == PRESETS[preset]
    assert rules_from_json(_as_written_before(preset)) == PRESETS[preset]


def test_edited_new_fields_round_trip() -> None:
    edited = PRESETS["california"].with_changes(
        workday_start=time(6, 30),
        daily_ot_day=DailyOvertimeDay.FROM_SHIFT_START,
        holiday_pay_base=HolidayPayBase.WAGES_EXCLUDING_OVERTIME,
        holiday_on_day_off=HolidayOnDayOff.PAY_ONLY,
    )
    assert rules_from_json(rules_to_json(edited)) == edited


def test_a_choice_made_after_the_correction_is_kept() -> None:
    """Only a document written before the correction has its old preset value replaced: a site
    that ticks "count holiday hours toward overtime" today keeps it."""
    chosen = PRESETS["canada-federal"].with_changes(holiday_hours_count_for_ot=True)
    assert rules_from_json(rules_to_json(chosen)).holiday_hours_count_for_ot is True
    old_ontario = json.loads(_as_written_before("ontario"))
    old_ontario["holiday_hours_count_for_ot"] = True  # an Ontario site's own old choice
    assert rules_from_json(json.dumps(old_ontario)).holiday_hours_count_for_ot is True
