"""Guard against PySide6 6.12.0's none_dealloc bug on Python 3.11.

That release dropped a reference to None on every call of a void-returning Qt method; after
some thousands of calls the interpreter aborts. The calls run in a child process so an abort
fails this test instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QTableView
    app = QApplication([])
    view = QTableView()
    before = sys.getrefcount(None)
    for i in range(20_000):
        view.setEnabled(i % 2 == 0)
        view.update()
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"the process died ({proc.returncode}): {proc.stderr[-500:]}"
    before, after = (int(x) for x in proc.stdout.split())
    assert before - after < 1000, f"refcount of None fell from {before} to {after}"
