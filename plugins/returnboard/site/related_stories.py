"""Which returner story to show beside a listing: same employer, else same sector, else same region."""

from __future__ import annotations

from collections import defaultdict


class StoryFinder:
    """Indexes stories once, so that finding one for each listing costs a few lookups."""

    def __init__(self, stories):
        self.by_employer = defaultdict(list)
        self.by_sector = defaultdict(list)
        self.by_region = defaultdict(list)
        for story in stories:  # newest first, so the first match is the freshest
            if story.employer:
                self.by_employer[story.employer.id].append(story)
            for sector in story.sectors:
                self.by_sector[sector.id].append(story)
            self.by_region[story.region.id].append(story)

    def for_placement(self, placement):
        """The most relevant story for a listing, or None."""
        candidates = [self.by_employer[placement.employer.id]]
        candidates += [self.by_sector[sector.id] for sector in placement.sectors]
        candidates += [self.by_region[region.id] for region in placement.regions]
        return next((stories[0] for stories in candidates if stories), None)
