"""Copy the licence texts of every component the bundle ships into resources/licenses/.

Run when a dependency changes: ``python installer/collect_licenses.py``. Texts come from each
installed distribution's own licence files; Qt/PySide6 wheels carry none, so the LGPLv3 and
GPLv3 texts come from Debian's /usr/share/common-licenses (or are kept from the last run).
Writes ``components.json`` (name, version, licence, home page, role, and files as paths relative
to the resources folder) that the About dialog reads.
The result is committed, so building the bundle does not need this script.
"""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "licenses"

# (distribution, shown name, licence as shown, home page, what it does for deskwfm)
COMPONENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("pyside6_essentials", "Qt 6 and Qt for Python (PySide6)", "LGPL-3.0-only",
     "https://www.qt.io/qt-for-python", "windows and widgets"),
    ("shiboken6", "Shiboken6", "LGPL-3.0-only", "https://www.qt.io/qt-for-python", "Qt bindings runtime"),
    ("sqlalchemy", "SQLAlchemy", "MIT", "https://www.sqlalchemy.org", "database access"),
    ("greenlet", "greenlet", "MIT AND PSF-2.0", "https://github.com/python-greenlet/greenlet",
     "used by SQLAlchemy"),
    ("typing_extensions", "typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions",
     "used by SQLAlchemy"),
    ("alembic", "Alembic", "MIT", "https://alembic.sqlalchemy.org", "database upgrades"),
    ("mako", "Mako", "MIT", "https://www.makotemplates.org", "used by Alembic"),
    ("markupsafe", "MarkupSafe", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/",
     "used by Mako"),
    ("openpyxl", "openpyxl", "MIT", "https://openpyxl.readthedocs.io", "Excel files"),
    ("et_xmlfile", "et_xmlfile", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile",
     "used by openpyxl"),
    ("defusedxml", "defusedxml", "PSF-2.0", "https://github.com/tiran/defusedxml", "safe XML parsing"),
    ("python_calamine", "python-calamine", "MIT", "https://github.com/dimastbk/python-calamine",
     "fast Excel reading"),
    ("reportlab", "ReportLab", "BSD-3-Clause", "https://www.reportlab.com", "PDF timesheets"),
    ("rl_accel", "rl_accel", "BSD-3-Clause", "https://www.reportlab.com", "ReportLab speed-ups"),
    ("pillow", "Pillow", "MIT-CMU", "https://python-pillow.org", "used by ReportLab"),
    ("charset_normalizer", "charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer",
     "used by ReportLab"),
    ("holidays", "holidays", "MIT", "https://github.com/vacanza/holidays", "statutory holidays"),
    ("python_dateutil", "python-dateutil", "Apache-2.0 OR BSD-3-Clause",
     "https://github.com/dateutil/dateutil", "used by holidays"),
    ("six", "six", "MIT", "https://github.com/benjaminp/six", "used by python-dateutil"),
    ("babel", "Babel", "BSD-3-Clause", "https://babel.pocoo.org",
     "dates, numbers and money in French and English"),
    ("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs", "user data folder"),
    ("tzdata", "tzdata", "Apache-2.0", "https://github.com/python/tzdata", "time zone database"),
    ("pypdfium2", "pypdfium2 and PDFium", "Apache-2.0 OR BSD-3-Clause; PDFium BSD-3-Clause",
     "https://github.com/pypdfium2-team/pypdfium2", "print preview"),
    ("ortools", "Google OR-Tools (CP-SAT)", "Apache-2.0", "https://developers.google.com/optimization",
     "automatic scheduling"),
    ("protobuf", "Protocol Buffers", "BSD-3-Clause", "https://protobuf.dev", "used by OR-Tools"),
    ("absl_py", "Abseil Python", "Apache-2.0", "https://github.com/abseil/abseil-py", "used by OR-Tools"),
    ("immutabledict", "immutabledict", "MIT", "https://github.com/corenting/immutabledict", "used by OR-Tools"),
    ("numpy", "NumPy", "BSD-3-Clause AND others (see the text)", "https://numpy.org", "used by OR-Tools"),
    ("pandas", "pandas", "BSD-3-Clause", "https://pandas.pydata.org", "used by OR-Tools"),
    ("pyinstaller", "PyInstaller bootloader", "GPL-2.0-or-later WITH Bootloader-exception",
     "https://pyinstaller.org", "starts the bundled program"),
)

