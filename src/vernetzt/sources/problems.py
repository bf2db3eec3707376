"""What went wrong with a source, in words a user can act on (German and English via Django i18n).

Sources store a language-neutral code; the settings page, the CLI and the API translate it here.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

PROBLEMS = {
    "bad_address": gettext_noop("This is not a web address starting with http:// or https://."),
    "unreachable": gettext_noop(
        "The server could not be reached. Check the address and your internet connection; "
        "vernetzt tries again on the next round."
    ),
    "certificate": gettext_noop(
        "The server's certificate could not be verified. Check the host name; if the server uses its "
        "own certificate, install it in your system's certificate store."
    ),
    "private_address": gettext_noop(
        "This address leads into a private network or to the server vernetzt runs on (a loopback, "
        "private or link-local address), which sources may not reach. If the feed or calendar really is "
        "on your own network, the operator can allow that network with VERNETZT_PRIVATE_SOURCES "
        "(see the deployment guide)."
    ),
    "http_error": gettext_noop("The server refused the request. Check the address in a browser."),
    "too_large": gettext_noop("The answer was too large (over 5 MB); is this really a feed?"),
    "not_a_feed": gettext_noop(
        "This address does not give an RSS or Atom feed. Look for the feed link on the site "
        "(often ending in /feed or .xml)."
    ),
    "no_article": gettext_noop("No article text was found at this address."),
    "login_failed": gettext_noop(
        "The server refused the user name or password. Many providers need an app password "
        "for IMAP: create one in your account's security settings and enter it here."
    ),
    "tls_required": gettext_noop(
        "The server offers no encrypted connection (TLS). vernetzt sends no password unencrypted."
    ),
    "folder_missing": gettext_noop("A folder to read does not exist on the server. Check the folder names."),
    "server_error": gettext_noop(
        "The server answered with an error; vernetzt tries again on the next round."
    ),
    "not_a_calendar": gettext_noop("This address does not give a calendar (iCalendar or CalDAV)."),
}


def describe_problem(code: str, lang: str) -> str:
    with translation.override(lang):
        return gettext(PROBLEMS.get(code, PROBLEMS["server_error"])) if code else ""
