"""The bench's table: each step's wall time, peak memory and pages a second, and our ratios."""

from __future__ import annotations

from dataclasses import dataclass

from .measure import Measured


@dataclass(frozen=True)
class Row:
    step: str
    measured: Measured
    pages: int
    of_full: Measured | None = None  # a rebuild, shown as a share of this full build
    baseline_for: Measured | None = None  # a baseline, shown as our full build's ratio to it

    def ratio(self) -> str:
        if self.of_full:
            return f"{self.measured.seconds / self.of_full.seconds:.0%} of our full build"
        if self.baseline_for:
            return f"ours is {self.baseline_for.seconds / self.measured.seconds:.2f}×"
        return ""


def table(listings: int, rows: list[Row]) -> str:
    """A Markdown table, so it can be pasted into the README as it is."""
    lines = [f"{listings:,} listings",
             "",
             "| step | wall s | peak MB | pages | pages/s | ratio |",
             "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        seconds = row.measured.seconds
        lines.append(f"| {row.step} | {seconds:.2f} | {row.measured.peak_mb:.0f} | {row.pages:,} | "
                     f"{row.pages / seconds:,.0f} | {row.ratio()} |")
    return "\n".join(lines)
