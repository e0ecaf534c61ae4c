"""Decide which board pages exist (listings, lists, facets, employers, search, its own pages) and write them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from pelican.generators import Generator

from ..content.board import read_board
from ..content.data_files import load_postcode_districts
from ..content.gazetteer import load_gazetteer
from ..content.problems import BoardError, BoardInvalid
from ..content.schema_check import load_schema
from ..digests import add_folder, add_settings
from ..domain.models import counted, regions_of_the_uk
from ..domain.vocabularies import facets, filter_vocabularies, vocabularies_schema
from ..kept import Shelf
from ..parallel import WorkerDied, parallel_map
from ..settings import BoardSettings, inside_project
from .blank import Blank
from .calendars import calendar_url, write_calendars
from .feeds import FEED_LIMIT, board_feeds, feed_key, write_feeds
from .insights import board_figures, insights_context
from .job_posting import job_posting
from .open_data import SCHEMA_NAME as OPEN_DATA_SCHEMA, write_open_data
from .pagination import paginate
from .photos import publish_photo
from .places_file import write_places_file
from .regional_csv import write_regions_csv
from .related_stories import StoryFinder
from .reports import report_url
from .summaries import (
    FRONT_CLOSING_SOON,
    facet_counts,
    region_chart,
    region_towns,
    search_filters,
    story_filter,
)


# Listing pages are kept between builds by their own placement's fingerprint alone, so they may
# not read these figures of the whole board, which any other listing changes.
BOARD_WIDE = ("board", "open_placements", "facet_counts", "region_chart", "region_towns", "search_filters",
              "closing_soon", "regional", "ranked_chart", "hex_map")
KEPT_TEMPLATES = ("placement",)
RENDER_BATCH = 2000  # pages rendered before they are written: a large board's pages are never all in memory


class PageFailed(BoardError):
    """A page could not be rendered."""


class BoardWide:
    """Stands in for a board-wide figure on a page kept by its own placement: reading it stops the
    build with an explanation, so such a page can never be kept after the figure has changed."""

    def __init__(self, name: str):
        self._name = name

    def _refuse(self, *_):
        raise PageFailed(f"a listing page reads `{self._name}`, a figure of the whole board; listing pages "
                         "are kept between builds by their own listing, so give them only what it decides")

    __getattr__ = __getitem__ = __iter__ = __len__ = __bool__ = __str__ = __html__ = __call__ = _refuse


class PreRendered:
    """A page already rendered in a worker, handed to Pelican's Writer as if it were a template."""

    def __init__(self, html: str):
        self.html = html

    def render(self, context) -> str:
        return self.html


