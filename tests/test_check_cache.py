"""The checks cache: a build that uses it is byte for byte the build a clean one makes, and
anything a listing's checks depend on starts it afresh."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from returnboard.content.board import read_board
from returnboard.content.check_cache import CheckCache
from returnboard.kept import STORE, Shelf
from returnboard.settings import BoardSettings
from tests.boardtools import ROOT, listing, run_board, write_content


def kept(cache: Path, shelf: str) -> list[str]:
    """The keys on one of the store's shelves, or on every shelf whose name starts with `shelf`."""
    with sqlite3.connect(cache / STORE) as store:
        return [key for (key,) in store.execute("SELECT key FROM kept WHERE shelf LIKE ?", (f"{shelf}%",))]


def shelves(cache: Path, prefix: str) -> set[str]:
    with sqlite3.connect(cache / STORE) as store:
        return {name for (name,) in store.execute("SELECT DISTINCT shelf FROM kept WHERE shelf LIKE ?", (f"{prefix}%",))}


def files_in(site: Path) -> dict[str, bytes]:
    """Every file, but Pagefind's filter shards and the files that name them (its meta and entry):
    those differ between two clean builds too, as Pagefind's own order of filters is not fixed."""
    return {name: path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and not (name := str(path.relative_to(site))).startswith(
                ("pagefind/filter/", "pagefind/pagefind-entry.json")) and not name.endswith(".pf_meta")}


def test_a_cached_build_is_byte_identical_to_a_clean_one(tmp_path):
    cache = tmp_path / "cache"
    for site in ("clean", "cached"):
        result = run_board("build", "--content", str(ROOT / "content"), "--output", str(tmp_path / site),
                           env={"BOARD_CACHE": str(cache)})
        assert result.returncode == 0, result.stderr
    assert kept(cache, "checks/"), "the first build remembered nothing"
    clean, cached = files_in(tmp_path / "clean"), files_in(tmp_path / "cached")
    assert list(clean) == list(cached)
    assert [name for name in clean if clean[name] != cached[name]] == []


def settings(cache: Path, today: str = "2026-11-22") -> BoardSettings:
    return BoardSettings.from_settings({"BOARD_TODAY": today, "BOARD_WORKERS": 1, "BOARD_CACHE": cache})


def versions(cache: Path) -> set[str]:
    return shelves(cache, "checks/")


def test_a_remembered_listing_is_checked_again_when_what_it_depends_on_changes(tmp_path):
    content = write_content(tmp_path / "content", {"role": listing()})
    cache = tmp_path / "cache"
    assert not read_board(content, settings(cache)).errors
    first = versions(cache)
    # A change to the file itself is a new entry, checked afresh.
    path = content / "placements" / "role.yaml"
    path.write_text(path.read_text().replace("employer: ", "employer: nobody-"))
    assert read_board(content, settings(cache)).errors
    assert versions(cache) == first
    # Another "today", or a changed employer, starts the cache afresh, leaving one version only.
    read_board(content, settings(cache, "2026-11-23"))
    assert len(versions(cache)) == 1 and versions(cache) != first
    second = versions(cache)
    employer = next((content / "employers").glob("*.yaml"))
    employer.write_text(employer.read_text() + "\n")
    read_board(content, settings(cache, "2026-11-23"))
    assert len(versions(cache)) == 1 and versions(cache) != second


