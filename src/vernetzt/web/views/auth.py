from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vernetzt.accounts.services import redeem_login_link
from vernetzt.accounts.throttle import record_failure, refuse_while_locked_out


class VernetztLoginView(LoginView):
    template_name = "vernetzt/login.html"
    redirect_authenticated_user = True


@login_not_required
@require_GET
def redeem_link(request, secret: str):
    invalid = render(request, "vernetzt/login_link_invalid.html", status=404)
    if refuse_while_locked_out(request):
        return invalid  # answered with the lockout page by axes' middleware
    user = redeem_login_link(secret)
    if user is None:
        record_failure(request)
        return invalid
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if not user.has_usable_password():
        messages.info(request, _("Welcome! Set a password in the settings to log in again without a link."))
    return redirect("today")


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: a stale or foreign form, explained in the user's language (Django's own page
    is English and carries an inline style the Content-Security-Policy blocks)."""
    return render(request, "vernetzt/csrf_failure.html", status=403)
