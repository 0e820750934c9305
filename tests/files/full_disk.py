"""Make the disk look full to ``files.atomic`` (no tests here).

``fill_disk`` swaps the ``open`` that ``files.atomic`` writes its files with for one whose
``write`` puts half the bytes on the disk and then fails with ENOSPC, as a real full disk does
half-way through a file. Every output file of the program is written through that function.
"""

from __future__ import annotations

import builtins
import errno
import os
from typing import Any

import pytest

from deskwfm.files import atomic


class _HalfWriter:
    def __init__(self, fh: Any, err: int) -> None:
        self._fh = fh
        self._err = err

    def write(self, data: bytes) -> int:
        self._fh.write(bytes(data[: len(data) // 2]))
        self._fh.flush()
        raise OSError(self._err, os.strerror(self._err))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def fill_disk(monkeypatch: pytest.MonkeyPatch, err: int = errno.ENOSPC) -> None:
    def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = builtins.open(file, mode, *args, **kwargs)  # noqa: SIM115 - closed by the wrapper
        return _HalfWriter(fh, err) if "w" in mode or "a" in mode else fh

    monkeypatch.setattr(atomic, "open", full_open, raising=False)
