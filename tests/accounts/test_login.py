from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from vernetzt.accounts.models import LoginLink
from vernetzt.accounts.services import ensure_account, issue_login_link, resolve_account

pytestmark = pytest.mark.django_db


def test_a_new_account_has_no_usable_password(user):
    assert not user.has_usable_password()


def test_ensure_account_is_idempotent():
    first, created = ensure_account(username="bob")
    second, created_again = ensure_account(username="bob")
    assert (first.pk, created, created_again) == (second.pk, True, False)


def test_passwords_are_hashed_with_argon2(user):
    user.set_password("a long passphrase for tests")
    user.save()
    assert identify_hasher(user.password).algorithm == "argon2"


def test_login_link_logs_in_once(client, user):
    path = issue_login_link(user=user)
    response = client.get(path)
    assert response.status_code == 302 and response.url == reverse("today")
    assert client.get(reverse("today")).status_code == 200
    client.logout()
    assert client.get(path).status_code == 404
    assert client.get(reverse("today")).status_code == 302


def test_expired_login_link_is_refused(client, user):
    path = issue_login_link(user=user)
    LoginLink.objects.update(created_at=LoginLink.objects.get().created_at - LoginLink.LIFETIME)
    assert client.get(path).status_code == 404


def test_unknown_login_link_is_refused(client, user):
    assert client.get("/login/not-a-real-secret/").status_code == 404


def test_password_login(client, user):
    user.set_password("correct horse battery staple")
    user.save()
    bad = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert bad.status_code == 200 and b"wrong" in bad.content.lower()
    good = client.post(reverse("login"), {"username": "alice", "password": "correct horse battery staple"})
    assert good.status_code == 302


def test_resolve_account_needs_a_choice_among_several(user, other_user):
    with pytest.raises(LookupError, match="several accounts"):
        resolve_account(None)
    assert resolve_account("mallory") == other_user
    with pytest.raises(LookupError, match="no account named"):
        resolve_account("nobody")


def test_logging_out_without_a_session_goes_to_the_login_page(client):
    # A new password ends the other sessions; their "Log out" button must still just work.
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("login")
