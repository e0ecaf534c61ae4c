"""A minimal Hugo site: its configuration and three templates, written beside the content."""

from __future__ import annotations

from pathlib import Path

CONFIG = """baseURL = "https://example.org/"
title = "Bench"
buildFuture = true
"""
BASE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>
{{ end }}
"""


def write_hugo_site(site: Path) -> None:
    """hugo.toml and the layouts; the listings go in `site`/content/placements/."""
    layouts = site / "layouts"
    layouts.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in (("baseof.html", BASE), ("single.html", SINGLE), ("list.html", LIST)):
        (layouts / name).write_text(text, encoding="utf-8")
