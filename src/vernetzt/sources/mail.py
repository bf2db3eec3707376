"""Mail as a source: an IMAP account read only, headers first, incrementally by UIDVALIDITY/UID.

Each folder remembers the last UID read (and the UIDVALIDITY it belongs to); a run reads only what is
newer and commits after every chunk, so an interrupted run goes on where it stopped and a repeated
one adds nothing. Only messages that are contact with someone in the network are kept (date,
direction, subject, and the first lines where the user allowed it); the rules that ignore lists,
newsletters, machines and round mails are in :mod:`vernetzt.core.mail_rules`. Nothing leaves the
machine: the server is only ever read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime

from django.db import transaction
from django.utils import timezone
from imapclient import IMAPClient, imap4, tls
from imapclient.exceptions import IMAPClientError, LoginError
from imapclient.imapclient import SENT

from vernetzt.core.mail_rules import MailFacts, judge_mail
from vernetzt.errors import DataError
from vernetzt.journal.models import Interaction
from vernetzt.journal.observed import ObservedContact, record_observed_contacts
from vernetzt.people.models import Person
from vernetzt.people.provenance import record_source, source_entry
from vernetzt.sources.addresses import PrivateAddress, check_host, create_connection
from vernetzt.sources.lookup import find_owned
from vernetzt.sources.models import MailAccount, MailMessage
from vernetzt.sources.secrets import SecretUnavailable, decrypt_secret, encrypt_secret

log = logging.getLogger(__name__)

CHUNK = 500
TIMEOUT_SECONDS = 30
HEADERS = (
    b"BODY.PEEK[HEADER.FIELDS (FROM TO CC DATE SUBJECT MESSAGE-ID LIST-ID LIST-UNSUBSCRIBE PRECEDENCE "
    b"AUTO-SUBMITTED CONTENT-TYPE CONTENT-TRANSFER-ENCODING)]"
)
BODY_START = b"BODY.PEEK[TEXT]<0.2000>"
FIRST_LINES = 3

Progress = Callable[[int, int], None]


class MailError(DataError):
    pass


class MailProblem(Exception):
    """A run that could not go on; ``code`` is one of sources.problems' codes."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code, self.detail = code, detail[:500]


@dataclass
class MailReport:
    accounts: int = 0
    messages: int = 0  # new messages looked at
    kept: int = 0  # of them, contact with someone in the network
    interactions: int = 0
    tasks_closed: int = 0
    failed: list[MailAccount] = field(default_factory=list)


def source_of(account: MailAccount) -> str:
    return f"mail:{account.pk}"


def _clean_folders(folders) -> list[str]:
    cleaned = [f.strip() for f in folders if f and f.strip()]
    if any(len(f) > 200 or "\x00" in f for f in cleaned):
        raise MailError("folder", "a folder name may have at most 200 characters")
    return list(dict.fromkeys(cleaned)) or ["INBOX", "Sent"]


def add_mail_account(
    *, owner, host: str, username: str, password: str, port: int = 993, folders=(), read_body: bool = False
) -> MailAccount:
    host, username = (host or "").strip(), (username or "").strip()
    if not host or len(host) > 253 or any(c in host for c in " /\x00"):
        raise MailError("host", "give the IMAP server's host name")
    if not username or len(username) > 320 or "\x00" in username:
        raise MailError("user", "give the user name (often the e-mail address)")
    if not password or "\x00" in password or len(password) > 1000:
        raise MailError("password", "give the (app) password")
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise MailError("port", "a port from 1 to 65535 (IMAP over TLS: 993)")
    if MailAccount.objects.for_user(owner).filter(host=host, username=username).exists():
        raise MailError("user", "this account is already connected")
    try:
        check_host(host, port)
    except PrivateAddress:
        raise MailError("host", "private_address") from None
    return MailAccount.objects.create(
        owner=owner,
        host=host,
        port=port,
        username=username,
        password_encrypted=encrypt_secret(password),
        folders=_clean_folders(folders),
        read_body=read_body,
    )


