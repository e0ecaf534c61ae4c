"""Helpers the tests share: write small content trees and build real sites from them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_TODAY = "2026-11-22"

EMPLOYER = {"name": "Tyne Test Works", "website": "https://tyne-test-works.example",
            "about": "We test things in **Newcastle**."}

LISTING = {
    "title": "Test engineer returnship",
    "employer": "tyne-test-works",
    "type": "returnship",
    "sectors": ["engineering"],
    "regions": ["north-east"],
    "location": "Newcastle upon Tyne",
    "workplace": "hybrid",
    "hours": ["full-time", "part-time"],
    "pay": {"min": 36000, "max": 40000, "period": "year"},
    "duration_weeks": 12,
    "route_to_permanent": True,
    "support": ["mentoring"],
    "min_break_months": 12,
    "posted": "2026-11-01",
    "closes": "2027-01-31",
    "apply": {"url": "https://tyne-test-works.example/apply"},
    "summary": "A twelve-week paid returnship testing bridges, with a mentor from day one.",
    "description": "## The role\n\nYou will test bridges and write reports, with a mentor to help you back.",
}


def listing(**changes) -> dict:
    """The standard valid listing with some fields changed (None removes a field)."""
    data = dict(LISTING, **changes)
    return {key: value for key, value in data.items() if value is not None}


def write_content(root: Path, listings: dict[str, dict | str], employers=None) -> Path:
    """A content tree: listings by slug (dicts are dumped as YAML, strings written as is)."""
    content = root / "content"
    (content / "placements").mkdir(parents=True, exist_ok=True)
    (content / "employers").mkdir(parents=True, exist_ok=True)
    for employer_id, data in (employers or {"tyne-test-works": EMPLOYER}).items():
        (content / "employers" / f"{employer_id}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    for name, data in listings.items():
        file = name if "." in name else f"{name}.yaml"
        text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
        path = content / "placements" / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def run_board(*args, today: str = SAMPLE_TODAY, cwd: Path = ROOT, env: dict | None = None):
    """Run the board's real command line and capture what it prints."""
    environment = dict(os.environ, BOARD_TODAY=today, PYTHONPATH=str(ROOT / "plugins"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "returnboard", *map(str, args)], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=600)


def build(content: Path | None, output: Path, today: str = SAMPLE_TODAY, settings: str = "pelicanconf.py"):
    args = ["build", "--settings", ROOT / settings, "--output", output]
    if content is not None:
        args += ["--content", content]
    return run_board(*args, today=today)


def written_vocabularies(*kinds: str) -> set[str]:
    """The lists employers write values from: those the schemas of these kinds (all, if none) refer to.
    Search's own filters, worked out from a listing's facts, are not among them."""
    schemas = [ROOT / "schemas" / f"{kind}.schema.json" for kind in kinds] or (ROOT / "schemas").glob("*.schema.json")
    return {key for schema in schemas for key in
            re.findall(r"vocabularies\.schema\.json#/\$defs/(\w+)", schema.read_text(encoding="utf-8"))}