# Bundled fonts keep their licences beside them in resources/fonts (paths relative to resources/).
FONTS: tuple[dict[str, object], ...] = (
    {"name": "DejaVu Sans fonts", "version": "2.37", "license": "Bitstream-Vera AND public domain",
     "url": "https://dejavu-fonts.github.io", "role": "printed timesheets",
     "files": ["fonts/LICENSE-DejaVu.txt"]},
    {"name": "Droid Sans Fallback font", "version": "", "license": "Apache-2.0",
     "url": "https://android.googlesource.com/platform/frameworks/base/+/master/data/fonts/",
     "role": "Chinese, Japanese and Korean names in print",
     "files": ["fonts/LICENSE-DroidSansFallback-Apache-2.0.txt"]},
)

COMMON_LICENSES = Path("/usr/share/common-licenses")

# Distributions whose many licence files (a native library and what it was built from) are
# joined into one text; builds deskwfm never ships (Android, XFA/V8, musl) are left out.
CONCATENATE = {"pypdfium2"}
SKIP_LICENCE_PARTS = ("android/", "v8_xfa/", "musl/")
LICENCE_NAMES = ("licen", "copying", "notice", "authors", "contributors")


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found: list[Path] = []
    for f in dist.files or ():
        name = Path(str(f)).name.lower()
        if ".dist-info" in str(f) and any(k in name for k in LICENCE_NAMES):
            found.append(Path(str(dist.locate_file(f))))
    # The licence itself first (it gets the plain name), then AUTHORS/CONTRIBUTORS and the like.
    return sorted(found, key=lambda p: (not p.name.lower().startswith(("licen", "copying")), p.name))


def _concatenated(dist: metadata.Distribution, dst: Path) -> None:
    name = dist.metadata["Name"].replace("-", "_")
    base = Path(str(dist.locate_file(""))) / f"{name}-{dist.version}.dist-info"
    parts: list[str] = []
    for entry in dist.metadata.get_all("License-File") or []:
        if any(skip in entry for skip in SKIP_LICENCE_PARTS):
            continue
        for candidate in (base / "licenses" / entry, base / entry):
            if candidate.is_file():
                text = candidate.read_text(encoding="utf-8", errors="replace").rstrip()
                parts.append(f"----- {entry} -----\n{text}\n")
                break
        else:
            raise SystemExit(f"{dist.metadata['Name']}: licence file {entry} not found")
    dst.write_text("\n".join(parts), encoding="utf-8")


def _qt_texts() -> list[str]:
    """LGPLv3 refers to GPLv3, so both texts ship with Qt."""
    names = []
    for src, dst in (("LGPL-3", "LGPL-3.0.txt"), ("GPL-3", "GPL-3.0.txt")):
        if (COMMON_LICENSES / src).exists():
            shutil.copyfile(COMMON_LICENSES / src, OUT / dst)
        if not (OUT / dst).exists():
            raise SystemExit(f"need {COMMON_LICENSES / src} (Debian base-files) for {dst}")
        names.append(f"licenses/{dst}")
    return names


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, object]] = []
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    shutil.copyfile(python_licence, OUT / "python.txt")
    entries.append({
        "name": "Python", "version": sys.version.split()[0], "license": "PSF-2.0",
        "url": "https://www.python.org", "role": "the language runtime", "files": ["licenses/python.txt"],
    })
    qt_files = _qt_texts()
    for dist_name, shown, licence, url, role in COMPONENTS:
        dist = metadata.distribution(dist_name)
        files: list[str] = []
        if dist_name in ("pyside6_essentials", "shiboken6"):
            files = list(qt_files)
            if dist_name == "pyside6_essentials":
                files.insert(0, "licenses/qt-notice.txt")
        if dist_name in CONCATENATE:
            dst = f"{dist_name}.txt"
            _concatenated(dist, OUT / dst)
            files.append(f"licenses/{dst}")
        for i, src in enumerate([] if dist_name in CONCATENATE else _licence_files(dist)):
            suffix = "" if i == 0 else f"-{src.stem.lower()}"
            dst = f"{dist_name.replace('_', '-')}{suffix}.txt"
            shutil.copyfile(src, OUT / dst)
            files.append(f"licenses/{dst}")
        if not files:
            raise SystemExit(f"no licence text found for {dist_name}")
        entries.append({
            "name": shown, "distribution": dist_name, "version": dist.version, "license": licence, "url": url,
            "role": role, "files": files,
        })
    for font in FONTS:
        for f in font["files"]:  # type: ignore[attr-defined]
            if not (OUT.parent / str(f)).exists():
                raise SystemExit(f"font licence {f} is missing")
        entries.append(dict(font))
    (OUT / "components.json").write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} components to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
