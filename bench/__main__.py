"""`make bench`: build a generated board of many listings and report the time per page.

    python -m bench [--listings 10000] [--keep DIR]

The listings are made from the sample board's, spread over every employer, region,
sector and closing date, so the build does the same work it would for a real board.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from returnboard.cli.build import render_site
from returnboard.site.search_index import index_site

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"


def generate(content: Path, count: int) -> None:
    """Write `count` listings, cycling through the sample ones with new titles and dates."""
    shutil.copytree(ROOT / "content" / "employers", content / "employers")
    placements = content / "placements"
    placements.mkdir(parents=True)
    samples = [yaml.safe_load(path.read_text()) for path in sorted((ROOT / "content" / "placements").glob("*.yaml"))]
    for number, sample in zip(range(count), itertools.cycle(samples)):
        listing = dict(sample, title=f"{sample['title']} ({number})",
                       posted=f"2026-11-{number % 20 + 1:02d}", closes=f"2027-{number % 9 + 1:02d}-15",
                       starts="2027-10-01")
        (placements / f"listing-{number:05d}.yaml").write_text(
            yaml.safe_dump(listing, sort_keys=False, allow_unicode=True), encoding="utf-8")


def progress(message: str) -> None:
    """Say what the bench is doing now: a large board takes a while."""
    print(f"bench: {message}", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the generated board and site here")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="board-bench-"))
    try:
        progress(f"Writing {args.listings} listings into {work / 'content'}")
        generate(work / "content", args.listings)
        site = work / "output"
        progress("Reading, checking and rendering the board")
        started = time.perf_counter()
        render_site(str(ROOT / "pelicanconf.py"), site, str(work / "content"), {"BOARD_TODAY": TODAY})
        rendered = time.perf_counter()
        progress(f"Rendered in {rendered - started:.1f} s; indexing it for search")
        index_site(site)
        indexed = time.perf_counter()
        progress(f"Indexed in {indexed - rendered:.1f} s")
        pages = sum(1 for _ in site.rglob("*.html"))
        for label, seconds in (("read, check and render", rendered - started),
                               ("search index", indexed - rendered),
                               ("whole build", indexed - started)):
            print(f"{label:>22}: {seconds:6.1f} s, {1000 * seconds / pages:5.2f} ms a page")
        print(f"{args.listings} listings, {pages} pages")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
