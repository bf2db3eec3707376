"""A real IMAP server for tests: Dovecot (Debian's dovecot-imapd) with its own config in a temp dir.

It listens on 127.0.0.1 on a free port with implicit TLS only (a self-signed certificate made here,
trusted through SSL_CERT_FILE), authenticates from a passwd-file, and serves a Maildir that the test
fills with generated messages. The fixture stops it in its finalizer.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


@dataclass
class Dovecot:
    host: str
    port: int
    user: str
    password: str
    maildir: Path
    certificate: Path
    process: subprocess.Popen
    base: Path
    mail_uid: int
    mail_gid: int

    def _own(self, path: Path) -> None:
        if os.getuid() == 0:
            os.chown(path, self.mail_uid, self.mail_gid)

    def folder(self, name: str) -> Path:
        path = self.maildir if name == "INBOX" else self.maildir / f".{name}"
        for sub in ("", "cur", "new", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
            self._own(path / sub)
        return path

    def deliver(self, folder: str, messages: list[bytes]) -> None:
        """Put messages straight into the Maildir (as a delivery agent would), seen."""
        target = self.folder(folder) / "cur"
        stamp = int(time.time())
        start = len(os.listdir(target))
        for number, raw in enumerate(messages, start):
            path = target / f"{stamp}.M{number}P{os.getpid()}.vernetzt-test:2,S"
            path.write_bytes(raw)
            self._own(path)


def start_dovecot(*, user: str = "thomas@example.org", password: str = "app-pass-Ö1") -> Dovecot:
    """Dovecot refuses uid 0 for mail, so as root the mailbox belongs to ``nobody`` and the folder
    (outside pytest's private temp dir) is traversable."""
    folder = Path(tempfile.mkdtemp(prefix="vernetzt-dovecot-"))
    folder.chmod(0o711)
    cert, key = make_certificate(folder)
    port = free_port()
    home = folder / "home" / user
    maildir = home / "Maildir"
    (folder / "passwd").write_text(f"{user}:{{PLAIN}}{password}::::::\n", encoding="utf-8")
    uid = os.getuid()
    nobody = pwd.getpwnam("nobody")
    mail_uid, mail_gid = (nobody.pw_uid, nobody.pw_gid) if uid == 0 else (uid, os.getgid())
    config = folder / "dovecot.conf"
    config.write_text(
        f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
info_log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain
first_valid_uid = 0
first_valid_gid = 0
default_internal_user = {"dovecot" if uid == 0 else os.environ.get("USER", "nobody")}
default_login_user = {"dovenull" if uid == 0 else os.environ.get("USER", "nobody")}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
# The test's temp dir is private to the user running the test; auth reads the passwd-file as them.
service auth {{
  user = {"root" if uid == 0 else "$default_internal_user"}
}}
service auth-worker {{
  user = {"root" if uid == 0 else "$default_internal_user"}
}}
service imap-login {{
  chroot =
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (folder / "dovecot.log").read_text() if (folder / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot did not start: {process.stderr.read().decode()} {log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("dovecot did not listen")
    server = Dovecot("127.0.0.1", port, user, password, maildir, cert, process, folder, mail_uid, mail_gid)
    for path in (folder / "home", home):
        path.mkdir(parents=True, exist_ok=True)
        server._own(path)
    server.folder("INBOX")
    return server


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server the test started: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def stop_dovecot(server: Dovecot) -> None:
    stop_process(server.process)
    if server.process.stderr:
        server.process.stderr.close()
    shutil.rmtree(server.base, ignore_errors=True)


def mail(
    *,
    sender: str,
    to: str,
    subject: str,
    when: datetime.datetime,
    body: str = "",
    cc: str = "",
    headers: dict[str, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    if cc:
        message["Cc"] = cc
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body or "Hallo,\n\nviele Grüße\n")
    return message.as_bytes()
