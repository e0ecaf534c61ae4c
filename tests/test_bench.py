"""`make bench` on a small board: every step runs, each site builds all its listings, and the table
reports them. Only that it works is tested here; how fast is for people to read."""

from __future__ import annotations

import subprocess
import sys

from tests.boardtools import ROOT

STEPS = ("our full build, from cold", "our rebuild, nothing changed", "our rebuild, one listing changed",
         "checking one listing", "stock Pelican + Pagefind", "Hugo + Pagefind")


def test_bench_measures_our_builds_and_both_baselines(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bench", "--listings", "20", "--keep", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bench: our full build, from cold" in result.stdout  # progress while it runs
    rows = {cells[0]: cells[1:] for cells in
            ([cell.strip() for cell in line.strip("|").split("|")] for line in result.stdout.splitlines()
             if line.startswith("| ") and not line.startswith("| step"))}
    assert list(rows) == list(STEPS)
    for step, (seconds, peak_mb, pages, per_second, _) in rows.items():
        assert float(seconds) > 0 and float(peak_mb) > 0 and int(pages.replace(",", "")) > 0, step
    assert rows["our rebuild, nothing changed"][4].endswith("% of our full build")
    assert rows["Hugo + Pagefind"][4].startswith("ours is ")
    # Each baseline really built and indexed the same listings.
    assert len(list((tmp_path / "pelican" / "output").glob("listing-*.html"))) == 20
    assert len(list((tmp_path / "hugo" / "public" / "placements").glob("*/index.html"))) == 20
    assert "<h2" in (tmp_path / "hugo" / "public" / "placements" / "listing-00000" / "index.html").read_text()
