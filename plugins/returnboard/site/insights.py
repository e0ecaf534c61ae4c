"""What the insights page and the region sentences need, worked out once a build."""

from __future__ import annotations

from pathlib import Path

from ..domain.models import regions_of_the_uk
from ..domain.regional_figures import RegionalFigures, one_decimal, regional_figures
from .regional_charts import hex_map, ranked_chart
from .regional_sources import load_earlier_study, load_population


def board_figures(board, data_path: Path) -> RegionalFigures:
    """The board's figures by region, from every listing it holds, open or closed."""
    region_ids = [term.id for term in regions_of_the_uk(board.vocabularies["regions"])]
    return regional_figures(board.placements, board.vocabularies, load_population(data_path, region_ids),
                            load_earlier_study(data_path, region_ids))


def insights_context(figures: RegionalFigures) -> dict:
    """The template variables: the figures, both charts drawn from them, and how figures are printed."""
    return {"regional": figures, "one_decimal": one_decimal, "ranked_chart": ranked_chart(figures.ranked), "hex_map": hex_map(figures.regions)}
