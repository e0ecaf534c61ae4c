"""`python -m returnboard serve` (what `make serve` runs) answers as the static host does."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import subprocess
import sys

import pytest

from returnboard.cli.serve import free_port
from tests.boardtools import ROOT

SCHEMAS = ["placement", "employer", "story", "vocabularies", "open-data"]


@pytest.fixture(scope="module")
def served(sample_site):
    """The sample board, served by the real command in its own process: (site folder, port)."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    server = subprocess.Popen([sys.executable, "-m", "returnboard", "serve", "--site", sample_site,
                               "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert f"on http://127.0.0.1:{port}/" in server.stdout.readline()
        yield sample_site, port
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(port: int, path: str, **headers) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_a_missing_address_gets_the_sites_own_404_page(served):
    site, port = served
    response = get(port, "/no-such-page/")
    assert response.status == 404
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.body == (site / "404.html").read_bytes()
    assert b"Page not found" in response.body


def test_a_folder_without_an_index_is_not_listed(served):
    site, port = served
    assert (site / "theme" / "css").is_dir() and not (site / "theme" / "index.html").exists()
    response = get(port, "/theme/")
    assert response.status == 404
    assert response.body == (site / "404.html").read_bytes()  # the page, not a list of files


def test_a_folder_without_its_slash_is_redirected(served):
    _, port = served
    response = get(port, "/schemas")
    assert response.status == 301
    assert response.getheader("Location") == "/schemas/"


def test_nothing_outside_the_site_is_served(served):
    site, port = served
    response = get(port, "/../" + site.name + "/../../../../etc/passwd")
    assert response.status == 404
    assert b"root:" not in response.body


def test_text_is_gzipped_when_the_browser_accepts_it(served):
    site, port = served
    response = get(port, "/", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(response.body) == (site / "index.html").read_bytes()


def test_schemas_page_lists_each_schema_with_what_it_is_for(served):
    _, port = served
    response = get(port, "/schemas/")
    assert response.status == 200
    page = response.body.decode("utf-8")
    assert "<h1>Schemas</h1>" in page
    for name in SCHEMAS:
        published = get(port, f"/schemas/{name}.schema.json")
        assert published.status == 200, name
        schema = json.loads(published.body)
        assert schema["title"] and schema["description"], name
        assert f"<h2>{schema['title']}</h2>" in page
        assert schema["description"].replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;") in page
        assert f'href="/schemas/{name}.schema.json"' in page


def test_serving_a_folder_with_no_site_says_what_to_do(tmp_path):
    result = subprocess.run([sys.executable, "-m", "returnboard", "serve", "--site", tmp_path],
                            env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins")),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "holds no built site: run `make html` first" in result.stderr
