"""Run one command and measure it: wall seconds and the peak memory of its process tree."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


class StepFailed(Exception):
    """A measured command did not succeed, so its time means nothing."""


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float


def measure(command: list[str], env: dict | None = None, cwd: Path | None = None,
            expect: int = 0) -> Measured:
    """Run `command` to its end; `expect` is the exit code that counts as success."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    # wait4's usage is this child's, and ru_maxrss covers the descendants it waited for
    # (forked workers, Pagefind's binary), in kilobytes on Linux.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != expect:
        raise StepFailed(f"{' '.join(map(str, command))} exited {process.returncode}:\n"
                         f"{output.decode(errors='replace')[-2000:]}")
    return Measured(seconds, usage.ru_maxrss / 1024)
