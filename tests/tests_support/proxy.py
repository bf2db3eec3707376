"""What the reverse-proxy tests share: a self-signed certificate, waiting for a port, the database
the server process should use, and an HTTPS client that trusts the certificate."""

from __future__ import annotations

import re
import socket
import ssl
import subprocess
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).parents[2]


def documented_config(language: str) -> str:
    """The one ```LANGUAGE block in docs/deploy.md: what a self-hoster copies."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, f"docs/deploy.md should hold exactly one {language} configuration"
    return blocks[0]


def adapt(config: str, replacements: dict[str, str]) -> str:
    """The documented configuration with this test's ports and paths; each replaced text must be there."""
    for documented, local in replacements.items():
        assert documented in config, f"docs/deploy.md's configuration no longer has {documented!r}"
        config = config.replace(documented, local)
    return config


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(certificate), "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the proxy stopped:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the proxy did not listen on {port}")


def database_env() -> dict[str, str]:
    """The server process uses the test's own PostgreSQL database when the suite runs on one."""
    if connection.vendor != "postgresql":
        return {}
    db = connection.settings_dict
    return {
        "VERNETZT_DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    }


def https_opener(certificate: Path):
    """urllib trusting the test's certificate, with a cookie jar; it follows redirects and stops on a loop."""
    jar = CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=str(certificate))),
        urllib.request.HTTPCookieProcessor(jar),
    )
    return opener, jar
