"""Fetching what the user configured, and nothing else: one address, a timeout, a size limit.

Feeds, pasted article links and ICS calendars are the only things vernetzt fetches from the web, and
only from addresses the user typed in, and only public ones (sources.addresses checks every address a
name resolves to, also after a redirect). Conditional requests (ETag, Last-Modified) keep polling cheap.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib.metadata import version

from vernetzt.sources.addresses import PrivateAddress, guarded_opener, refused_address

TIMEOUT_SECONDS = 20
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = f"vernetzt/{version('vernetzt')} (self-hosted; feed reader)"


class FetchError(Exception):
    """``code`` is one of sources.problems' codes; ``detail`` the server's or library's words."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail[:500]


@dataclass(frozen=True)
class Fetched:
    body: bytes  # empty when the server answered 304 Not Modified
    url: str
    content_type: str = ""
    etag: str = ""
    modified: str = ""

    @property
    def not_modified(self) -> bool:
        return not self.body


def fetch(url: str, *, etag: str = "", modified: str = "") -> Fetched:
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("bad_address", url[:100])
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    if etag:
        request.add_header("If-None-Match", etag)
    if modified:
        request.add_header("If-Modified-Since", modified)
    try:
        with guarded_opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError("too_large", f"more than {MAX_BYTES // (1024 * 1024)} MB")
            headers = response.headers
            return Fetched(
                body=body,
                url=response.geturl(),
                content_type=headers.get("Content-Type", ""),
                etag=headers.get("ETag", "")[:300],
                modified=headers.get("Last-Modified", "")[:100],
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(body=b"", url=url, etag=etag, modified=modified)
        raise FetchError("http_error", f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        refused = refused_address(error)
        if refused is not None:
            raise FetchError("private_address", str(refused)) from None
        reason = error.reason
        code = "certificate" if "CERTIFICATE" in str(reason).upper() else "unreachable"
        raise FetchError(code, str(reason)) from None
    except PrivateAddress as error:
        raise FetchError("private_address", str(error)) from None
    except (TimeoutError, OSError) as error:
        raise FetchError("unreachable", str(error) or type(error).__name__) from None
