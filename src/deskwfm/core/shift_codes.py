"""Rules a site shift code must follow: the one place the dialog, the CLI and Excel import
check them.

- the code: 1 to 12 letters, digits or ``_``, starting with a letter, upper-cased (the width
  the database stores); never ``AM``, ``PM``, ``A`` or ``P``, which a cell entry such as
  ``9-5 PM`` or ``9a`` reads as part of a time;
- the kind: work, paid leave, unpaid leave or day off;
- times: a work or paid-leave code needs a start and an end (they set the hours it pays);
  unpaid leave may have them; a day-off code clears the day and has none;
- the unpaid break: ``core.entry.check_break_minutes`` (0 to 600 minutes, shorter than the shift);
- the colour ``#rrggbb``; the label: one line, at most 100 characters (``core.text``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from deskwfm.core.entry import check_break_minutes, span_minutes
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg
from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.core.text import check_label, fold

CODE_MAX = 12
RESERVED: frozenset[str] = frozenset({"AM", "PM", "A", "P"})
_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_COLOUR = re.compile(r"^#?([0-9a-fA-F]{6})$")
# Kinds as written in a file or on the command line, in English or French whatever the
# language chosen (folded: "Congé payé" -> "congepaye"); the words the program shows are
# model.KIND_LABELS, in the reader's language, and read back through this table.
_KINDS: dict[str, ShiftKind] = {
    "work": ShiftKind.WORK,
    "paidleave": ShiftKind.PAID_LEAVE,
    "leave": ShiftKind.PAID_LEAVE,
    "unpaidleave": ShiftKind.UNPAID_LEAVE,
    "off": ShiftKind.OFF,
    "dayoff": ShiftKind.OFF,
    "travail": ShiftKind.WORK,
    "congepaye": ShiftKind.PAID_LEAVE,
    "conge": ShiftKind.PAID_LEAVE,
    "congenonpaye": ShiftKind.UNPAID_LEAVE,
    "repos": ShiftKind.OFF,
    "journeederepos": ShiftKind.OFF,
    "congesanssolde": ShiftKind.UNPAID_LEAVE,
}


def check_code_key(code: str) -> str:
    """The code upper-cased; FieldError saying what a code may hold."""
    key = code.strip().upper()
    if not key:
        raise FieldError(Field.SHIFT_CODE, msg("required; enter a short code like D or VAC"))
    if len(key) > CODE_MAX:
        raise FieldError(
            Field.SHIFT_CODE,
            msg(
                '"{code}" is {n} characters long; at most {limit}',
                code=key if len(key) <= 40 else key[:37] + "...",
                n=len(key),
                limit=CODE_MAX,
            ),
        )
    if not _CODE.match(key):
        raise FieldError(
            Field.SHIFT_CODE,
            msg(
                '"{code}" must start with a letter and hold only letters, digits and _, like N or VAC',
                code=code.strip(),
            ),
        )
    if key in RESERVED:
        raise FieldError(
            Field.SHIFT_CODE,
            msg('"{code}" could be read as part of a time (AM, PM, A and P are reserved)', code=key),
        )
    return key


def parse_kind(text: str) -> ShiftKind:
    """``work``, ``paid leave``, ``unpaid leave`` or ``off``, or their French names (``travail``,
    ``congé payé``, ``congé non payé``, ``repos``); case, accents, spaces, ``-`` and ``_`` ignored."""
    kind = _KINDS.get(fold(text))
    if kind is None:
        raise FieldError(
            Field.KIND,
            msg('"{text}" is not a kind; expected work, paid leave, unpaid leave or off', text=text.strip()),
        )
    return kind


def parse_colour(text: str) -> str:
    """``#8ecae6`` or ``8ECAE6`` as ``#8ecae6``."""
    m = _COLOUR.match(text.strip())
    if m is None:
        raise FieldError(
            Field.COLOUR, msg('"{text}" is not a colour; write it like #8ecae6', text=text.strip())
        )
    return "#" + m.group(1).lower()


