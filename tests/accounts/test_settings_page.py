from __future__ import annotations

import pytest
from django.urls import reverse

from vernetzt.accounts.services import update_account

pytestmark = pytest.mark.django_db


def test_language_setting_switches_the_interface(alice_client, user):
    response = alice_client.post(
        reverse("settings"),
        {
            "form": "account",
            "first_name": "Thomas",
            "last_name": "Berger",
            "email": "t@example.com",
            "language": "de",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.language) == ("Thomas", "de")
    assert "Heute" in alice_client.get(reverse("today"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_unknown_language_is_refused_and_nothing_changes(alice_client, user):
    response = alice_client.post(
        reverse("settings"), {"form": "account", "language": "tlh", "first_name": "X"}
    )
    assert response.status_code == 422
    user.refresh_from_db()
    assert (user.first_name, user.language) == ("", "")
    with pytest.raises(ValueError, match="language"):
        update_account(user=user, language="tlh")
    with pytest.raises(ValueError, match="not an account setting"):
        update_account(user=user, is_superuser=True)


def test_password_can_be_set_and_used(alice_client, client, user):
    response = alice_client.post(
        reverse("settings"),
        {
            "form": "password",
            "new_password1": "segeln-auf-dem-phoenixsee",
            "new_password2": "segeln-auf-dem-phoenixsee",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("segeln-auf-dem-phoenixsee")
