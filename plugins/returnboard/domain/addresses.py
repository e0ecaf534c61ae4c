"""The top-level addresses the board's own pages take, which a page from content/pages/ may not."""

from __future__ import annotations

from .vocabularies import Vocabulary, facets

# Folders the generator, Pelican's theme step and the search index write into.
BOARD_FOLDERS = frozenset({
    "placements", "employers", "stories", "search", "for-employers", "schemas", "feeds", "page",
    "theme", "pagefind", "alerts", "insights",
})


def board_folders(vocabularies: dict[str, Vocabulary]) -> frozenset[str]:
    """Every top-level folder of the built site that is not a page's: the fixed ones and each facet's."""
    return BOARD_FOLDERS | {facet.path.split("/")[0] for facet in facets(vocabularies)}
