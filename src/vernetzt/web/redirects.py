"""Going back where a form came from (``next=``) without becoming an open redirect."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_back(request, *, fallback: str):
    """To the posted ``next`` when it is a path on this site, else to the URL named ``fallback``.

    Only paths count: a full URL (even to this host), ``//host``, ``/\\host`` or a URL name would
    let a crafted form send the user elsewhere or to a page the form never meant."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect(fallback)