def find_mail_account(*, owner, account_id) -> MailAccount:
    return find_owned(
        MailAccount.objects, owner=owner, value=account_id, field="mail_account", error=MailError
    )


@transaction.atomic
def remove_mail_account(*, owner, account: MailAccount, purge: bool = False) -> int:
    """Disconnect; ``purge`` also deletes the interactions it recorded. Returns how many were deleted."""
    if account.owner_id != owner.pk:
        raise MailError("account", f"no mail account with id {account.pk}")
    removed = 0
    if purge:
        removed, _ = Interaction.objects.for_user(owner).filter(source=source_of(account)).delete()
    account.delete()
    return removed


class _GuardedTLS(tls.IMAP4_TLS):
    def _create_socket(self, timeout=None):
        sock = create_connection((self.host, self.port), timeout if timeout is not None else self._timeout)
        return tls.wrap_socket(sock, self.ssl_context, self.host)


class _GuardedPlain(imap4.IMAP4WithTimeout):
    def _create_socket(self, timeout=None):
        return create_connection((self.host, self.port), timeout if timeout is not None else self._timeout)


class _GuardedIMAPClient(IMAPClient):
    """IMAPClient connecting only to addresses sources may reach (sources.addresses): the host name is
    resolved and checked when the socket is opened, so a second, different answer cannot slip through."""

    def _create_IMAP4(self):
        connect_timeout = getattr(self._timeout, "connect", None)
        if self.ssl:
            return _GuardedTLS(self.host, self.port, self.ssl_context, connect_timeout)
        return _GuardedPlain(self.host, self.port, connect_timeout)


def _open(account: MailAccount) -> IMAPClient:
    """TLS always: implicit TLS, or STARTTLS on port 143; certificates are verified."""
    context = ssl.create_default_context()
    if account.port != 143:
        return _GuardedIMAPClient(
            account.host, port=account.port, ssl=True, ssl_context=context, timeout=TIMEOUT_SECONDS
        )
    client = _GuardedIMAPClient(account.host, port=143, ssl=False, timeout=TIMEOUT_SECONDS)
    try:
        if b"STARTTLS" not in client.capabilities():
            raise MailProblem("tls_required")
        client.starttls(context)
    except BaseException:
        client.shutdown()
        raise
    return client


def _connect(account: MailAccount) -> IMAPClient:
    try:
        password = decrypt_secret(account.password_encrypted)
    except SecretUnavailable as error:
        raise MailProblem("login_failed", str(error)) from None
    client = None
    try:
        client = _open(account)
        if account.username.isascii() and password.isascii():
            client.login(account.username, password)
        else:  # LOGIN is ASCII only; AUTHENTICATE PLAIN carries UTF-8 ("Passwört")
            client.plain_login(account.username, password)
        return client
    except LoginError as error:
        problem = MailProblem("login_failed", _text(error))
    except ssl.SSLCertVerificationError as error:
        problem = MailProblem("certificate", error.verify_message or str(error))
    except ssl.SSLError as error:
        problem = MailProblem("tls_required", str(error))
    except PrivateAddress as error:
        problem = MailProblem("private_address", str(error))
    except OSError as error:
        problem = MailProblem("unreachable", str(error) or type(error).__name__)
    except IMAPClientError as error:
        problem = MailProblem("server_error", _text(error))
    if client is not None:
        with contextlib.suppress(IMAPClientError, OSError):
            client.shutdown()
    raise problem


def _text(error: Exception) -> str:
    return (
        " ".join(str(a.decode() if isinstance(a, bytes) else a) for a in error.args) or type(error).__name__
    )


