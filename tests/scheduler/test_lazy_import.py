"""OR-Tools (about a second of imports with numpy and pandas) loads only when a run starts:
starting the window or the command line, and importing the auto-schedule service, never pay it."""

from __future__ import annotations

import subprocess
import sys


def test_start_up_modules_do_not_import_ortools() -> None:
    code = (
        "import sys\n"
        "import deskwfm.cli.main as m\n"
        "m.build_parser()\n"
        "import deskwfm.gui.main_window, deskwfm.services.auto_schedule, deskwfm.scheduler\n"
        "import deskwfm.scheduler.problem\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('ortools', 'numpy', 'pandas')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, check=True)
    assert out.stdout.strip() == "[]"
