from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.accounts.services import (
    issue_api_token,
    revoke_api_token,
    set_account_password,
    update_account,
)
from vernetzt.web.forms import AccountForm, TokenForm


@require_http_methods(["GET", "POST"])
def settings_page(request):
    user = request.user
    account_form = AccountForm(
        request.POST if request.POST.get("form") == "account" else None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "language": user.language,
        },
    )
    password_form = SetPasswordForm(user, request.POST if request.POST.get("form") == "password" else None)
    new_token = None
    token_form = TokenForm(request.POST if request.POST.get("form") == "token" else None)
    if request.method == "POST":
        if account_form.is_bound and account_form.is_valid():
            update_account(user=user, **account_form.cleaned_data)
            messages.success(request, _("Settings saved."))
            return redirect("settings")
        if password_form.is_bound and password_form.is_valid():
            set_account_password(user=user, password=password_form.cleaned_data["new_password1"])
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password was set."))
            return redirect("settings")
        if token_form.is_bound and token_form.is_valid():
            _token, new_token = issue_api_token(user=user, name=token_form.cleaned_data["name"])
            token_form = TokenForm()
    context = {
        "account_form": account_form,
        "password_form": password_form,
        "token_form": token_form,
        "new_token": new_token,
        "tokens": user.api_tokens.all(),
    }
    status = 422 if any(f.is_bound and f.errors for f in (account_form, password_form, token_form)) else 200
    return render(request, "vernetzt/settings.html", context, status=status)


@require_POST
def token_revoke(request, pk: int):
    if not revoke_api_token(user=request.user, token_id=pk):
        raise Http404
    messages.success(request, _("The token was revoked."))
    return redirect("settings")