def _resolve_folders(client: IMAPClient, wanted: list[str]) -> list[str]:
    """The folders to read. "Sent" is whatever the server marks as sent (Gesendet, Sent Items,
    [Gmail]/Sent Mail …) and is skipped where there is none yet; any other folder must exist."""
    existing = {name for _, _, name in client.list_folders()}
    folders = []
    for name in wanted:
        if name in existing:
            folders.append(name)
        elif name.casefold() == "sent":
            special = client.find_special_folder(SENT)
            if special in existing:
                folders.append(special)
        else:
            raise MailProblem("folder_missing", name)
    return list(dict.fromkeys(folders))


def _decoded(raw: str) -> str:
    try:
        return " ".join(str(make_header(decode_header(raw))).split())
    except (ValueError, LookupError, UnicodeError):
        return " ".join(raw.split())


def _first_lines(headers, body: bytes | None) -> str:
    if not body or not (headers.get("Content-Type", "text/plain") or "").lower().startswith("text/plain"):
        return ""
    encoding = (headers.get("Content-Transfer-Encoding") or "7bit").lower().strip()
    if encoding == "quoted-printable":
        import quopri

        body = quopri.decodestring(body)
    elif encoding not in ("7bit", "8bit"):
        return ""
    charset = headers.get_content_charset() or "utf-8"
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith(">")]
    return " / ".join(lines[:FIRST_LINES])[:500]


@dataclass
class _Network:
    by_address: dict[str, int]
    own: frozenset[str]


def _network(owner, account: MailAccount) -> _Network:
    by_address: dict[str, int] = {}
    ambiguous: set[str] = set()
    own = {a.lower() for a in (owner.email, account.username) if a and "@" in a}
    for pk, emails, is_me in Person.objects.for_user(owner).values_list("pk", "emails", "is_me"):
        for address in emails or []:
            if not isinstance(address, str):
                continue
            address = address.strip().lower()
            if is_me:
                own.add(address)
            elif address in by_address and by_address[address] != pk:
                ambiguous.add(address)
            else:
                by_address[address] = pk
    return _Network({a: pk for a, pk in by_address.items() if a not in ambiguous}, frozenset(own))


def _read_chunk(account, folder, validity, uids, fetched, network) -> tuple[list, list]:
    parser = BytesHeaderParser()
    messages, contacts = [], []
    today = timezone.localdate()
    for uid in uids:
        data = fetched.get(uid)
        if not data:
            continue
        raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
        headers = parser.parsebytes(raw)
        facts = MailFacts(
            sender=str(headers.get("From", "")),
            to=str(headers.get("To", "")),
            cc=str(headers.get("Cc", "")),
            list_id=str(headers.get("List-Id", "")),
            list_unsubscribe=str(headers.get("List-Unsubscribe", "")),
            precedence=str(headers.get("Precedence", "")),
            auto_submitted=str(headers.get("Auto-Submitted", "")),
        )
        verdict = judge_mail(facts, own_addresses=network.own)
        people = [network.by_address[a] for a in verdict.counterparts if a in network.by_address]
        if verdict.ignored or not people:
            continue
        try:
            day = timezone.localdate(parsedate_to_datetime(str(headers.get("Date", ""))))
        except (TypeError, ValueError, OverflowError):
            internal = data.get(b"INTERNALDATE")
            day = internal.date() if internal else today
        day = min(day, today)
        subject = _decoded(str(headers.get("Subject", "")))[:300]
        message_id = str(headers.get("Message-ID", "")).strip()
        key = hashlib.sha256((message_id or f"{folder}:{validity}:{uid}").encode()).hexdigest()
        lines = _first_lines(headers, data.get(b"BODY[TEXT]<0>")) if account.read_body else ""
        arrow = "→" if verdict.outgoing else "←"
        for person_id in dict.fromkeys(people):
            messages.append(
                MailMessage(
                    owner_id=account.owner_id,
                    account=account,
                    key=key,
                    person_id=person_id,
                    date=day,
                    outgoing=verdict.outgoing,
                    subject=subject,
                    first_lines=lines,
                )
            )
            contacts.append(
                ObservedContact(
                    person_id=person_id,
                    date=day,
                    kind=Interaction.Kind.EMAIL,
                    notes=f"{arrow} {subject}".strip(),
                    outgoing=verdict.outgoing,
                )
            )
    return messages, contacts


