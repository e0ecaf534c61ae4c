"""`python -m returnboard deploy DEST`: copy a built site to a folder, or to a server with rsync.

A folder is replaced whole and atomically, as `build` replaces `output/`; a server
target (`host:path` or `user@host:path`) is synced with `rsync --delete`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..content.problems import BoardError
from .build import swap_into_place

REMOTE = re.compile(r"^(?:[\w.-]+@)?[\w.-]+:")


class DeployFailed(BoardError):
    """The site could not be published where it was asked to go."""


def deploy(site: Path, destination: str) -> None:
    if not (site / "index.html").is_file():
        raise DeployFailed(f"{site} holds no built site: run `make publish` first")
    if REMOTE.match(destination):
        if shutil.which("rsync") is None:
            raise DeployFailed("rsync is not installed: install it to publish to a server")
        subprocess.run(["rsync", "-az", "--delete", f"{site}/", destination.rstrip("/") + "/"], check=True)
        return
    target = Path(destination).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-deploy-", dir=target.parent))
    try:
        shutil.copytree(site, staging / "site")
        swap_into_place(staging / "site", target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(site: str, destination: str) -> int:
    try:
        deploy(Path(site), destination)
    except subprocess.CalledProcessError as error:
        print(f"Publishing failed: rsync exited with {error.returncode}", file=sys.stderr)
        return 1
    except DeployFailed as error:
        print(f"Publishing failed: {error}", file=sys.stderr)
        return 1
    print(f"Published {site} to {destination}.")
    return 0
