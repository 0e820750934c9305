"""The rule for an employee's login ID: how the phone system or time clock names the person in
its exports (an agent ID, an extension, a user name or e-mail). Matching is case-insensitive and
ignores surrounding spaces; two employees may not share one."""

from __future__ import annotations

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg

MAX_LOGIN_ID = 100


def validate_login_id(text: str) -> str:
    """The ID stripped ("" for none); InputError for control characters or more than 100."""
    value = text.strip()
    if len(value) > MAX_LOGIN_ID:
        raise InputError(msg("a login ID may hold at most {limit} characters", limit=MAX_LOGIN_ID))
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        shown = value.encode("unicode_escape").decode()
        raise InputError(msg('login ID "{id}" holds a control character', id=shown))
    return value


def login_key(text: str) -> str:
    """What login IDs are compared by."""
    return text.strip().casefold()
