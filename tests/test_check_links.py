"""`make check-links`: dead apply links and employers' websites found, against real local servers."""

from __future__ import annotations

import socket

import pytest

from returnboard.cli.link_checker import MAX_REDIRECTS, check, check_all
from tests.boardtools import EMPLOYER, listing, run_board, write_content
from tests.linkservers import Site, self_signed, serve, with_tls


@pytest.fixture
def site():
    server = Site()
    serve(server)
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def test_a_live_page_is_live_and_asked_for_with_head_only(site):
    result = check(f"{site.base}/live")
    assert result.problem is None and not result.dead
    assert site.requests == [("HEAD", "/live")]


def test_a_server_that_refuses_head_is_asked_again_with_get(site):
    assert check(f"{site.base}/no-head").problem is None
    assert site.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_missing_page_is_dead_after_head_and_get(site):
    result = check(f"{site.base}/gone")
    assert result.dead and result.problem == "answered 404 Not Found"
    assert [method for method, _ in site.requests] == ["HEAD", "GET"]


def test_a_page_that_turns_checkers_away_is_for_a_person_to_check(site):
    result = check(f"{site.base}/forbidden")
    assert result.problem == "answered 403 Forbidden" and result.unsure and not result.dead


def test_redirects_are_followed_up_to_the_limit(site):
    assert check(f"{site.base}/hops/{MAX_REDIRECTS}").problem is None
    assert site.requests[-1] == ("HEAD", "/hops/0")
    result = check(f"{site.base}/hops/{MAX_REDIRECTS + 1}")
    assert result.dead and result.problem == f"more than {MAX_REDIRECTS} redirects"


def test_a_redirect_loop_is_dead(site):
    result = check(f"{site.base}/loop")
    assert result.dead and result.problem == "redirects in a loop"
    assert len(site.requests) <= 2 * 2  # noticed at once, with HEAD and with GET


def test_a_server_that_does_not_answer_in_time_is_dead(site):
    result = check(f"{site.base}/slow", timeout=0.5)
    assert result.dead and result.problem == "no answer within 0.5 seconds"


def test_nothing_listening_is_dead():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = check(f"http://127.0.0.1:{port}/")
    assert result.dead and result.problem == "the connection is refused"


def test_each_address_is_checked_once_and_no_host_gets_more_than_two_at_a_time(site):
    urls = [f"{site.base}/busy/{n}" for n in range(8)]
    results = check_all(urls + urls, per_host=2, workers=8)
    assert set(results) == set(urls) and not any(result.problem for result in results.values())
    assert sorted(path for _, path in site.requests) == sorted(f"/busy/{n}" for n in range(8))
    assert site.most_in_flight <= 2


@pytest.fixture
def secure(tmp_path):
    """A site over HTTPS with a certificate made for the test: (the site, its address, the certificate)."""
    cert, key = self_signed(tmp_path)
    served = Site()
    with_tls(served, cert, key)
    serve(served)
    yield served, f"https://127.0.0.1:{served.server_address[1]}", cert
    served.shutdown()
    served.server_close()


def test_the_command_names_each_dead_link_with_its_file_and_writes_the_issue_body(tmp_path, secure):
    served, base, cert = secure
    employer = dict(EMPLOYER, website=f"{base}/live")
    content = write_content(tmp_path / "board", {
        "dead-apply": listing(title="Dead apply link role", apply={"url": f"{base}/gone"}),
        "live-apply": listing(title="Live apply link role", apply={"url": f"{base}/no-head"}),
        "forbidden-apply": listing(title="Forbidden apply link role", apply={"url": f"{base}/forbidden"}),
        "closed": listing(title="Closed role with a dead link", apply={"url": f"{base}/closed-and-gone"},
                          posted="2026-01-01", closes="2026-02-01"),
    }, {"tyne-test-works": employer})
    body = tmp_path / "dead-links.md"
    result = run_board("check-links", "--content", content, "--markdown", body, cwd=tmp_path / "board",
                       env={"SSL_CERT_FILE": str(cert)})
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"content/placements/dead-apply.yaml: apply {base}/gone: answered 404 Not Found",
                     f"content/placements/forbidden-apply.yaml: apply {base}/forbidden: answered 403 Forbidden"
                     " (turned the checker away: check it in a browser)"]
    assert "4 address(es) checked: 1 dead, 1 to check by hand." in result.stderr
    assert not [path for _, path in served.requests if path == "/closed-and-gone"]  # closed: not checked
    text = body.read_text(encoding="utf-8")
    assert f"```text\n{lines[0]}\n```" in text and "found 1 dead link(s)" in text


def test_the_command_passes_when_every_link_works_and_a_bad_certificate_is_dead(tmp_path, secure):
    _, base, cert = secure
    content = write_content(tmp_path / "board", {"role": listing(apply={"url": f"{base}/live"})},
                            {"tyne-test-works": dict(EMPLOYER, website=f"{base}/live")})
    trusted = run_board("check-links", "--content", content, cwd=tmp_path / "board",
                        env={"SSL_CERT_FILE": str(cert)})
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr
    assert trusted.stdout == ""
    # Without the certificate trusted, the same site is refused, as a browser would refuse it.
    untrusted = run_board("check-links", "--content", content, cwd=tmp_path / "board",
                          env={"SSL_CERT_FILE": str(tmp_path / "key.pem")})
    assert untrusted.returncode == 1
    assert "its certificate is not valid" in untrusted.stdout
