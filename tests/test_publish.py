"""Publishing: the public settings, and copying the built site elsewhere."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from tests.boardtools import ROOT, build, listing, run_board, write_content
from tests.htmltools import parse

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_publish_settings_use_the_public_address(tmp_path):
    output = tmp_path / "output"
    result = build(write_content(tmp_path, {"role": listing()}), output, settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    html = parse((output / "placements" / "role" / "index.html").read_text())
    assert [link["href"] for link in html.head.select('link[rel~="canonical"]')] == \
        ["https://returntostem.org.uk/placements/role/"]
    feed = ElementTree.parse(output / "feeds" / "all.atom.xml").getroot()
    (entry,) = feed.findall(f"{ATOM}entry")
    assert [link.get("href") for link in entry.findall(f"{ATOM}link")] == \
        ["https://returntostem.org.uk/placements/role/"]


def test_deploy_to_a_folder_replaces_it_whole(tmp_path):
    output = tmp_path / "output"
    assert build(write_content(tmp_path, {"role": listing()}), output).returncode == 0
    target = tmp_path / "www"
    target.mkdir()
    (target / "stale.html").write_text("old")
    result = run_board("deploy", "--site", output, target)
    assert result.returncode == 0, result.stderr
    assert (target / "placements" / "role" / "index.html").is_file()
    assert not (target / "stale.html").exists()


def test_deploy_refuses_a_folder_with_no_site(tmp_path):
    result = run_board("deploy", "--site", tmp_path / "nothing", tmp_path / "www")
    assert result.returncode != 0
    assert "holds no built site" in result.stderr
    assert not (tmp_path / "www").exists()


def ghp_import_command(output: Path) -> list[str]:
    """The ghp-import command of `make publish-ghp`, as make would run it, on this site folder."""
    recipe = subprocess.run(["make", "--no-print-directory", "-n", "publish-ghp", f"OUTPUT={output}",
                             f"BIN={Path(sys.executable).parent}"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    (command,) = [words for words in map(shlex.split, recipe.splitlines())
                  if words and Path(words[0]).name == "ghp-import"]
    return command


def git(*args, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_publish_ghp_pushes_the_site_to_the_gh_pages_branch(tmp_path):
    output = tmp_path / "output"
    assert build(write_content(tmp_path, {"role": listing()}), output).returncode == 0
    # A clone whose origin is a bare repository here, so the push goes no further.
    remote, clone = tmp_path / "remote.git", tmp_path / "clone"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q", str(clone), cwd=tmp_path)
    git("remote", "add", "origin", str(remote), cwd=clone)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(ghp_import_command(output), cwd=clone, env=env, check=True, timeout=120)
    published = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    built = {str(path.relative_to(output)) for path in output.rglob("*") if path.is_file()}
    assert "placements/role/index.html" in built
    # Pages must serve the folder as it is: no Jekyll, so nothing starting with _ is dropped.
    assert published == built | {".nojekyll"}


def test_sitemap_lists_open_listings_only_at_the_public_address(tmp_path):
    output = tmp_path / "output"
    content = write_content(tmp_path, {"open-role": listing(),
                                       "closed-role": listing(title="Old role", posted="2026-05-01",
                                                              closes="2026-06-01")})
    assert build(content, output, settings="publishconf.py").returncode == 0
    sitemap = (output / "sitemap.xml").read_text()
    urls = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in ElementTree.fromstring(sitemap).findall(f"{SITEMAP}url")}
    assert urls["https://returntostem.org.uk/placements/open-role/"] == "2026-11-01"
    assert all(address.startswith("https://returntostem.org.uk/") for address in urls)
    assert "closed-role" not in sitemap
    assert "Sitemap: https://returntostem.org.uk/sitemap.xml" in (output / "robots.txt").read_text()
