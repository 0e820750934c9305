"""No traceback reaches a GUI user: an error escaping a slot becomes a dialog, the traceback a log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from deskwfm.gui.launch import install_excepthook

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(("warning", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(("critical", text)))
    monkeypatch.setenv("DESKWFM_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_excepthook()
    return shown


def _raise(exc: Exception) -> None:
    try:
        raise exc
    except Exception as e:  # noqa: BLE001 - handed to the hook exactly as Qt would
        sys.excepthook(type(e), e, e.__traceback__)


def test_a_user_error_is_a_warning_dialog_with_its_message(hook, capsys) -> None:  # type: ignore[no-untyped-def]
    _raise(InputError(msg("hour {hour} is not a time", hour=25)))
    assert hook == [("warning", "hour 25 is not a time")]
    assert "Traceback" not in capsys.readouterr().err


def test_a_bug_is_a_dialog_and_its_traceback_goes_to_the_log(hook, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    _raise(RuntimeError("boom"))
    [(kind, text)] = hook
    assert kind == "critical" and "RuntimeError: boom" in text and "saved in the database" in text
    log = (tmp_path / "deskwfm-errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "boom" in log
    assert "Traceback" not in capsys.readouterr().err
