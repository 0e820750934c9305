import re
from datetime import time

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.core.shift_codes import validate_code


def test_paid_leave_without_times_is_refused_because_it_would_pay_nothing() -> None:
    with pytest.raises(InputError, match="paid-leave code BRV needs a start and an end time"):
        validate_code(ShiftCode("brv", ShiftKind.PAID_LEAVE))


def test_unpaid_leave_and_off_need_no_times_and_codes_are_upper_cased() -> None:
    assert validate_code(ShiftCode("loa", ShiftKind.UNPAID_LEAVE)).code == "LOA"
    assert validate_code(ShiftCode("Off", ShiftKind.OFF)).code == "OFF"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (ShiftCode("9X", ShiftKind.WORK, time(9), time(17)), "must start with a letter"),
        (ShiftCode("PM", ShiftKind.WORK, time(9), time(17)), "could be read as part of a time"),
        (ShiftCode("p", ShiftKind.WORK, time(9), time(17)), "could be read as part of a time"),
        (ShiftCode("ABCDEFGHIJKLM", ShiftKind.WORK, time(9), time(17)), "13 characters long; at most 12"),
        (ShiftCode("D", ShiftKind.WORK), "needs a start and an end time"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(9)), "zero length"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(10), 60), "not shorter"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), 700), "700 minutes is too long; at most 600"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), -5), "negative"),
        (ShiftCode("LOA", ShiftKind.UNPAID_LEAVE, None, None, 30), "a break needs a start and an end"),
        (ShiftCode("OFF", ShiftKind.OFF, time(9), time(17)), "leave its times blank"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), 0, "red"), "is not a colour"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), 0, "#aabbcc", "Day\x1b[31m"), "control character"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), 0, "#aabbcc", "x" * 101), "at most 100"),
    ],
)
def test_bad_codes_say_what_is_wrong(code: ShiftCode, fragment: str) -> None:
    with pytest.raises(InputError, match=re.escape(fragment)):
        validate_code(code)


def test_a_twelve_character_code_is_the_longest() -> None:
    assert validate_code(ShiftCode("abcdefghijkl", ShiftKind.UNPAID_LEAVE)).code == "ABCDEFGHIJKL"


@pytest.mark.parametrize("code", ["../../tmp/x", "a\\b", "AG 1", "-AG1", "", "x" * 41, "AG<1>"])
def test_employee_codes_that_could_escape_a_file_name_or_cell_are_refused(code: str) -> None:
    from deskwfm.core.employees import validate_employee_code

    with pytest.raises(InputError):
        validate_employee_code(code)


@pytest.mark.parametrize("code", ["AG014", "e-12", "jean.d", "7", "A_B"])
def test_ordinary_employee_codes_pass(code: str) -> None:
    from deskwfm.core.employees import validate_employee_code

    assert validate_employee_code(f" {code} ") == code
