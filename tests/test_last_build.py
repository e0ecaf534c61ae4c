"""A rebuild with nothing changed stops at once; any change to what a build reads, or to the
output it wrote, builds again."""

from __future__ import annotations

from returnboard.cli.last_build import LastBuild
from tests.boardtools import ROOT, listing, run_board, write_content

UP_TO_DATE = "Nothing has changed since the last build"


def build(content, output, cache, today="2026-11-22"):
    result = run_board("build", "--content", str(content), "--output", str(output), today=today,
                       env={"BOARD_CACHE": str(cache)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_rebuild_of_the_same_inputs_into_an_untouched_output_does_nothing(tmp_path):
    content = write_content(tmp_path / "board", {"role": listing(title="Test engineer returnship")})
    output, cache = tmp_path / "site", tmp_path / "cache"
    assert UP_TO_DATE not in build(content, output, cache)
    page = output / "placements" / "role" / "index.html"
    before = page.stat()
    assert UP_TO_DATE in build(content, output, cache)
    assert (page.stat().st_ino, page.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_changed_listing_another_day_or_a_touched_output_builds_again(tmp_path):
    content = write_content(tmp_path / "board", {"role": listing(title="Test engineer returnship")})
    output, cache = tmp_path / "site", tmp_path / "cache"
    build(content, output, cache)
    page = output / "placements" / "role" / "index.html"

    write_content(tmp_path / "board", {"role": listing(title="Bridge engineer returnship")})
    assert UP_TO_DATE not in build(content, output, cache)
    assert "Bridge engineer returnship" in page.read_text(encoding="utf-8")

    assert UP_TO_DATE not in build(content, output, cache, today="2026-11-23")

    # A file changed or added in the output since (a pull request's, say) is built over.
    page.write_text("<p>planted</p>", encoding="utf-8")
    assert UP_TO_DATE not in build(content, output, cache, today="2026-11-23")
    assert "planted" not in page.read_text(encoding="utf-8")
    (output / "planted.html").write_text("<p>planted</p>", encoding="utf-8")
    assert UP_TO_DATE not in build(content, output, cache, today="2026-11-23")
    assert not (output / "planted.html").exists()


def test_a_record_inside_the_project_is_never_used(tmp_path):
    """A pull request could add a record there that matches its own output."""
    assert not LastBuild(ROOT / ".cache", tmp_path / "site").shelf.enabled
    assert not LastBuild(ROOT / ".cache", tmp_path / "site").is_current("any")
