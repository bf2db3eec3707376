"""The account's language wins over the browser's, in the JSON API as on the web pages."""

from __future__ import annotations

import pytest

from vernetzt.accounts.services import issue_api_token, update_account
from vernetzt.language import account_language
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db


@pytest.fixture
def thin_person(user):
    set_me(owner=user, title="Logistikleiter", organization="Muster GmbH", city="Dortmund")
    return create_person(owner=user, first_name="Priya", last_name="Raman", title="VP Supply Chain")


def test_account_language_defaults_to_the_site_language(user):
    assert account_language(user) == "en"
    update_account(user=user, language="de")
    assert account_language(user) == "de"


@pytest.mark.parametrize(
    ("chosen", "browser", "expected"),
    [("de", "en", "Über"), ("en", "de", "Too little"), ("", "de", "Über"), ("", "en", "Too little")],
)
def test_api_speaks_the_token_accounts_language(client, user, thin_person, chosen, browser, expected):
    update_account(user=user, language=chosen)
    _, secret = issue_api_token(user=user, name="script")
    response = client.get(
        f"/api/v1/people/{thin_person.pk}/briefing",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
        HTTP_ACCEPT_LANGUAGE=browser,
    )
    assert response.status_code == 200
    assert response.json()["research_hint"].startswith(expected)
    assert response.headers["Content-Language"] == (chosen or browser)