def _check_times(code: ShiftCode, key: str) -> None:
    if code.kind is ShiftKind.OFF:
        if code.start is not None or code.end is not None:
            raise FieldError(
                Field.START, msg("day-off code {code} clears the day; leave its times blank", code=key)
            )
        return
    if (code.start is None) != (code.end is None):
        missing = Field.START if code.start is None else Field.END
        raise FieldError(missing, msg("give both a start and an end time, or neither"))
    if code.start is None:
        if code.kind is ShiftKind.WORK:
            raise FieldError(Field.START, msg("work code {code} needs a start and an end time", code=key))
        if code.kind is ShiftKind.PAID_LEAVE:
            raise FieldError(
                Field.START,
                msg(
                    "paid-leave code {code} needs a start and an end time: they set how many hours "
                    "a day of it pays",
                    code=key,
                ),
            )
    elif code.start == code.end:
        raise FieldError(
            Field.END, msg("{code} starts and ends at {t:time}: zero length", code=key, t=code.start)
        )


def validate_code(code: ShiftCode) -> ShiftCode:
    """The code checked and normalised (upper-cased key, lower-case colour, trimmed label);
    FieldError naming the field (code, start, end, break, colour, label) that is wrong."""
    key = check_code_key(code.code)
    _check_times(code, key)
    check_break_minutes(code.break_minutes, code.start, code.end)
    colour = parse_colour(code.colour)
    label = check_label(code.label)
    _check_paid_breaks(key, code)
    return replace(code, code=key, colour=colour, label=label,
                   paid_breaks=code.paid_breaks if code.paid_break_minutes else 0,
                   paid_break_minutes=code.paid_break_minutes if code.paid_breaks else 0)



_PAID = re.compile(r"^\s*(\d{1,2})\s*[x\u00d7*]\s*(\d{1,3})\s*(?:min)?\s*$", re.IGNORECASE)


def parse_paid_breaks(text: str) -> tuple[int, int]:
    """``2 x 15`` (count x minutes; ``""`` or ``0`` for none): the one reader of paid breaks
    (CLI, workbooks)."""
    if not text.strip() or text.strip() == "0":
        return 0, 0
    m = _PAID.match(text)
    if m is None:
        raise FieldError(Field.PAID_BREAKS, msg(
            '"{text}" is not paid breaks; write count x minutes, like 2 x 15', text=text.strip()))
    return int(m.group(1)), int(m.group(2))


def _check_paid_breaks(key: str, code: ShiftCode) -> None:
    """Paid breaks: only on work codes, 0 to 6 of 1 to 60 minutes, fitting the shift."""
    from datetime import date

    from deskwfm.core.breaks import paid_break_spans
    from deskwfm.core.entry import MAX_PAID_BREAK_MINUTES, MAX_PAID_BREAKS
    from deskwfm.core.errors import EntryError
    from deskwfm.core.model import Shift
    from deskwfm.core.timecalc import clock_for

    if not code.paid_breaks and not code.paid_break_minutes:
        return
    if not 0 <= code.paid_breaks <= MAX_PAID_BREAKS:
        raise FieldError(Field.PAID_BREAKS, msg("shift code {code} can have 0 to {most} paid breaks",
                                                code=key, most=MAX_PAID_BREAKS))
    if not 0 <= code.paid_break_minutes <= MAX_PAID_BREAK_MINUTES:
        raise FieldError(Field.PAID_BREAKS, msg("a paid break of shift code {code} lasts 0 to {most} minutes",
                             code=key, most=MAX_PAID_BREAK_MINUTES))
    if not code.paid_breaks or not code.paid_break_minutes:
        return
    if code.kind is not ShiftKind.WORK or code.start is None or code.end is None:
        raise FieldError(Field.PAID_BREAKS, msg("only work codes with times have paid breaks ({code})",
                                                code=key))
    span = span_minutes(code.start, code.end)
    if code.break_minutes + code.paid_breaks * code.paid_break_minutes >= span:
        raise FieldError(Field.PAID_BREAKS, msg("the breaks of {code} do not fit its {span}-minute shift",
                                                code=key, span=span))
    sample = Shift("", date(2026, 1, 14), code.start, code.end, code.break_minutes, key, code.kind,
                   paid_breaks=code.paid_breaks, paid_break_minutes=code.paid_break_minutes)
    try:
        paid_break_spans(clock_for("UTC"), sample)
    except EntryError:
        raise FieldError(Field.PAID_BREAKS, msg(
            "the paid breaks of {code} do not fit between its start, its unpaid break and its end",
            code=key)) from None
