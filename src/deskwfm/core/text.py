"""Rules for free text a user types or imports: names, teams, labels, notes, the site name.

Every text field is trimmed and has a maximum length (the width the database stores). None
may hold a control character (C0, DEL, C1: NUL, BEL, ESC...) or a lone surrogate: they are
invisible on screen, break terminals, CSV and PDF output, and a surrogate cannot even be
stored. Only a shift note may span lines; its line breaks are kept as ``\\n``. Elsewhere a
line break (``\\n``, ``\\r``, NEL, U+2028/U+2029) inside the text is refused; at either end it is
trimmed like any other space.
"""

from __future__ import annotations

import re
import unicodedata

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg

NAME_MAX = 200  # employee name (employees.name)
TEAM_MAX = 100  # employees.team
LABEL_MAX = 100  # shift_codes.label
SITE_NAME_MAX = 200  # site.name
CURRENCY_MAX = 4  # "$", "CHF", "R$"
NOTE_MAX = 1000  # shifts.note: a remark shown in a tooltip, not a document

_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only, accents dropped: how a header, a sheet name or
    a kind is compared whatever its case, spacing or accents ("Équipe" -> "equipe",
    "Congé payé" -> "congepaye", "Unpaid break (min)" -> "unpaidbreakmin")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return _NOT_ALNUM.sub("", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
_SPACES = re.compile(r" {2,}")


def _refuse_invisible(text: str, field: Field, *, multiline: bool) -> None:
    for pos, ch in enumerate(text, 1):
        if multiline and ch == "\n":
            continue
        if ch in _LINE_BREAKS:
            raise FieldError(field, msg("contains a line break; keep it on one line"))
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs"):
            raise FieldError(
                field,
                msg(
                    "contains an invisible control character ({char}) at character {pos}; remove it",
                    char="U+" + format(ord(ch), "04X"),
                    pos=pos,
                ),
            )


def check_text(
    text: str, field: Field, *, max_length: int, required: bool = False, multiline: bool = False
) -> str:
    """``text`` trimmed (runs of spaces inside a one-line field become one space); FieldError
    naming ``field`` if it is blank but ``required``, too long, or holds a control character."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        for sep in ("\u2028", "\u2029", "\x85"):
            text = text.replace(sep, "\n")
    cleaned = text.strip()
    _refuse_invisible(cleaned, field, multiline=multiline)
    if not multiline:
        cleaned = _SPACES.sub(" ", cleaned)
    if required and not cleaned:
        raise FieldError(field, msg("required"))
    if len(cleaned) > max_length:
        raise FieldError(
            field,
            msg(
                "{n:num} characters long; at most {limit:num}",
                n=len(cleaned),
                limit=max_length,
            ),
        )
    return cleaned


def check_name(text: str) -> str:
    """An employee's name: required, one line, at most NAME_MAX characters."""
    return check_text(text, Field.NAME, max_length=NAME_MAX, required=True)


def check_team(text: str) -> str:
    return check_text(text, Field.TEAM, max_length=TEAM_MAX)


def check_label(text: str) -> str:
    return check_text(text, Field.LABEL, max_length=LABEL_MAX)


def check_note(text: str) -> str:
    """A shift note: may span lines."""
    return check_text(text, Field.NOTE, max_length=NOTE_MAX, multiline=True)


def check_site_name(text: str) -> str:
    return check_text(text, Field.SITE_NAME, max_length=SITE_NAME_MAX, required=True)


def check_currency(text: str) -> str:
    return check_text(text, Field.CURRENCY, max_length=CURRENCY_MAX, required=True)
