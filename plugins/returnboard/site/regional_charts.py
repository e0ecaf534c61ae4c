"""The insights page's charts, laid out at build time for static SVG: regions ranked by open
opportunities per million people, and a hex map of the UK shaded by the same figure."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..domain.regional_figures import Figures, one_decimal
from .summaries import BarChart, bar_chart


def ranked_chart(ranked: list[Figures]) -> BarChart:
    """Bars for regions already ranked by open opportunities per million people."""
    return bar_chart([(row.name, row.open_per_million, one_decimal(row.open_per_million)) for row in ranked])


# Each region's hex as (column, row) and its short label: pointy-topped hexes, odd rows set half a
# hex to the right, roughly where each region lies.
HEX_LAYOUT = {
    "scotland": (1, 0, "SCO"),
    "northern-ireland": (0, 1, "NI"), "north-east": (1, 1, "NE"),
    "north-west": (1, 2, "NW"), "yorkshire-and-the-humber": (2, 2, "YH"),
    "wales": (0, 3, "WAL"), "west-midlands": (1, 3, "WM"), "east-midlands": (2, 3, "EM"),
    "south-west": (1, 4, "SW"), "london": (2, 4, "LON"), "east-of-england": (3, 4, "EE"),
    "south-east": (1, 5, "SE"),
}
HEX_RADIUS = 28
HEX_WIDTH = math.sqrt(3) * HEX_RADIUS
MAP_MARGIN = 4
# Shades from none to most: the darkest two take white text, the rest dark (contrast over 4.5:1 each).
SHADES = 5
LEGEND_X = 214
LEGEND_ROW = 22
LEGEND_SWATCH = 14


@dataclass(frozen=True)
class Hex:
    label: str  # short, inside the hex
    name: str
    value: str
    shade: int  # 0 for none, up to SHADES - 1 for the most
    points: str
    x: float
    label_y: float  # baselines of its label and value, either side of its centre
    value_y: float


@dataclass(frozen=True)
class LegendEntry:
    shade: int
    text: str
    swatch_y: int
    text_y: int  # its text's baseline, level with the swatch's middle


@dataclass(frozen=True)
class HexMap:
    hexes: list[Hex]
    legend: list[LegendEntry]
    width: int
    height: int
    legend_x: int = LEGEND_X
    legend_text_x: int = LEGEND_X + LEGEND_SWATCH + 6
    swatch: int = LEGEND_SWATCH

    @property
    def dark_shades(self) -> set[int]:
        return {SHADES - 2, SHADES - 1}


def shade(value: float, most: float) -> int:
    """0 for none; otherwise which of the equal steps up to the most the value falls in."""
    if value <= 0 or most <= 0:
        return 0
    return min(SHADES - 1, max(1, math.ceil(value / most * (SHADES - 1))))


def _corners(x: float, y: float) -> str:
    return " ".join(f"{x + HEX_RADIUS * math.cos(math.radians(angle)):.1f},"
                    f"{y + HEX_RADIUS * math.sin(math.radians(angle)):.1f}"
                    for angle in range(-90, 270, 60))


def _legend(most: float) -> list[LegendEntry]:
    step = most / (SHADES - 1)
    texts = ["None"]
    for number in range(1, SHADES):
        low, high = one_decimal(step * (number - 1)), one_decimal(step * number)
        texts.append(f"Up to {high}" if number == 1 else f"{low} to {high}")
    if most <= 0:
        texts = texts[:1]
    return [LegendEntry(number, text, swatch_y=LEGEND_ROW * number + 6, text_y=LEGEND_ROW * number + 18)
            for number, text in enumerate(texts)]


def hex_map(regions: list[Figures]) -> HexMap:
    """The twelve regions as hexes shaded by open opportunities per million people, with a legend."""
    most = max([row.open_per_million for row in regions] + [0])
    hexes = []
    for row in regions:
        column, line, label = HEX_LAYOUT[row.id]
        x = MAP_MARGIN + HEX_WIDTH / 2 + (column + (line % 2) / 2) * HEX_WIDTH
        y = MAP_MARGIN + HEX_RADIUS + line * 1.5 * HEX_RADIUS
        hexes.append(Hex(label, row.name, one_decimal(row.open_per_million), shade(row.open_per_million, most),
                         _corners(x, y), round(x, 1), label_y=round(y - 3, 1), value_y=round(y + 11, 1)))
    rows = max(line for _, line, _ in HEX_LAYOUT.values()) + 1
    height = round(2 * MAP_MARGIN + 2 * HEX_RADIUS + (rows - 1) * 1.5 * HEX_RADIUS)
    return HexMap(hexes, _legend(most), width=320, height=height)
