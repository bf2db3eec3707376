"""`vernetzt serve` as a real process on a free loopback port, for tests that talk HTTP to it."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The test process' environment without its VERNETZT_/DJANGO_ settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(home)
    env.update(extra)
    return env


@dataclass
class Server:
    port: int
    login_link: str
    output: list[str]
    env: dict[str, str]
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """A `vernetzt` command against the server's data, as its operator would run it."""
        return subprocess.run(
            [sys.executable, "-m", "vernetzt", *args],
            env=self.env,
            input=stdin,
            text=True,
            capture_output=True,
            check=True,
            timeout=120,
        )


def _wait_until_listening(port: int, process: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise AssertionError(f"vernetzt serve did not listen on port {port}")


@contextlib.contextmanager
def running_server(home: Path, *args: str, **env: str) -> Iterator[Server]:
    """Start ``vernetzt serve ARGS`` with ``env``; yield once it accepts connections; stop it after."""
    port = free_port()
    server_env = clean_env(home, **env)
    process = subprocess.Popen(
        [sys.executable, "-m", "vernetzt", "serve", "--port", str(port), *args],
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    reader = None
    try:
        output: list[str] = []
        link = None
        deadline = time.monotonic() + 180
        while link is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            output.append(line)
            match = re.search(r"(https?://\S+/login/\S+)", line)  # in either language
            link = match and match.group(1)
        assert link, "no login link printed:\n" + "".join(output)
        # Keep reading what the server prints (its log), so a full pipe never blocks it.
        reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
        reader.start()
        _wait_until_listening(port, process, deadline)
        yield Server(port=port, login_link=link, output=output, env=server_env, process=process)
    finally:
        process.terminate()
        process.wait(timeout=30)
        if reader is not None:
            reader.join(timeout=10)
        process.stdout.close()
