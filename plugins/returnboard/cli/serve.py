"""`python -m returnboard serve`: serve a built board on 127.0.0.1 as the static host does.

It answers a folder with its index.html (never a listing of its files), redirects a folder
asked for without its trailing slash, answers a missing address with the site's own
404.html and status 404, and gzips text as every static host does. The browser tests run
this same server, so the sizes they measure are what people download.
"""

from __future__ import annotations

import gzip
import mimetypes
import posixpath
import socket
import sys
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.problems import BoardError

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
# Pagefind's index files are gzipped already; they go out as they are.
COMPRESS = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
NOT_FOUND = b"Not found\n"


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(BaseHTTPRequestHandler):
    root: Path  # these three are set on the subclass that Site makes
    sent: list | None
    quiet: bool
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the signature http.server calls
        if not self.quiet:
            super().log_message(format, *args)

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _resolve(self) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect) for the request's path."""
        url_path = unquote(urlsplit(self.path).path)
        clean = posixpath.normpath(url_path)
        if clean.startswith("..") or "\x00" in clean:
            return 404, None, None
        target = self.root / clean.lstrip("/")
        if target.is_dir():
            if not url_path.endswith("/"):
                return 301, None, url_path + "/"
            target = target / "index.html"
        if target.is_file() and self.root in target.resolve().parents:
            return 200, target, None
        return 404, None, None

    def send_response(self, code, message=None):
        self._header_bytes = 0
        super().send_response(code, message)

    def send_header(self, keyword, value):
        self._header_bytes += len(keyword) + len(str(value)) + 4
        super().send_header(keyword, value)

    def _answer(self, body: bool):
        status, file, redirect = self._resolve()
        if redirect:
            self.send_response(status)
            self.send_header("Location", redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file is None and (self.root / "404.html").is_file():
            file = self.root / "404.html"
        if file is None:
            kind, gzip_ok, data = "text/plain; charset=utf-8", False, NOT_FOUND
        else:
            suffix = file.suffix.lower()
            kind = TYPES.get(suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            gzip_ok = suffix in COMPRESS and "gzip" in self.headers.get("Accept-Encoding", "")
            data = _gzipped(file, file.stat().st_mtime) if gzip_ok else file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(data)
        if self.sent is not None:
            self.sent.append((urlsplit(self.path).path, self._header_bytes + 20 + (len(data) if body else 0)))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser drops connections it no longer needs; only real faults are worth a trace.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Site:
    """A server for one built folder on 127.0.0.1: `url` is its address with no trailing slash.

    As a context manager it serves from a thread; `record=True` keeps (path, bytes) of
    every answer in `sent`, for measuring page weights.
    """

    def __init__(self, root: Path, port: int = 0, *, record: bool = False, quiet: bool = True):
        self.sent: list[tuple[str, int]] | None = [] if record else None
        handler = type("Handler", (SiteHandler,),
                       {"root": Path(root).resolve(), "sent": self.sent, "quiet": quiet})
        self.httpd = _Server(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class ServeFailed(BoardError):
    """The site cannot be served: nothing built yet, or the port is taken."""


def free_port() -> int:
    """A port on 127.0.0.1 that nothing is listening on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(site: str, port: int) -> int:
    root = Path(site)
    if not (root / "index.html").is_file():
        raise ServeFailed(f"{root} holds no built site: run `make html` first")
    try:
        server = Site(root, port, quiet=False)
    except OSError as error:
        raise ServeFailed(f"cannot serve on 127.0.0.1:{port} ({error.strerror}): try another PORT=") from None
    print(f"Serving {root} on {server.url}/ (Ctrl-C to stop)", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0
