"""One catalog for every layer: every message key in the source has a French translation with
the same placeholders, and the compiled catalog the program reads says what the .po says.

Keys are found the way ``pybabel extract`` finds them (scripts/i18n-extract): the literal first
argument of ``msg``, ``tr`` and ``N_``, the first two of ``msg_n`` and ``tr_n``. A key that is not
a literal cannot be extracted, so it is refused here too.
"""

from __future__ import annotations

import ast
import gettext
import io
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import deskwfm

SRC = Path(deskwfm.__file__).resolve().parent
ROOT = SRC.parents[1]
LOCALE = ROOT / "resources" / "locale"
# keyword -> how many leading arguments are keys (the extraction keywords of scripts/i18n-extract)
KEYWORDS = {"msg": 1, "tr": 1, "N_": 1, "msg_n": 2, "tr_n": 2}
TRANSLATED = ("fr",)


@dataclass(frozen=True)
class KeyCall:
    where: str
    keys: tuple[object, ...]  # str for a literal, None for anything else
    # ``tr(LABEL)`` of a name marked elsewhere with ``N_("...")`` (gettext's deferred
    # translation): extracted where it is marked, so not a key here, but never text built on the
    # spot (an f-string, a concatenation, a ``.format()``)
    deferred: bool = False


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def key_calls() -> Iterator[KeyCall]:
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in KEYWORDS:
                continue
            n = KEYWORDS[_name(node.func)]
            args = node.args[:n]
            keys = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                         for a in args)
            if len(keys) < n:
                keys += (None,) * (n - len(keys))
            deferred = _name(node.func) == "tr" and bool(args) and isinstance(
                args[0], (ast.Name, ast.Attribute, ast.Subscript, ast.IfExp))
            yield KeyCall(f"{path.relative_to(ROOT)}:{node.lineno}", keys, deferred)


def source_keys() -> set[str | tuple[str, str]]:
    out: set[str | tuple[str, str]] = set()
    for call in key_calls():
        if None in call.keys:
            continue
        out.add(str(call.keys[0]) if len(call.keys) == 1 else (str(call.keys[0]), str(call.keys[1])))
    return out


def catalog(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "deskwfm.po").open("rb") as f:
        return read_po(f)


def test_every_message_key_is_a_literal() -> None:
    """``msg(text)`` with a variable, an f-string or a concatenation cannot reach the catalog."""
    bad = [c.where for c in key_calls() if None in c.keys and not c.deferred]
    assert not bad, "message keys must be string literals (msg() with named placeholders): " + ", ".join(bad)


def test_the_finder_sees_literals_and_refuses_the_rest(tmp_path: Path) -> None:
    """The AST walk above is what the other tests rely on: it finds both kinds of call."""
    sample = 'msg("a {x}", x=1)\ntr(f"b {y}")\nmsg_n("{count} c", "{count} cs", n)\nself.tr(label)\nN_("d")\n'
    found = []
    for node in ast.walk(ast.parse(sample)):
        if isinstance(node, ast.Call) and _name(node.func) in KEYWORDS:
            found.append(tuple(isinstance(a, ast.Constant) for a in node.args[: KEYWORDS[_name(node.func)]]))
    assert found == [(True,), (False,), (True, True), (False,), (True,)]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_key_has_a_translation(lang: str) -> None:
    cat = catalog(lang)
    missing = []
    for key in sorted(source_keys(), key=str):
        entry = cat.get(key[0] if isinstance(key, tuple) else key)
        strings = (entry.string if isinstance(entry.string, tuple) else (entry.string,)) if entry else ()
        if entry is None or entry.fuzzy or not strings or not all(strings):
            missing.append(key)
    assert not missing, (
        f"{len(missing)} texts lack a {lang} translation (bash scripts/i18n-update, translate, "
        f"bash scripts/i18n-compile): {missing[:20]}"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalog_holds_only_texts_the_program_uses(lang: str) -> None:
    keys = {k[0] if isinstance(k, tuple) else k for k in source_keys()}
    stale = sorted(m.id if isinstance(m.id, str) else m.id[0] for m in catalog(lang) if m.id)
    stale = [s for s in stale if s not in keys]
    assert not stale, f"texts no longer in the source (bash scripts/i18n-update): {stale[:20]}"


_PERCENT = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdrifx%]")


def placeholders(text: str) -> list[str]:
    """``{name:spec}`` fields (sorted, with their format spec and conversion) and ``%(name)s``
    / ``%s`` fields (argparse's own texts)."""
    fields = []
    for _lit, name, spec, conv in string.Formatter().parse(text):
        if name is not None:
            fields.append(f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}")
    return sorted(fields) + sorted(_PERCENT.findall(text))


def test_placeholders_are_read_with_name_spec_and_conversion() -> None:
    assert placeholders("{a} and {b:hours} at %(prog)s %s") == ["{a}", "{b:hours}", "%(prog)s", "%s"]
    assert placeholders("{{literal}} {x!r}") == ["{x!r}"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_every_placeholder(lang: str) -> None:
    """Same names, same format specs: a translation that drops ``{count}`` or reads ``{m:hours}``
    as ``{m}`` would show the wrong thing (render falls back to English when one is unknown)."""
    wrong = []
    for m in catalog(lang):
        if not m.id or not m.string:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for i, text in enumerate(strings):
            if not text:
                continue
            source = ids[min(i, len(ids) - 1)]
            want = placeholders(source)
            got = placeholders(text)
            # the singular of a plural may leave out {count} ("one cell"), in either language
            if len(ids) > 1 and i == 0:
                want = [p for p in want if p != "{count}"]
                got = [p for p in got if p != "{count}"]
            if want != got:
                wrong.append(f"{source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong[:30])


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_forms_are_those_of_the_language(lang: str) -> None:
    assert catalog(lang).plural_forms == "nplurals=2; plural=(n > 1);"
    from deskwfm.core import i18n
    from deskwfm.core.messages import msg_n

    one = msg_n("{count} cell", "{count} cells", 1)
    assert i18n.render(one, lang) != i18n.render(msg_n("{count} cell", "{count} cells", 2), lang)
    assert i18n.render(msg_n("{count} cell", "{count} cells", 0), lang).startswith("0")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_matches_the_po(lang: str) -> None:
    """The committed .mo (what the program reads) says what the .po says: run
    scripts/i18n-compile after editing a translation."""
    buf = io.BytesIO()
    write_mo(buf, catalog(lang))
    expected = gettext.GNUTranslations(io.BytesIO(buf.getvalue()))._catalog  # type: ignore[attr-defined]
    with (LOCALE / lang / "LC_MESSAGES" / "deskwfm.mo").open("rb") as f:
        committed = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    assert committed == expected
