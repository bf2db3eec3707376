"""The browser's half of security: what every response tells the browser it may load and do.

Everything vernetzt serves comes from its own origin (htmx is vendored, scripts and styles are files),
so the Content-Security-Policy allows only 'self' and nothing inline: an injected ``<script>`` or
``style=""`` does not run even if escaping ever failed. A template that needs behaviour uses
``vernetzt/app.js`` (``data-confirm``, ``data-print``); one that needs a computed size uses an SVG
attribute or a ``<meter>``/``<progress>`` value, never a style attribute. Django's SecurityMiddleware
adds nosniff, Referrer-Policy, Cross-Origin-Opener-Policy and (with HTTPS) HSTS; X-Frame-Options
comes from its clickjacking middleware.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",  # the phone's service worker, registered from a static file
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

# Features no page uses are switched off, also for anything that might one day be embedded;
# the camera stays available to vernetzt itself (photographing a business card on the phone).
PERMISSIONS_POLICY = ", ".join(
    [
        "camera=(self)",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
        "display-capture=()",
        "browsing-topics=()",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
