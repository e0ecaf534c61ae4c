"""Pages, feeds and calendars kept between builds: a rebuild after any change is, byte for byte,
the build a clean one makes, and a listing page kept by its own listing cannot read the board's figures."""

from __future__ import annotations

import shutil

import pytest

from returnboard.cli.build import render_site, site_settings
from returnboard.site.generator import PageFailed
from tests.boardtools import ROOT, SAMPLE_TODAY, run_board
from tests.test_check_cache import files_in, kept as kept_keys


def build(content, output, cache):
    result = run_board("build", "--content", str(content), "--output", str(output), env={"BOARD_CACHE": str(cache)})
    assert result.returncode == 0, result.stderr


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_after_each_kind_of_change_is_the_clean_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    kept, site = tmp_path / "cache", tmp_path / "site"
    build(content, site, kept)
    assert kept_keys(kept, "pages") and kept_keys(kept, "feeds")
    placements = sorted((content / "placements").glob("*.yaml"))
    # One at a time: each changes what a different part of the kept files' keys must catch.
    changes = [
        # One listing's words, on its own page only.
        lambda: edit(placements[0], "description: |\n", "description: |\n  Interviews are online.\n\n"),
        # A listing gone, which changes every count.
        lambda: placements[-1].unlink(),
        # A story's title, which listing pages show when they name it as related.
        lambda: edit(content / "stories" / "a-year-out-for-my-mental-health.md", "title: A year out",
                     "title: Twelve months out"),
        # An employer's name, which its listings and feeds show.
        lambda: edit(content / "employers" / "bankside-data-labs.yaml", "name: Bankside Data Labs",
                     "name: Bankside Data Laboratories"),
    ]
    for number, change in enumerate(changes):
        change()
        build(content, site, kept)
        build(content, tmp_path / f"clean-{number}", tmp_path / f"empty-{number}")
        rebuilt, clean = files_in(site), files_in(tmp_path / f"clean-{number}")
        assert list(rebuilt) == list(clean)
        assert [name for name in clean if clean[name] != rebuilt[name]] == []


def test_a_listing_page_that_reads_a_board_wide_figure_stops_the_build(tmp_path):
    """It would be kept while the figure changed; the build says why instead."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    edit(theme / "templates" / "placement.html", "{% block content %}", "{% block content %}{{ facet_counts }}")
    settings = site_settings(str(ROOT / "pelicanconf.py"), tmp_path / "site", str(ROOT / "content"),
                             {"BOARD_TODAY": SAMPLE_TODAY, "THEME": str(theme), "BOARD_CACHE": str(tmp_path / "cache")})
    with pytest.raises(PageFailed, match="reads `facet_counts`, a figure of the whole board"):
        render_site(settings, tmp_path / "site")


def test_a_changed_template_or_setting_renders_kept_pages_again(tmp_path):
    theme, cache = tmp_path / "theme", tmp_path / "cache"
    shutil.copytree(ROOT / "theme", theme)

    def listing_page(**overrides) -> str:
        output = tmp_path / "site"
        settings = site_settings(str(ROOT / "pelicanconf.py"), output, str(ROOT / "content"),
                                 {"BOARD_TODAY": SAMPLE_TODAY, "THEME": str(theme), "BOARD_CACHE": str(cache),
                                  **overrides})
        render_site(settings, output)
        return next((output / "placements").glob("*/index.html")).read_text(encoding="utf-8")

    assert "Kept or not" not in listing_page()
    assert kept_keys(cache, "pages")
    edit(theme / "templates" / "placement.html", "{% block content %}", "{% block content %}<p>Kept or not</p>")
    assert "Kept or not" in listing_page()
    assert "https://returners.example" not in listing_page()
    assert "https://returners.example" in listing_page(SITEURL="https://returners.example")
