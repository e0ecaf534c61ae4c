"""Whether web addresses still answer: HEAD first, then GET when HEAD is refused; redirects
followed up to a limit; a timeout on every request; and at most a few requests at a time to any
one host, so that checking a board never burdens an employer's site."""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_REDIRECTS = 5
TIMEOUT = 15.0  # seconds without a byte from the server
PER_HOST = 2
WORKERS = 8
USER_AGENT = "ReturnToSTEM-link-check/1 (+https://github.com/return-to-stem/board)"
# Answers that say the page may well be there but turned the checker away; a person should look.
UNSURE = {401, 403, 429}


@dataclass(frozen=True)
class Result:
    url: str
    problem: str | None = None  # what went wrong, in words; None when the link works
    unsure: bool = False  # it answered, but refused an automatic checker

    @property
    def dead(self) -> bool:
        return self.problem is not None and not self.unsure


class TooManyRedirects(Exception):
    pass


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, keeping HEAD as HEAD, and says so when there are more."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        visited = getattr(req, "redirect_dict", {})
        location = headers.get("location") or headers.get("uri")
        problem = f"more than {MAX_REDIRECTS} redirects" if len(visited) >= self.max_redirections else \
            "redirects in a loop" if location and visited.get(urllib.parse.urljoin(req.full_url, location)) else None
        if problem:
            fp.close()
            raise TooManyRedirects(problem)
        return super().http_error_302(req, fp, code, msg, headers)

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        # Python's handler turns every redirect into a GET; a HEAD should stay a HEAD.
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_opener = urllib.request.build_opener(_Redirects())


def _request(url: str, method: str, timeout: float) -> int:
    """The final status after redirects; HTTPError for an error status."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    with _opener.open(request, timeout=timeout) as response:  # the body is never read
        return response.status


def _problem(error: BaseException, timeout: float) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"answered {error.code} {error.reason}"
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TooManyRedirects):
        return str(reason)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, socket.gaierror):
        return "its host name is not found"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"its certificate is not valid ({reason.verify_message})"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection is refused"
    if isinstance(reason, (http.client.HTTPException, OSError, ValueError)):
        return f"the connection failed ({type(reason).__name__}: {reason})"
    raise error


def check(url: str, timeout: float = TIMEOUT) -> Result:
    """One address: HEAD, and GET if HEAD gets an error status (many servers refuse HEAD)."""
    try:
        _request(url, "HEAD", timeout)
        return Result(url)
    except urllib.error.HTTPError as error:
        error.close()
    except (urllib.error.URLError, TooManyRedirects, OSError, http.client.HTTPException, ValueError) as error:
        return Result(url, _problem(error, timeout))
    try:
        _request(url, "GET", timeout)
        return Result(url)
    except urllib.error.HTTPError as error:
        error.close()
        return Result(url, _problem(error, timeout), unsure=error.code in UNSURE)
    except (urllib.error.URLError, TooManyRedirects, OSError, http.client.HTTPException, ValueError) as error:
        return Result(url, _problem(error, timeout))


class _HostLimits:
    """A semaphore per host, made on first use."""

    def __init__(self, per_host: int):
        self.per_host = per_host
        self.lock = threading.Lock()
        self.semaphores: dict[str, threading.Semaphore] = {}

    def __call__(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            return self.semaphores.setdefault(host, threading.Semaphore(self.per_host))


def check_all(urls, timeout: float = TIMEOUT, per_host: int = PER_HOST, workers: int = WORKERS) -> dict[str, Result]:
    """Each distinct address checked once, several hosts at a time, at most `per_host` requests to each."""
    limit = _HostLimits(per_host)

    def polite(url: str) -> Result:
        with limit(url):
            return check(url, timeout)

    distinct = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(distinct, pool.map(polite, distinct)))