def _pending(client, account, folders) -> list[tuple[str, int, list[int]]]:
    """Per folder its UIDVALIDITY and the UIDs not read yet (a new UIDVALIDITY starts over)."""
    pending = []
    for folder in folders:
        info = client.select_folder(folder, readonly=True)
        validity = int(info[b"UIDVALIDITY"])
        state = account.state.get(folder, {})
        last = state.get("uid", 0) if state.get("uidvalidity") == validity else 0
        uidnext = info.get(b"UIDNEXT")
        if uidnext is not None and int(uidnext) <= last + 1:
            continue  # nothing new: no search, no fetch
        uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
        if uids:
            pending.append((folder, validity, uids))
        elif state.get("uidvalidity") != validity:
            account.state[folder] = {"uidvalidity": validity, "uid": 0}
    return pending


def poll_account(account: MailAccount, *, report: MailReport, progress: Progress | None = None) -> None:
    owner = account.owner
    client = _connect(account)
    try:
        folders = _resolve_folders(client, account.folders)
        pending = _pending(client, account, folders)
        total = sum(len(uids) for _, _, uids in pending)
        account.progress_done, account.progress_total = 0, total
        account.save(update_fields=["progress_done", "progress_total", "state"])
        network = _network(owner, account)
        items = [HEADERS, b"INTERNALDATE"] + ([BODY_START] if account.read_body else [])
        for folder, validity, uids in pending:
            client.select_folder(folder, readonly=True)
            for start in range(0, len(uids), CHUNK):
                chunk = uids[start : start + CHUNK]
                fetched = client.fetch(chunk, items)
                messages, contacts = _read_chunk(account, folder, validity, chunk, fetched, network)
                with transaction.atomic():
                    MailMessage.objects.bulk_create(messages, ignore_conflicts=True, batch_size=500)
                    observed = record_observed_contacts(
                        owner=owner, contacts=contacts, source=source_of(account)
                    )
                    record_source(
                        owner=owner,
                        person_ids={message.person_id for message in messages},
                        entry=source_entry("mail", file=f"{account.username} ({account.host})"),
                    )
                    account.state[folder] = {"uidvalidity": validity, "uid": chunk[-1]}
                    account.progress_done += len(chunk)
                    account.save(update_fields=["state", "progress_done"])
                report.messages += len(chunk)
                report.kept += len({m.key for m in messages})
                report.interactions += observed.interactions
                report.tasks_closed += observed.tasks_closed
                if progress:
                    progress(account.progress_done, total)
    except IMAPClientError as error:
        message = _text(error)
        raise MailProblem(
            "folder_missing" if "NONEXISTENT" in message.upper() else "server_error", message
        ) from None
    except (TimeoutError, OSError) as error:
        raise MailProblem("unreachable", str(error) or type(error).__name__) from None
    finally:
        with contextlib.suppress(IMAPClientError, OSError):
            client.logout()


def poll_mail(*, owner, accounts=None, progress: Progress | None = None) -> MailReport:
    """Read every connected account (or the given ones); a failing one is recorded, the others go on."""
    report = MailReport()
    for account in accounts if accounts is not None else MailAccount.objects.for_user(owner):
        report.accounts += 1
        kept_before = report.kept
        try:
            poll_account(account, report=report, progress=progress)
        except MailProblem as problem:
            account.last_error, account.last_error_detail = problem.code, problem.detail
            report.failed.append(account)
        else:
            account.last_error = account.last_error_detail = ""
            account.last_found = report.kept - kept_before
        account.last_run_at = timezone.now()
        account.save(update_fields=["last_run_at", "last_found", "last_error", "last_error_detail"])
    return report
