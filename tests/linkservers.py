"""Local web servers that answer as live, dead, refusing, redirecting and slow sites do, for the link checker."""

from __future__ import annotations

import re
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []  # (method, path)
        self.in_flight = 0
        self.most_in_flight = 0
        self.release = threading.Event()  # ends the slow page's wait when the test is done

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, *args):
        pass

    def answer(self, status: int, location: str | None = None) -> None:
        # A request stops counting as in flight before its answer is sent: the client may start its
        # next one as soon as it has the answer, before this thread would otherwise get to count.
        self.done()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route(self) -> None:
        with self.server.lock:
            self.server.requests.append((self.command, self.path))
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        self.counted = True
        try:
            self.respond()
        finally:
            self.done()

    def done(self) -> None:
        with self.server.lock:
            if self.counted:
                self.counted = False
                self.server.in_flight -= 1

    def respond(self) -> None:
        path = self.path
        hops = re.fullmatch(r"/hops/(\d+)", path)
        if path == "/live" or path.startswith("/busy"):
            if path.startswith("/busy"):
                self.server.release.wait(0.2)  # long enough for others to arrive if they may
            self.answer(200)
        elif path == "/no-head":
            self.answer(405 if self.command == "HEAD" else 200)
        elif path == "/forbidden":
            self.answer(403)
        elif path == "/loop":
            self.answer(302, "/loop")
        elif hops:
            left = int(hops.group(1))
            self.answer(301, f"/hops/{left - 1}") if left else self.answer(200)
        elif path == "/slow":
            self.server.release.wait(10)
            self.answer(200)
        else:
            self.answer(404)

    do_HEAD = do_GET = route


def serve(site: Site) -> threading.Thread:
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    return thread


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


def with_tls(site: Site, cert: Path, key: Path) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.socket = context.wrap_socket(site.socket, server_side=True)
