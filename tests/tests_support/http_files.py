"""A static file server on loopback for tests that fetch feeds, article pages and ICS files.

A thread of the standard library's ``http.server`` on a free port, serving one folder; it supports
conditional GETs through the ETag it sends, like real feed hosts do.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        return None

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_file():
            etag = '"' + hashlib.sha256(path.read_bytes()).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self._etag = etag
        return super().send_head()

    def end_headers(self):
        etag = getattr(self, "_etag", None)
        if etag:
            self.send_header("ETag", etag)
            self._etag = None
        super().end_headers()


@contextmanager
def serve_folder(folder: Path):
    """Yields the base URL ("http://127.0.0.1:PORT/") of ``folder``; stops the server afterwards."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
