"""The language of a run, chosen before anything is printed: ``--lang``, else the saved choice,
else the system's (``deskwfm.user_config``); and argparse's own words (``usage:``, ``options``,
its error messages) in that language through the same catalog.

``--lang`` is read from the raw arguments first because the parser itself (every ``help=``)
is built in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence

from deskwfm.core.messages import N_

# argparse's texts, marked for the catalog (Python 3.11-3.13 spell them the same).
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("%(prog)s: error: %(message)s\n"),
)


def requested_language(argv: Sequence[str]) -> str | None:
    """The value of ``--lang X`` / ``--lang=X`` among the arguments (before a ``--``), or None."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def start_language(argv: Sequence[str]) -> str:
    """Set the process's language for this run and return it."""
    from deskwfm.core.i18n import set_language
    from deskwfm.user_config import choose_language

    lang = set_language(choose_language(requested_language(argv)))
    if lang != "en":
        _translate_argparse()
    return lang


def _translate_argparse() -> None:
    import argparse

    from deskwfm.core.i18n import tr, tr_n

    def gettext(text: str) -> str:
        return tr(text) if text else text

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = tr_n  # type: ignore[attr-defined]