class BoardGenerator(Generator):
    """Reads the board in generate_context, writes its pages in generate_output."""

    def generate_context(self):
        self.board_settings = BoardSettings.from_settings(self.settings)
        self.keep_compiled_templates(self.board_settings.cache_path / "templates")
        self.board = read_board(Path(self.path), self.board_settings)
        vocabularies = self.board.vocabularies
        if self.board.errors:
            raise BoardInvalid(self.board.problems)
        self.open_placements = [p for p in self.board.placements if p.is_open]
        self.closing_soon = sorted((p for p in self.open_placements if p.closes_soon),
                                   key=lambda p: (p.closes, p.title))
        self.facets = facets(vocabularies)
        self.story_facets = [vocabularies["regions"], vocabularies["types"]]
        self.story_groups = {facet.key: self.stories_by_term(facet) for facet in self.story_facets}
        self.members = {facet.key: self.facet_members(facet) for facet in self.facets}
        self.feeds = board_feeds(self.open_placements, self.facets, self.members)
        counts = {facet.key: facet_counts(facet, self.members[facet.key]) for facet in self.facets}
        self.regional = board_figures(self.board, self.board_settings.data_path)
        self._placement_card = self.get_template("components/placement_card").module.placement_card
        self._cards: dict[str, Markup] = {}
        self.context.update(
            board=self.board,
            vocabularies=vocabularies,
            facets=self.facets,
            facet_counts=counts,
            region_chart=region_chart(counts["regions"]),
            region_towns=region_towns(self.members["regions"]),
            search_filters=search_filters(filter_vocabularies(vocabularies), self.open_placements),
            filter_vocabularies=filter_vocabularies(vocabularies),
            open_placements=self.open_placements,
            closing_soon=self.closing_soon[:FRONT_CLOSING_SOON],
            card=self.card,
            counted=counted,
            blank=Blank(),
            stories=self.board.stories,
            featured_story=next(iter(self.board.stories), None),
            story_filters=[story_filter(facet, self.story_groups[facet.key]) for facet in self.story_facets],
            story_for=StoryFinder(self.board.stories).for_placement,
            job_posting=lambda placement: job_posting(placement, self.settings["SITEURL"], self.settings["SITENAME"]),
            calendar_url=calendar_url,
            report_url=lambda placement: report_url(self.settings.get("REPOSITORY_URL", ""), self.settings["SITEURL"],
                                                    placement),
            feed_for=lambda term=None: self.feeds[feed_key(term)],
            **insights_context(self.regional),
        )

    def keep_compiled_templates(self, folder: Path) -> None:
        """Jinja's compiled templates, kept between builds by their source's hash; compiled code is
        run as it is, so never from a folder inside the project."""
        if inside_project(folder):
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        self.env.bytecode_cache = FileSystemBytecodeCache(str(folder))

    def card(self, placement) -> Markup:
        """A placement's card, rendered once however many lists show it."""
        html = self._cards.get(placement.slug)
        if html is None:
            html = self._cards[placement.slug] = self._placement_card(placement, self.settings["SITEURL"])
        return html

    def render(self, page: tuple) -> bytes:
        """One page's HTML, with the variables Pelican's Writer would give its template."""
        save_as, template, url, variables = page
        context = dict(self.context, localsiteurl=self.context.get("localsiteurl"), output_file=save_as,
                       **variables)
        if template in KEPT_TEMPLATES:
            context.update((name, BoardWide(name)) for name in BOARD_WIDE)
        return self.get_template(template).render(context).encode()

    def site_version(self) -> str:
        """What every page and feed depends on besides its placements: the code, schemas, data,
        employers and today (the board's version), the settings, the theme and the content but listings."""
        digest = hashlib.sha256(self.board.version.encode())
        add_settings(digest, self.settings)
        add_folder(digest, Path(self.settings["THEME"]))
        add_folder(digest, Path(self.path), skip=Path(self.path) / "placements")
        return digest.hexdigest()

    def made_from(self, version: str, *names: str, placements=()) -> str:
        """The key of a file made from these placements alone, with the names that set it apart."""
        parts = [version, *names, *(self.board.fingerprints[placement.slug] for placement in placements)]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def kept_key(self, page: tuple, version: str) -> str | None:
        """The key a page is kept under between builds, if it is made from its placement alone."""
        save_as, template, url, variables = page
        if template not in KEPT_TEMPLATES:
            return None
        return self.made_from(version, save_as, placements=[variables["placement"]])

    def list_pages(self, template: str, base_url: str, items: list, **variables):
        for page in paginate(items, base_url):
            yield page.save_as, template, page.url, dict(variables, page=page)

    def pages(self):
        """Every page of the board, as (save_as, template, url, variables)."""
        for placement in self.board.placements:
            yield f"{placement.url}index.html", "placement", placement.url, {"placement": placement}
        yield from self.list_pages("index", "", self.open_placements)
        for facet in self.facets:
            yield from self.facet_pages(facet)
        yield from self.employer_pages()
        yield from self.story_pages()
        for page in self.board.pages:
            yield f"{page.url}index.html", "page", page.url, {"page": page}
        for feed in self.feeds.values():
            yield f"{feed.alerts_url}index.html", "alerts", feed.alerts_url, {"feed": feed}
        yield "search/index.html", "search", "search/", {}
        yield "for-employers/index.html", "for_employers", "for-employers/", {}
        yield "insights/index.html", "insights", "insights/", {}
        yield "schemas/index.html", "schemas", "schemas/", {"schemas": self.published_schemas()}
        yield "404.html", "404", "404.html", {}
        # Closed listings stay out, so search engines drop them as they close.
        yield "sitemap.xml", "sitemap.xml", "sitemap.xml", {}
        yield "robots.txt", "robots.txt", "robots.txt", {}

    def generate_output(self, writer):
        """Take kept pages, render the rest over every core, in batches; write every page through
        Pelican's Writer, so its signals and guards see all."""
        pages = list(self.pages())
        kept = Shelf(self.board_settings.cache_path, "pages")
        version = self.site_version()
        keys = [self.kept_key(page, version) for page in pages]
        for start in range(0, len(pages), RENDER_BATCH):
            batch = range(start, min(start + RENDER_BATCH, len(pages)))
            found = kept.get([keys[index] for index in batch if keys[index]])
            html = {index: found.get(keys[index]) for index in batch}
            wanted = [index for index in batch if html[index] is None]
            try:
                html.update(zip(wanted, parallel_map(lambda index: self.render(pages[index]), wanted,
                                                     self.board_settings.workers)))
            except WorkerDied as died:
                raise PageFailed(f"rendering {pages[wanted[died.index]][0]} stopped a worker "
                                 f"(exit code {died.exitcode})") from None
            for index in wanted:
                if keys[index]:
                    kept.keep(keys[index], html[index])
            for index in batch:
                save_as, template, url, variables = pages[index]
                writer.write_file(save_as, PreRendered(html[index].decode()), self.context, url=url,
                                  template_name=template, **variables)
        kept.keep_only(filter(None, keys))
        self.copy_story_photos()
        self.write_schemas()
        self.write_places()
        write_feeds(self.settings, self.output_path, self.feeds,
                    {key: self.made_from(version, key, feed.topic, feed.page_url,
                                         placements=feed.placements[:FEED_LIMIT])
                     for key, feed in self.feeds.items()},
                    Shelf(self.board_settings.cache_path, "feeds"))
        write_calendars(self.settings, self.output_path, self.open_placements,
                        [self.made_from(version, "calendar", placements=[placement])
                         for placement in self.open_placements],
                        self.board_settings.workers, Shelf(self.board_settings.cache_path, "calendars"))
        write_open_data(self.settings, self.output_path, self.board.placements, self.board_settings.today)
        write_regions_csv(self.output_path, self.regional)

    def facet_pages(self, facet):
        members = self.members[facet.key]
        yield f"{facet.url}index.html", "facet_index", facet.url, {"facet": facet}
        for term in facet:
            yield from self.list_pages("facet", term.url, members[term.id], facet=facet, term=term)

    def facet_members(self, facet) -> dict[str, list]:
        """Open placements under each value of a facet, in one pass over the board
        (a UK-wide one under every region: Placement.listed_under)."""
        members = {term.id: [] for term in facet}
        for placement in self.open_placements:
            for term in placement.listed_under(facet):
                members[term.id].append(placement)
        return members

    def employer_pages(self):
        employers = sorted(self.board.employers.values(), key=lambda e: e.name.lower())
        yield from self.list_pages("employers", "employers/", employers)
        for employer in employers:
            yield from self.list_pages("employer", employer.url, employer.open_placements, employer=employer)

    def stories_by_term(self, facet) -> dict[str, list]:
        """The stories under each value of a facet, newest first, in one pass."""
        groups = {term.id: [] for term in facet}
        for story in self.board.stories:
            for term in story.terms(facet.key):
                groups[term.id].append(story)
        return groups

    def story_pages(self):
        stories = self.board.stories
        yield from self.list_pages("stories", "stories/", stories, term=None)
        for facet in self.story_facets:
            for term in facet:
                yield from self.list_pages("stories", f"stories/{facet.path}/{term.id}/",
                                           self.story_groups[facet.key][term.id], facet=facet, term=term)
        for story in stories:
            yield f"{story.url}index.html", "story", story.url, {"story": story}

    def copy_story_photos(self):
        """Each story's photo, checked when it was read, published without its metadata."""
        for story in self.board.stories:
            if story.photo:
                publish_photo(Path(self.path) / "stories" / story.photo.src,
                              Path(self.output_path) / story.url / story.photo.src)

    def write_places(self):
        """What search's "Near" box needs to find a typed town or postcode district."""
        write_places_file(Path(self.output_path) / "search" / "places.json",
                          load_gazetteer(self.board_settings.data_path),
                          load_postcode_districts(self.board_settings.data_path),
                          [term.id for term in regions_of_the_uk(self.board.vocabularies["regions"])])

    def published_schemas(self) -> dict[str, dict]:
        """The schemas published under /schemas/, by name; each says what it is for."""
        return {
            "placement": load_schema("placement"),
            "employer": load_schema("employer"),
            "story": load_schema("story"),
            "vocabularies": vocabularies_schema(self.board.vocabularies),
            OPEN_DATA_SCHEMA: load_schema(OPEN_DATA_SCHEMA),
        }

    def write_schemas(self):
        """Publish the schemas so that editors can check a listing as it is typed."""
        folder = Path(self.output_path) / "schemas"
        folder.mkdir(parents=True, exist_ok=True)
        for name, schema in self.published_schemas().items():
            (folder / f"{name}.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")
