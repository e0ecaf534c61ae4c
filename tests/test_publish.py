"""Publishing: the public settings, and copying the built site elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.boardtools import build, listing, run_board, write_content


def test_publish_settings_use_the_public_address(tmp_path):
    output = tmp_path / "output"
    result = build(write_content(tmp_path, {"role": listing()}), output, settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    html = (output / "placements" / "role" / "index.html").read_text()
    assert '<link rel="canonical" href="https://returntostem.org.uk/placements/role/">' in html
    assert "https://returntostem.org.uk/placements/role/" in (output / "feeds" / "all.atom.xml").read_text()


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


def test_ghp_import_puts_the_site_on_a_gh_pages_branch(tmp_path):
    output = tmp_path / "output"
    assert build(write_content(tmp_path, {"role": listing()}), output).returncode == 0
    repo = tmp_path / "repo"
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    ghp_import = Path(sys.executable).parent / "ghp-import"
    subprocess.run([str(ghp_import), "--no-jekyll", "-b", "gh-pages", str(output)], cwd=repo, env=env, check=True)
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=repo,
                           capture_output=True, text=True, check=True).stdout.split()
    assert "placements/role/index.html" in files and ".nojekyll" in files


def test_sitemap_lists_open_listings_only_at_the_public_address(tmp_path):
    output = tmp_path / "output"
    content = write_content(tmp_path, {"open-role": listing(),
                                       "closed-role": listing(title="Old role", posted="2026-05-01",
                                                              closes="2026-06-01")})
    assert build(content, output, settings="publishconf.py").returncode == 0
    sitemap = (output / "sitemap.xml").read_text()
    assert "<loc>https://returntostem.org.uk/placements/open-role/</loc><lastmod>2026-11-01</lastmod>" in sitemap
    assert "closed-role" not in sitemap
    assert "Sitemap: https://returntostem.org.uk/sitemap.xml" in (output / "robots.txt").read_text()
