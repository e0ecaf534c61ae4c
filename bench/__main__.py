"""`make bench`: time our builds of a generated board against stock Pelican and Hugo, in one run.

    python -m bench [--listings 10000] [--keep DIR]

Every step runs as its own process on the same listings, one after another, so the ratios
hold on any machine even when its absolute times do not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .boards import ROOT, TODAY, change_one, listings, write_board, write_markdown
from .checks import check_pagefind, count_pages
from .hugo_site import write_hugo_site
from .measure import Measured, measure
from .table import Row, table

PYTHON = sys.executable


def progress(message: str) -> None:
    """Say what the bench is doing now: a large board takes a while."""
    print(f"bench: {message}", flush=True)


def both(first: Measured, second: Measured) -> Measured:
    """Two steps run one after the other: their times add, the peak is the larger."""
    return Measured(first.seconds + second.seconds, max(first.peak_mb, second.peak_mb))


def pagefind(site: Path, glob: str) -> Measured:
    return measure([PYTHON, "-m", "pagefind", "--site", str(site), "--glob", glob, "--silent"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the generated boards and sites here")
    args = parser.parse_args(argv)
    count = args.listings
    work = args.keep or Path(tempfile.mkdtemp(prefix="board-bench-"))
    try:
        return run(work, count)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def run(work: Path, count: int) -> int:
    made = listings(count)
    changed_slug = made[count // 2][0]
    progress(f"writing {count} listings into {work}")
    write_board(work / "board", made)
    write_markdown(work / "pelican" / "content", made, hugo=False)
    write_hugo_site(work / "hugo")
    write_markdown(work / "hugo" / "content" / "placements", made, hugo=True)

    ours = work / "site"
    env = dict(os.environ, BOARD_TODAY=TODAY, BOARD_CACHE=str(work / "cache"),
               PYTHONPATH=str(ROOT / "plugins"))
    build = [PYTHON, "-m", "returnboard", "build", "--settings", str(ROOT / "pelicanconf.py"),
             "--content", str(work / "board"), "--output", str(ours)]
    progress("our full build, from cold")
    full = measure(build, env=env, cwd=ROOT)
    pages = count_pages(ours, "placements/*/index.html", count)
    check_pagefind(ours, count)
    progress(f"{full.seconds:.1f} s; our rebuild with nothing changed")
    unchanged = measure(build, env=env, cwd=ROOT)
    progress(f"{unchanged.seconds:.1f} s; our rebuild with one listing changed")
    changed_file = change_one(work / "board", changed_slug)
    one_changed = measure(build, env=env, cwd=ROOT)
    if "The interviews are now online." not in (ours / "placements" / changed_slug / "index.html").read_text():
        raise SystemExit("bench: the rebuild did not publish the changed listing")
    progress(f"{one_changed.seconds:.1f} s; checking the changed listing as the pull request check does")
    check_one = measure([PYTHON, "-m", "returnboard", "validate", "--content", str(work / "board"),
                         str(changed_file)], env=env, cwd=ROOT)

    progress(f"{check_one.seconds:.1f} s; stock Pelican on the same listings as Markdown, then Pagefind")
    pelican_site = work / "pelican" / "output"
    # Run where no pelicanconf.py is, so Pelican uses its default settings.
    pelican = both(measure([PYTHON, "-m", "pelican", "content", "--output", "output", "--quiet"],
                           cwd=work / "pelican"),
                   pagefind(pelican_site, "listing-*.html"))
    pelican_pages = count_pages(pelican_site, "listing-*.html", count)
    check_pagefind(pelican_site, count)

    progress(f"{pelican.seconds:.1f} s; Hugo with minimal templates, then Pagefind")
    hugo_site = work / "hugo" / "public"
    hugo = both(measure([str(Path(PYTHON).parent / "hugo"), "--source", str(work / "hugo"), "--quiet"]),
                pagefind(hugo_site, "placements/*/index.html"))
    hugo_pages = count_pages(hugo_site, "placements/*/index.html", count)
    check_pagefind(hugo_site, count)
    progress(f"{hugo.seconds:.1f} s")

    print()
    print(table(count, [
        Row("our full build, from cold", full, pages),
        Row("our rebuild, nothing changed", unchanged, pages, of_full=full),
        Row("our rebuild, one listing changed", one_changed, pages, of_full=full),
        Row("checking one listing", check_one, 1),
        Row("stock Pelican + Pagefind", pelican, pelican_pages, baseline_for=full),
        Row("Hugo + Pagefind", hugo, hugo_pages, baseline_for=full),
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
