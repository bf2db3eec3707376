"""vernetzt behind a real Caddy over HTTPS, with the Caddyfile docs/deploy.md prints.

Caddy runs in the foreground with its admin API off, its data in a temporary folder and the test's
self-signed certificate instead of one from Let's Encrypt; the rest is the documented site block.
"""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import urllib.parse

import pytest

from tests_support.proxy import (
    adapt,
    database_env,
    documented_config,
    https_opener,
    self_signed_certificate,
    wait_for_port,
)
from tests_support.server import free_port, running_server

pytestmark = pytest.mark.django_db(transaction=True)

CADDY = shutil.which("caddy") or "/usr/bin/caddy"


def test_behind_caddy_the_login_link_works_over_https_with_secure_cookies(tmp_path):
    if not os.path.exists(CADDY):
        pytest.skip("caddy not found; install the Debian package caddy")
    if not shutil.which("openssl"):
        pytest.skip("openssl not found; install the Debian package openssl")
    certificate, key = self_signed_certificate(tmp_path)
    http_port, https_port = free_port(), free_port()
    public_url = f"https://localhost:{https_port}"
    with running_server(tmp_path / "home", VERNETZT_PUBLIC_URL=public_url, **database_env()) as server:
        site = adapt(
            documented_config("caddy"),
            {
                "crm.example.org {": f"localhost {{\n    tls {certificate} {key}",
                "127.0.0.1:8000": f"127.0.0.1:{server.port}",
            },
        )
        data = tmp_path / "caddy"
        caddyfile = tmp_path / "Caddyfile"
        caddyfile.write_text(
            f"{{\n\tadmin off\n\tskip_install_trust\n\tdefault_bind 127.0.0.1\n\thttp_port {http_port}\n"
            f"\thttps_port {https_port}\n\tstorage file_system {data}\n}}\n\n{site}",
            encoding="utf-8",
        )
        log = tmp_path / "caddy.log"
        # Caddy keeps certificates and state under HOME/XDG folders: the temporary folder, not root's.
        env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(data)}
        with log.open("w") as output:
            caddy = subprocess.Popen(
                [CADDY, "run", "--config", str(caddyfile), "--adapter", "caddyfile"],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            wait_for_port(https_port, caddy, log)
            plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=30)
            plain.request("GET", "/people/", headers={"Host": "localhost"})
            redirect = plain.getresponse()
            assert redirect.status in {301, 308}
            assert urllib.parse.urlsplit(redirect.getheader("Location")).scheme == "https"
            plain.close()

            opener, jar = https_opener(certificate)
            opener.addheaders = [("Accept-Language", "de")]
            with opener.open(server.login_link, timeout=60) as today:
                assert today.geturl() == public_url + "/"
                assert '<html lang="de">' in today.read().decode()
            assert {cookie.name: cookie.secure for cookie in jar} == {"sessionid": True, "csrftoken": True}
            with opener.open(public_url + "/people/", timeout=60) as people:
                assert people.status == 200
                assert people.headers["Strict-Transport-Security"].startswith("max-age=")
        finally:
            caddy.terminate()
            caddy.wait(timeout=30)
