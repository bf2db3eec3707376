"""The briefing's questions on real data: the whole demo read at once, and commonalities worth a remark."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.utils import timezone

from vernetzt.core.language import common_languages, language_code
from vernetzt.core.questions import prepare_questions
from vernetzt.core.terms import translation_known
from vernetzt.demo import SEA_MEN, SEA_WOMEN, load_demo
from vernetzt.journal.briefing import build_briefing, build_dossiers
from vernetzt.language import message_language
from vernetzt.people.models import Person, Success
from vernetzt.people.services import create_person, get_me, set_me

pytestmark = pytest.mark.django_db

LEGAL_FORMS = re.compile(r"\b(GmbH|AG|SE|KG|Pte\.? Ltd|Co\., Ltd|Sdn Bhd|Inc\.)(?!\w)")
MISSING_ARTICLE = re.compile(r"\bbei (Bundesvereinigung|Deutsch-Singapurische|Rotary Club|VDI)\b")
SHARED_LANGUAGE = re.compile(r"sprechen beide|both speak")


def test_every_demo_briefing_asks_each_thing_once_and_nothing_about_native_languages(user):
    load_demo(owner=user)
    today = timezone.localdate()
    me = get_me(user)
    people = list(Person.objects.for_user(user).filter(is_me=False))
    dossiers = build_dossiers(owner=user, people=people, today=today)
    asked = 0
    for person in people:
        dossier, _ = dossiers[person.pk]
        native = common_languages(person.country) | common_languages(me.country) | {"en"}
        spoken = message_language(person, fallback="de")
        for lang in {spoken, "en", "de"}:
            questions = prepare_questions(dossier, lang=lang, today=today)
            asked += len(questions)
            texts = [q.text for q in questions]
            assert len(set(texts)) == len(texts), texts
            repeats = [fact for fact, n in Counter((q.basis, q.fact) for q in questions).items() if n > 1]
            assert {basis for basis, _ in repeats} <= {"success", "role"}, repeats
            for question in questions:
                if SHARED_LANGUAGE.search(question.text):
                    assert language_code(question.fact) not in native, question.text
                assert not LEGAL_FORMS.search(question.text), question.text
                assert not MISSING_ARTICLE.search(question.text), question.text
                if question.basis in ("field", "interest"):  # "What fascinates you about Controlling?"
                    assert translation_known(question.fact), question.fact
    assert asked > 500  # the demo is rich enough for this to mean something


@pytest.fixture
def me_in_dortmund(user):
    return set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        country="Deutschland",
        languages=["Deutsch", "Englisch", "Vietnamesisch"],
        associations=["Bundesvereinigung Logistik (BVL)"],
        interests=["Segeln"],
    )


def _questions(user, person, lang="de"):
    return [
        q.text
        for q in build_briefing(owner=user, person=person, lang=lang, today=timezone.localdate()).questions
    ]


def test_a_language_is_a_commonality_only_where_it_is_not_taken_for_granted(user, me_in_dortmund):
    compatriot = create_person(
        owner=user,
        first_name="Jan",
        last_name="Roth",
        title="Disponent",
        organization_name="Rhein Cargo GmbH",
        city="Duisburg",
        languages=["Deutsch", "Englisch"],
        interests=["Segeln"],
    )
    linh = create_person(
        owner=user,
        first_name="Linh",
        last_name="Pham",
        title="Einkäuferin",
        organization_name="Rhein Cargo GmbH",
        city="Köln",
        languages=["Deutsch", "Vietnamesisch"],
        interests=["Segeln"],
    )
    in_hanoi = create_person(
        owner=user,
        first_name="Minh",
        last_name="Tran",
        title="Operations Manager",
        organization_name="Mekong Cold Chain Co., Ltd.",
        city="Hanoi",
        languages=["Vietnamese", "English"],
        interests=["Segeln"],
    )
    assert not any("sprechen beide" in text for text in _questions(user, compatriot))
    assert "Wir sprechen beide Vietnamesisch – welche Rolle spielt die Sprache für Sie?" in _questions(
        user, linh
    )
    # Vietnamese in Vietnam is no remark; the question is in English, the language Minh speaks.
    found = _questions(user, in_hanoi)
    assert not any("both speak" in text for text in found)
    assert "Like me, you are into sailing – how did you get into it?" in found


def test_colleagues_are_not_asked_about_the_organization_both_work_at(user, me_in_dortmund):
    boss = create_person(
        owner=user,
        first_name="Claudia",
        last_name="Wermelskirchen",
        title="Geschäftsführerin Operations",
        organization_name="Muster Maschinenbau GmbH",
        associations=["Bundesvereinigung Logistik (BVL)"],
    )
    found = _questions(user, boss)
    assert found[0] == "Was reizt Sie an Ihrer Aufgabe als Geschäftsführerin Operations am meisten?"
    assert not any("Muster Maschinenbau" in text for text in found)
    assert (
        "Wir sind beide bei der Bundesvereinigung Logistik (BVL) engagiert – was bringt Ihnen die "
        "Mitarbeit dort?" in found
    )


FEMININE = re.compile(r"(leiterin|führerin|käuferin|bearbeiterin|studentin|inhaberin|disponentin)\b", re.I)
MASCULINE = re.compile(r"(leiter|führer|käufer|bearbeiter|student|inhaber|disponent)\b", re.I)


def test_demo_titles_are_in_the_form_of_the_holder(user):
    load_demo(owner=user)
    people = Person.objects.for_user(user).filter(is_me=False)
    assert people.filter(title_of_address="Frau").count() > 50
    for person in people.exclude(title_of_address=""):
        wrong = FEMININE if person.title_of_address == "Herr" else MASCULINE
        assert not wrong.search(person.title), (person.title_of_address, person.display_name, person.title)
    # Successes fit who they are: no award for a trainee, no promotion to regional director for an owner.
    successes = Success.objects.filter(owner=user, person__is_me=False).select_related("person")
    assert successes.count() > 10
    for success in successes:
        assert success.person.seniority not in ("unpaid", "training", "entry"), success.person.title
        if "befördert" in success.text:
            assert success.person.seniority in ("director", "vp"), success.person.title


def test_demo_people_are_greeted_by_title_where_their_given_name_tells_it(user):
    load_demo(owner=user)
    today = timezone.localdate()
    asia = ["SG", "VN", "TH", "ID", "PH", "MY"]
    in_asia = Person.objects.for_user(user).filter(is_me=False, country__in=asia)
    greeted = 0
    for person in in_asia.exclude(academic_title__gt=""):
        found = build_briefing(owner=user, person=person, lang="en", today=today, suggest=False).salutation
        if person.first_name in SEA_WOMEN | SEA_MEN:
            title = "Ms" if person.first_name in SEA_WOMEN else "Mr"
            assert found == f"Dear {title} {person.last_name},", person.display_name
            greeted += 1
        else:  # "Minh", "Linh": given to women and men alike
            assert found == f"Dear {person.first_name} {person.last_name},", person.display_name
    assert greeted > 50
