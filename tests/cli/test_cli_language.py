"""The command line in French: ``--lang fr``, the saved choice, or a French system; --help and
argparse's own words, messages, tables and numbers, and errors (one line, exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskwfm.cli.main import main
from deskwfm.user_config import save_language


@pytest.fixture(autouse=True)
def _argparse_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``--lang fr`` translates argparse's words for the rest of the process: undo that."""
    monkeypatch.setattr(argparse, "_", argparse._)  # type: ignore[attr-defined]
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)  # type: ignore[attr-defined]
    yield
    save_language(None)


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "fr")
    assert out.startswith("utilisation : deskwfm")
    for words in ("arguments positionnels", "afficher ce message d'aide et quitter",
                  "imprimer les feuilles de temps PDF à signer", "langue de cette exécution"):
        assert words in out, words
    for english in ("usage:", "show this help message", "print PDF timesheets", "positional arguments"):
        assert english not in out, english


def test_a_subcommand_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "fr", "shift", "set")
    assert "exige que la cellule" in out and "the cell must be empty" not in out
    out = _help(capsys, "--lang", "fr", "shift")
    assert "9h-17h" in out and "set the shift of" not in out


def test_help_in_english_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys)
    assert out.startswith("usage: deskwfm") and "print PDF timesheets for signature" in out


def test_the_saved_choice_and_the_system_language(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    save_language("fr")
    assert _help(capsys).startswith("utilisation : ")
    assert _help(capsys, "--lang", "en").startswith("usage: ")  # --lang wins over the saved choice
    save_language(None)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert _help(capsys).startswith("utilisation : ")  # the system's language
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert _help(capsys).startswith("usage: ")  # a language deskwfm does not offer: English


def test_an_unknown_language_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "de", "--help"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--lang" in err and "'de'" in err


def test_messages_tables_and_numbers_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert main(["--lang", "fr", "--db", db, "init"]) == 0
    out = capsys.readouterr().out
    assert "créé" in out and "les semaines commencent le dimanche" in out
    assert main(["--lang", "fr", "--db", db, "employee", "add", "AG1", "Zoë Côté", "--rate", "1060"]) == 0
    assert "1\xa0060,00\xa0$ de l'heure" in capsys.readouterr().out
    assert main(["--lang", "fr", "--db", db, "shift", "set", "AG1", "2026-11-24", "9 h 30-17 h/30"]) == 0
    assert capsys.readouterr().out.strip() == "AG1 mar. 2026-11-24 : 09:30-17:00/30 (7,00 h)"
    assert main(["--lang", "fr", "--db", db, "shift", "set", "AG1", "2026-11-25", "9h-25h"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("deskwfm: ") and err.count("\n") == 1
    assert "l'heure 25 n'est pas une heure valide" in err and "is not" not in err


def test_counts_agree_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Plurals come from the catalog (French: 0 and 1 singular), never a hand-written "(s)"."""
    db = str(tmp_path / "c.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "employee", "add", "AG1", "Zoë Côté", "--rate", "20"]) == 0
    assert main(["--db", db, "employee", "add", "AG2", "Ana Ruiz", "--rate", "20"]) == 0
    for code in ("AG1", "AG2"):
        assert main(["--db", db, "shift", "set", code, "2026-11-24", "9-17/30"]) == 0
    assert main(["--db", db, "actual", "set", "AG2", "2026-11-24", "9:02-17:00/30"]) == 0
    capsys.readouterr()
    confirm = ["--lang", "fr", "--db", db, "actual", "confirm", "--from", "2026-11-24", "--to", "2026-11-24"]
    assert main(confirm) == 0
    out = capsys.readouterr().out
    assert out.strip() == "1 jour confirmé comme prévu; 1 jour déjà inscrit a été conservé", out
    assert "(s)" not in out


def test_a_bad_argument_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main_exit(["--lang", "fr", "shift", "set"]) == 2
    err = capsys.readouterr().err
    assert err == ("deskwfm: erreur : les arguments suivants sont requis : CODE, YYYY-MM-DD, ENTRY "
                   "(voir deskwfm shift set --help)\n")


def main_exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as done:
        main(argv)
    return int(done.value.code or 0)
