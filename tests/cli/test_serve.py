"""`vernetzt serve --demo` as the README tells a newcomer to run it: a real server process."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_demo_prints_a_login_link_that_opens_the_demo(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "vernetzt", "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = None
        deadline = time.monotonic() + 180
        output = []
        while link is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            output.append(line)
            match = re.search(r"(http://127\.0\.0\.1:\d+/login/\S+/)", line)
            link = match and match.group(1)
        assert link, "no login link printed:\n" + "".join(output)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        for _ in range(50):
            try:
                page = opener.open(link, timeout=60).read().decode()
                break
            except urllib.error.URLError:
                time.sleep(0.2)
        assert "Logistik-Forum Rhein-Ruhr 2026" in page  # the demo's upcoming event on Today
        people = opener.open(f"http://127.0.0.1:{port}/people/?q=priya", timeout=60).read().decode()
        assert "Priya Raman" in people
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()