def test_a_rebuild_keeps_the_search_index_only_while_its_pages_are_the_same(tmp_path):
    output = tmp_path / "site"

    def build_and_index():
        result = run_board("build", "--content", str(ROOT / "content"), "--output", str(output),
                           env={"BOARD_CACHE": str(tmp_path / "cache")})
        assert result.returncode == 0, result.stderr
        return (output / "pagefind" / "pagefind-entry.json").stat().st_ino

    first = build_and_index()
    assert build_and_index() == first  # the same file, linked from the previous site
    # Another day changes what listings say (days left), so the index is made again.
    result = run_board("build", "--content", str(ROOT / "content"), "--output", str(output),
                       today="2026-11-30", env={"BOARD_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert (output / "pagefind" / "pagefind-entry.json").stat().st_ino != first


def test_an_index_the_board_did_not_build_is_never_reused(tmp_path):
    """A previous site's folder may hold files a pull request added: its pagefind.js is not taken."""
    output, cache = tmp_path / "site", tmp_path / "cache"

    def build():
        result = run_board("build", "--content", str(ROOT / "content"), "--output", str(output),
                           env={"BOARD_CACHE": str(cache)})
        assert result.returncode == 0, result.stderr

    build()
    script = output / "pagefind" / "pagefind.js"
    script.write_text(script.read_text(encoding="utf-8") + "\nfetch('https://evil.example/');\n", encoding="utf-8")
    build()
    assert "evil.example" not in script.read_text(encoding="utf-8")
    # With no record outside the project of what was built, nothing is reused either.
    with sqlite3.connect(cache / STORE) as store:
        store.execute("DELETE FROM kept WHERE shelf IN ('search-index', 'builds')")
    first = (output / "pagefind" / "pagefind-entry.json").stat().st_ino
    build()
    assert (output / "pagefind" / "pagefind-entry.json").stat().st_ino != first


def test_a_cache_folder_inside_the_project_is_never_read_or_written(tmp_path):
    """A pull request could add files there: an entry planted for a hostile listing would skip its checks."""
    planted = ROOT / ".cache-planted-by-a-pull-request"
    try:
        content = write_content(tmp_path, {"role": listing(description="<script>alert(1)</script> " + "A role. " * 10)})
        path = content / "placements" / "role.yaml"
        elsewhere = tmp_path / "cache"
        version = CheckCache(elsewhere, "any")
        version.put(path, path.read_bytes(), "a result that says the listing passed")
        version.flush()
        version.shelf.store.close()  # everything in the one file, none of it in SQLite's log
        assert CheckCache(elsewhere, "any").get({path: path.read_bytes()}), "the planted store holds the entry"
        planted.mkdir()
        shutil.copy(elsewhere / STORE, planted / STORE)
        cache = CheckCache(planted, "any")
        assert cache.get({path: path.read_bytes()}) == {}
        board = read_board(content, settings(planted))
        assert "<script" not in board.placements[0].description_html
        assert [file.name for file in planted.rglob("*")] == [STORE], "nothing written"
        assert (planted / STORE).read_bytes() == (elsewhere / STORE).read_bytes()
    finally:
        shutil.rmtree(planted, ignore_errors=True)


def test_a_kept_calendar_is_the_one_its_listing_makes_now(tmp_path):
    cache, output = tmp_path / "cache", tmp_path / "site"

    def build(title: str) -> bytes:
        content = write_content(tmp_path / "board", {"role": listing(title=title), "other": listing(title="Other role")})
        result = run_board("build", "--content", str(content), "--output", str(output), env={"BOARD_CACHE": str(cache)})
        assert result.returncode == 0, result.stderr
        return (output / "placements" / "role" / "closing-date.ics").read_bytes()

    first = build("Test engineer returnship")
    assert len(kept(cache, "calendars")) == 4  # each listing's calendar and closing event
    assert build("Test engineer returnship") == first
    changed = build("Bridge engineer returnship")
    assert b"Bridge engineer returnship" in changed and b"Test engineer" not in changed
    assert len(kept(cache, "calendars")) == 4, "the calendar no listing makes now is dropped"


def test_calendars_are_never_kept_inside_the_project():
    assert not Shelf(ROOT / ".cache", "calendars").enabled
    assert not Shelf(None, "calendars").enabled


def test_a_damaged_store_is_started_again(tmp_path):
    """A cache file that is not a database (a disk fault, a crash) costs one clean build, never an error."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / STORE).write_bytes(b"not a database, only text where SQLite's header should be" * 4)
    result = run_board("build", "--content", str(ROOT / "content"), "--output", str(tmp_path / "site"),
                       env={"BOARD_CACHE": str(cache)})
    assert result.returncode == 0, result.stderr
    assert kept(cache, "checks/") and kept(cache, "pages")
