"""The rule for an employee's login ID: how the phone system or time clock names the person in
its exports (an agent ID, an extension, a user name or e-mail). Matching is case-insensitive and
ignores surrounding spaces; two employees may not share one."""

from __future__ import annotations

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg

MAX_LOGIN_ID = 100


def validate_login_id(text: str) -> str:
    """The ID stripped ("" for none); FieldError for control characters or more than 100."""
    value = text.strip()
    if len(value) > MAX_LOGIN_ID:
        raise FieldError(Field.LOGIN_ID, msg("at most {limit} characters", limit=MAX_LOGIN_ID))
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        shown = value.encode("unicode_escape").decode()
        raise FieldError(Field.LOGIN_ID, msg('"{id}" holds a control character', id=shown))
    return value


def login_key(text: str) -> str:
    """What login IDs are compared by."""
    return text.strip().casefold()
