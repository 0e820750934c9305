"""Rules an employee record and a pay rate must follow: the one place the dialog, the CLI and
Excel import check them.

- code: 1 to 40 letters, digits, ``.``, ``_`` or ``-``, starting with a letter or digit (codes
  end up in file names, cell references and payroll systems);
- name: required, one line, at most 200 characters; team: one line, at most 100 (``core.text``);
- contract and maximum hours per week: 0 to 168 hours, to the minute (``core.hours``);
- hourly rate: more than zero, at most $9,999.99, whole cents. Rates are stored as integer
  cents and paid exactly, so 20.005 is refused rather than silently rounded; no contact-centre
  hourly wage comes near $10,000, so a larger figure is a typo (a missing decimal point, a
  salary typed as a rate) that would otherwise inflate every pay line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.hours import WEEK_MINUTES, check_minutes, parse_hours
from deskwfm.core.login_id import validate_login_id
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee
from deskwfm.core.money import CENT, not_a_number, read_number
from deskwfm.core.text import check_name, check_team

CODE_MAX = 40
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MAX_RATE = Decimal("9999.99")
RATE_EXAMPLE = "21.50"


def validate_employee_code(code: str) -> str:
    """The code, trimmed; FieldError saying what a code may hold."""
    c = code.strip()
    if not c:
        raise FieldError(Field.EMPLOYEE_CODE, msg("required; enter a code like AG014"))
    if len(c) > CODE_MAX or not _CODE.match(c):
        raise FieldError(
            Field.EMPLOYEE_CODE,
            msg(
                '"{code}" may hold only letters, digits, ".", "_" and "-" (at most {limit}, '
                "starting with a letter or digit), like AG014",
                code=c if len(c) <= 60 else c[:57] + "...",
                limit=CODE_MAX,
            ),
        )
    return c


def check_rate(rate: Decimal, *, shown: str | None = None) -> Decimal:
    """An hourly rate more than zero, at most MAX_RATE, in whole cents; returned to the cent."""
    text = shown if shown is not None else (f"{rate:f}" if rate.is_finite() else str(rate))
    if not rate.is_finite():
        raise not_a_number(Field.RATE, text, RATE_EXAMPLE)
    if rate <= 0:
        raise FieldError(Field.RATE, msg("{text} must be more than zero", text=text))
    if rate > MAX_RATE:
        raise FieldError(
            Field.RATE,
            msg("{text} is more than {limit:money}, the largest hourly rate", text=text, limit=MAX_RATE),
        )
    if rate != rate.quantize(CENT):
        raise FieldError(
            Field.RATE,
            msg("{text} has a fraction of a cent; use at most two decimal places", text=text),
        )
    return rate.quantize(CENT)


def parse_rate(text: str) -> Decimal:
    """A typed rate (``21.50``, ``$1,021.25``, ``21,50``) checked by ``check_rate``."""
    shown = text.strip()
    if not shown:
        raise FieldError(Field.RATE, msg("required; enter an amount like {example}", example=RATE_EXAMPLE))
    return check_rate(read_number(shown, Field.RATE, RATE_EXAMPLE), shown=shown)


def parse_week_hours(text: str, field: Field) -> int | None:
    """Contract or maximum hours per week as typed (``37.5``, ``37:30``); blank is None."""
    return parse_hours(text, field, max_minutes=WEEK_MINUTES)


def check_employee(employee: Employee) -> Employee:
    """The employee with its code, name and team trimmed; FieldError for the first field
    that breaks a rule."""
    code = validate_employee_code(employee.code)
    name = check_name(employee.name)
    team = check_team(employee.team)
    for field, minutes in ((Field.CONTRACT_HOURS, employee.contract_minutes), (Field.MAX_HOURS,
                                                                               employee.max_minutes)):
        if minutes is not None:
            check_minutes(minutes, field)
    return replace(employee, code=code, name=name, team=team, login_id=validate_login_id(employee.login_id))
