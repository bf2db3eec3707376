"""Login protection: wrong passwords, API tokens and login links lock out the account and the client."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.urls import reverse

from vernetzt.accounts.models import ApiToken
from vernetzt.accounts.services import issue_login_link, redeem_login_link
from vernetzt.accounts.throttle import unlock

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LIMIT = django_settings.AXES_FAILURE_LIMIT
COOLOFF = django_settings.AXES_COOLOFF_TIME


@pytest.fixture
def alice(user, settings):
    # The throttle does not depend on the hasher; Argon2 would spend a second per wrong password here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, password, *, username="alice", address="203.0.113.10", language="en"):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def _logged_in(client) -> bool:
    return client.get(reverse("today")).status_code == 200


def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(client, alice):
    statuses = [_login(client, f"guess-{n}").status_code for n in range(50)]
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)  # the form says the password is wrong
    assert set(statuses[LIMIT - 1 :]) == {429}
    right = _login(client, PASSWORD)
    assert right.status_code == 429
    assert "Too many failed attempts to log in" in right.content.decode()
    assert right["Retry-After"] == str(COOLOFF.seconds)
    assert not _logged_in(client)


def test_the_lockout_message_follows_the_browser_language(client, alice):
    for n in range(LIMIT):
        _login(client, f"guess-{n}")
    page = _login(client, PASSWORD, language="de").content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert "vernetzt unlock" in page


def test_unlock_lets_the_right_password_in_again(client, alice):
    for n in range(LIMIT + 3):
        _login(client, f"guess-{n}")
    assert unlock(username="alice") >= 1
    assert _login(client, PASSWORD).status_code == 302
    assert _logged_in(client)


def test_the_lockout_ends_after_the_cool_off_time(client, alice):
    for n in range(LIMIT):
        _login(client, f"guess-{n}")
    assert _login(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - COOLOFF
    )
    assert _login(client, PASSWORD).status_code == 302


def test_one_client_guessing_many_accounts_is_locked_out_others_are_not(client, alice):
    for n in range(LIMIT):
        assert _login(client, "whatever", username=f"admin{n}", address="198.51.100.66").status_code in {
            200,
            429,
        }
    assert _login(client, PASSWORD, address="198.51.100.66").status_code == 429
    assert _login(client, PASSWORD, address="203.0.113.10").status_code == 302


def test_an_account_guessed_from_many_addresses_is_locked_but_a_login_link_still_works(client, alice):
    for n in range(LIMIT):
        _login(client, f"guess-{n}", address=f"192.0.2.{n + 1}")
    assert _login(client, PASSWORD, address="203.0.113.10").status_code == 429
    # A one-time link from the operator carries no guessable name: it still gets the owner in.
    response = client.get(issue_login_link(user=alice), REMOTE_ADDR="203.0.113.10")
    assert response.status_code == 302
    assert _logged_in(client)


def test_a_flood_of_used_login_links_locks_out_the_client(client, alice):
    used = issue_login_link(user=alice)
    assert redeem_login_link(used.split("/")[2]) == alice
    statuses = [client.get(used, REMOTE_ADDR="198.51.100.9").status_code for _ in range(LIMIT + 2)]
    assert statuses[: LIMIT - 1] == [404] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    fresh = client.get(issue_login_link(user=alice), REMOTE_ADDR="198.51.100.9")
    assert fresh.status_code == 429
    assert not _logged_in(client)
    assert client.get(issue_login_link(user=alice), REMOTE_ADDR="203.0.113.10").status_code == 302


def _api(client, token, address):
    return client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=address)


def test_a_flood_of_wrong_api_tokens_locks_out_the_client_with_a_json_answer(client, alice):
    _, secret = ApiToken.issue(user=alice, name="script")
    statuses = [_api(client, f"vz_wrong{n}", "198.51.100.20").status_code for n in range(LIMIT + 5)]
    assert statuses[: LIMIT - 1] == [401] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    locked = _api(client, secret, "198.51.100.20")
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.json()["error"]
    assert _api(client, secret, "203.0.113.10").status_code == 200


def test_right_tokens_and_passwords_are_never_counted(client, alice):
    _, secret = ApiToken.issue(user=alice, name="script")
    for _ in range(LIMIT * 3):
        assert _api(client, secret, "203.0.113.10").status_code == 200
    assert _login(client, PASSWORD).status_code == 302
    assert AccessAttempt.objects.count() == 0
