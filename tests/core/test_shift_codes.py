from datetime import time

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.core.shift_codes import validate_code


def test_paid_leave_without_times_is_refused_because_it_would_pay_nothing() -> None:
    with pytest.raises(InputError, match="paid-leave code BRV needs start and end times"):
        validate_code(ShiftCode("brv", ShiftKind.PAID_LEAVE))


def test_unpaid_leave_and_off_need_no_times_and_codes_are_upper_cased() -> None:
    assert validate_code(ShiftCode("loa", ShiftKind.UNPAID_LEAVE)).code == "LOA"
    assert validate_code(ShiftCode("Off", ShiftKind.OFF)).code == "OFF"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (ShiftCode("9X", ShiftKind.WORK, time(9), time(17)), "must start with a letter"),
        (ShiftCode("PM", ShiftKind.WORK, time(9), time(17)), "cannot be read as a time"),
        (ShiftCode("D", ShiftKind.WORK), "needs start and end times"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(9)), "zero length"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(10), 60), "not shorter"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17), 0, "red"), "is not like #a1b2c3"),
    ],
)
def test_bad_codes_say_what_is_wrong(code: ShiftCode, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        validate_code(code)


@pytest.mark.parametrize("code", ["../../tmp/x", "a\\b", "AG 1", "-AG1", "", "x" * 41, "AG<1>"])
def test_employee_codes_that_could_escape_a_file_name_or_cell_are_refused(code: str) -> None:
    from deskwfm.core.employees import validate_employee_code

    with pytest.raises(InputError):
        validate_employee_code(code)


@pytest.mark.parametrize("code", ["AG014", "e-12", "jean.d", "7", "A_B"])
def test_ordinary_employee_codes_pass(code: str) -> None:
    from deskwfm.core.employees import validate_employee_code

    assert validate_employee_code(f" {code} ") == code
