"""On the phone: the CardDAV address book (who is in it, how to add it) and the installable app."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vernetzt.accounts.services import issue_api_token
from vernetzt.carddav.book import address_book_settings, book_people
from vernetzt.carddav.services import save_address_book_settings
from vernetzt.carddav.views import ROOT
from vernetzt.web.forms import AddressBookForm


@require_http_methods(["GET", "POST"])
def phone_settings(request):
    user = request.user
    chosen = address_book_settings(user)
    action = request.POST.get("form")
    form = AddressBookForm(request.POST if action == "book" else None, instance=chosen)
    new_token = None
    if action == "book" and form.is_valid():
        save_address_book_settings(owner=user, **form.cleaned_data)
        messages.success(request, _("The address book was updated; phones see it with their next sync."))
        return redirect("phone_settings")
    if action == "token":
        _token, new_token = issue_api_token(user=user, name=_("Phone address book"))
    context = {
        "form": form,
        "new_token": new_token,
        "server": request.build_absolute_uri("/"),
        "dav_url": request.build_absolute_uri(ROOT),
        "username": user.get_username(),
        "count": book_people(user, today=timezone.localdate()).count(),
    }
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "vernetzt/phone.html", context, status=status)
