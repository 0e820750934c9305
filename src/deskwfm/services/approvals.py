"""Approvals follow the pay they approved: a change that alters an approved employee's pay in
that period clears the approval, in the same transaction as the change (audited)."""

from __future__ import annotations

from collections.abc import Sequence

from deskwfm.core.changes import AppliedSet, Change
from deskwfm.store.write import TxReader


def clear_changed_approvals(reader: TxReader, applied: AppliedSet) -> Sequence[Change]:
    """The approvals to clear because ``applied`` changed the approved pay (none yet)."""
    return []
