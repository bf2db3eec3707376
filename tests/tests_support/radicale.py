"""A real CalDAV server for tests: Radicale (from PyPI) on a free loopback port with htpasswd login."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests_support.dovecot import free_port, stop_process


@dataclass
class Radicale:
    url: str
    user: str
    password: str
    process: subprocess.Popen


def start_radicale(folder: Path, *, user: str = "thomas", password: str = "kalender-Pass1") -> Radicale:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "users").write_text(f"{user}:{password}\n", encoding="utf-8")
    port = free_port()
    config = folder / "config"
    config.write_text(
        f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {folder / "users"}
htpasswd_encryption = plain
[storage]
filesystem_folder = {folder / "collections"}
[logging]
level = warning
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Radicale(f"http://127.0.0.1:{port}/", user, password, process)
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("radicale did not start") from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("radicale did not listen")


def stop_radicale(server: Radicale) -> None:
    stop_process(server.process)
