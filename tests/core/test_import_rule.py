"""design.md: core is pure Python. Importing every core module in a fresh interpreter must not
pull in Qt, SQLAlchemy, openpyxl or reportlab."""

import pkgutil
import subprocess
import sys

import deskwfm.core

FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "openpyxl", "reportlab", "alembic")


def test_core_imports_no_gui_storage_or_file_libraries() -> None:
    mods = [m.name for m in pkgutil.iter_modules(deskwfm.core.__path__, "deskwfm.core.")]
    assert "deskwfm.core.payroll" in mods and len(mods) >= 10
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in mods)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout.strip()}"
