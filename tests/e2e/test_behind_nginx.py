"""vernetzt behind a real nginx over HTTPS, configured exactly as docs/deploy.md prints it.

The test starts `vernetzt serve` and nginx (its own prefix, config and self-signed certificate in a
temporary folder, free loopback ports, in the foreground, so no root is needed), then logs in with the
printed link, imports a vCard in the browser, logs in with a password, and checks that cookies are
Secure and that redirects end instead of looping.
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests_support.proxy import (
    ROOT,
    adapt,
    database_env,
    documented_config,
    https_opener,
    self_signed_certificate,
    wait_for_port,
)
from tests_support.server import free_port, running_server

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLES = ROOT / "tests" / "data" / "samples"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = "segeln-auf-dem-phoenixsee"


def _adapt(config: str, **values: str) -> str:
    """The documented server blocks on this test's ports, certificate and backend."""
    return adapt(
        config,
        {
            "listen 80;": f"listen 127.0.0.1:{values['http_port']};",
            "listen [::]:80;": "",
            "listen 443 ssl;": f"listen 127.0.0.1:{values['https_port']} ssl;",
            "listen [::]:443 ssl;": "",
            "/etc/letsencrypt/live/crm.example.org/fullchain.pem": values["certificate"],
            "/etc/letsencrypt/live/crm.example.org/privkey.pem": values["key"],
            "http://127.0.0.1:8000": f"http://127.0.0.1:{values['backend_port']}",
            "crm.example.org": "localhost",
        },
    )


def _nginx_config(prefix: Path, server_blocks: str) -> str:
    temp = {name: prefix / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    return f"""
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log {prefix / "access.log"};
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{server_blocks}
}}
"""


@pytest.fixture
def behind_nginx(tmp_path):
    if not Path(NGINX).exists():
        pytest.skip("nginx not found; install the Debian package nginx")
    if not shutil.which("openssl"):
        pytest.skip("openssl not found; install the Debian package openssl")
    certificate, key = self_signed_certificate(tmp_path)
    http_port, https_port = free_port(), free_port()
    public_url = f"https://localhost:{https_port}"
    with running_server(tmp_path / "home", VERNETZT_PUBLIC_URL=public_url, **database_env()) as server:
        prefix = tmp_path / "nginx"
        prefix.mkdir()
        blocks = _adapt(
            documented_config("nginx"),
            http_port=str(http_port),
            https_port=str(https_port),
            certificate=str(certificate),
            key=str(key),
            backend_port=str(server.port),
        )
        (prefix / "nginx.conf").write_text(_nginx_config(prefix, blocks), encoding="utf-8")
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log"),
             "-g", "daemon off; master_process off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_for_port(https_port, nginx, prefix / "error.log")
            yield {"url": public_url, "http_port": http_port, "server": server, "certificate": certificate,
                   "access_log": prefix / "access.log"}  # fmt: skip
        finally:
            nginx.terminate()
            nginx.wait(timeout=30)


def _check_redirects(behind_nginx) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", behind_nginx["http_port"], timeout=30)
    connection.request("GET", "/people/", headers={"Host": "localhost"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "https://localhost/people/"
    connection.close()
    opener, _ = https_opener(behind_nginx["certificate"])
    # urllib follows redirects and gives up on a loop: this ends on the login page.
    with opener.open(behind_nginx["url"] + "/people/", timeout=60) as page:
        assert page.geturl() == behind_nginx["url"] + "/login/?next=/people/"
        assert page.headers["Strict-Transport-Security"].startswith("max-age=")


def test_behind_nginx_redirects_end_login_and_import_work_and_cookies_are_secure(behind_nginx, browser):
    # One server and one nginx for every check: starting them is most of this test's time.
    _check_redirects(behind_nginx)
    context = browser.new_context(locale="de-DE", ignore_https_errors=True)
    page = context.new_page()
    page.set_default_timeout(30000)
    try:
        page.goto(behind_nginx["server"].login_link)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")
        assert page.url == behind_nginx["url"] + "/"

        page.goto(behind_nginx["url"] + "/import/")
        page.get_by_label("Was importieren Sie?").select_option("vcard")
        page.get_by_label("Datei", exact=True).set_input_files(str(SAMPLES / "contacts.vcf"))
        page.get_by_role("button", name="Vorschau anzeigen").click()
        page.get_by_role("button", name="Jetzt importieren").click()
        expect(page).to_have_url(re.compile(r"/import/batches/\d+/$"))
        expect(page.locator("[data-count=created]")).not_to_have_text("0")
        assert page.url.startswith(behind_nginx["url"])

        cookies = {cookie["name"]: cookie for cookie in context.cookies()}
        assert cookies["sessionid"]["secure"] and cookies["sessionid"]["httpOnly"]
        assert cookies["csrftoken"]["secure"]

        # A password set on the command line, then a login form posted through the proxy (CSRF origin).
        behind_nginx["server"].cli("password", stdin=PASSWORD + "\n")
        page.get_by_role("button", name="Abmelden").click()
        page.get_by_label("Kontoname").fill("me")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.get_by_role("button", name="Anmelden").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")
    except AssertionError as error:
        server_log = "".join(behind_nginx["server"].output)
        access_log = behind_nginx["access_log"].read_text(errors="replace")
        raise AssertionError(f"{error}\n--- vernetzt:\n{server_log}\n--- nginx:\n{access_log}") from error
    finally:
        context.close()

