"""Run ``deskwfm`` in a child process and measure it (no tests here).

A wrapper process starts the command as its only child, so ``RUSAGE_CHILDREN`` there is the
command's own peak memory, not the largest of every process the test session has started. The
command runs under an address-space cap, so a regression fails the test instead of the machine;
it may also get a file-size limit (a real EFBIG) or a umask of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_WRAPPER = """
import json, os, resource, signal, subprocess, sys, time
args, cap, fsize, umask = json.loads(sys.argv[1])
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    if fsize is not None:  # writes past fsize bytes fail with EFBIG instead of killing the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    if umask is not None:
        os.umask(umask)
t0 = time.perf_counter()
p = subprocess.run(args, preexec_fn=limit, capture_output=True, text=True)
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr,
                  "seconds": time.perf_counter() - t0,
                  "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@dataclass(frozen=True)
class Run:
    rc: int
    out: str
    err: str
    seconds: float
    peak_mb: float

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def run_deskwfm(
    *argv: str, cap_mb: int = 2048, fsize: int | None = None, umask: int | None = None, timeout: float = 120
) -> Run:
    """``deskwfm ARGV`` as a child of a fresh wrapper; its exit status, output, time, peak RSS.
    ``fsize``: no file may grow past that many bytes; ``umask``: the child's umask."""
    args = [sys.executable, "-m", "deskwfm", *argv]
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, json.dumps([args, cap_mb * 1024 * 1024, fsize, umask])],
        capture_output=True, text=True, timeout=timeout, check=True,
    )
    r = json.loads(done.stdout)
    return Run(r["rc"], r["out"], r["err"], r["seconds"], r["peak_kb"] / 1024)
