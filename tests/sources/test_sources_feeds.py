"""The business press end to end: real RSS/Atom files served on loopback, matched to a real database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from vernetzt.cli import main
from vernetzt.errors import DataError
from vernetzt.goals.models import Target
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.briefing import build_briefing
from vernetzt.people.models import Success
from vernetzt.sources.candidates import (
    CandidateError,
    confirm_candidate,
    dismiss_candidate,
    pending_candidates,
)
from vernetzt.sources.feeds import FeedError, add_article, add_feed, poll_feeds, remove_feed
from vernetzt.sources.models import Candidate, FeedItem

pytestmark = pytest.mark.django_db


def _found(report) -> set[tuple[str, str]]:
    return {(c.person.last_name, c.item.title) for c in report.candidates}


def test_rss_items_are_matched_and_the_namesake_is_not(user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "logistik_rss.xml", name="Logistik Heute")
    report = poll_feeds(owner=user)
    assert report.feeds == 1
    assert report.items == 4
    assert _found(report) == {
        ("Wongsakul", "Siam Logistics eröffnet Hub in Laem Chabang"),
        ("Krause", "Kühne+Nagel: Anna Krause wird VP Logistics Europe"),
    }
    assert not Candidate.objects.filter(item__title__startswith="Läuferin").exists()


def test_entities_umlauts_and_dates_come_through(user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "logistik_rss.xml")
    poll_feeds(owner=user)
    items = {item.title: item for item in FeedItem.objects.for_user(user)}
    hub = items["Siam Logistics eröffnet Hub in Laem Chabang"]
    assert hub.published == date(2026, 3, 2)
    assert "„ein Meilenstein für Südostasien“" in hub.summary
    assert "<b>" not in hub.summary
    assert "–" in hub.summary  # &ndash;
    assert items["Läuferin Anna Krause gewinnt den Stadtlauf"].published is None
    assert items["Neue Zölle belasten den Mittelstand"].summary.endswith("Kosten & sinkenden Margen.")


def test_atom_feed_and_a_second_poll_adds_nothing(user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    first = poll_feeds(owner=user)
    assert _found(first) == {("Sharma", 'Pacific Freight wins "Best Cold Chain" award')}
    assert first.candidates[0].item.published == date(2026, 3, 4)
    second = poll_feeds(owner=user)
    assert (second.items, second.candidates) == (0, [])
    assert Candidate.objects.for_user(user).count() == 1


def test_a_changed_feed_gives_only_its_new_articles(user, network, press):
    base, folder = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    poll_feeds(owner=user)
    path = folder / "newsroom_atom.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("news-16", "news-18"), encoding="utf-8")
    assert poll_feeds(owner=user).items == 1


def test_a_headline_about_an_organization_goes_to_the_contact_there(user, network, press):
    base, folder = press
    (folder / "org.xml").write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>SiamLog gewinnt Großauftrag</title><link>https://x.example/a</link>
        <description>Der Auftrag läuft fünf Jahre.</description></item></channel></rss>""",
        encoding="utf-8",
    )
    add_feed(owner=user, url=base + "org.xml")
    [candidate] = poll_feeds(owner=user).candidates
    assert candidate.person == network["tim"]
    assert candidate.named is False


def test_an_organization_of_strangers_is_nobody_to_congratulate(user, network, press):
    base, folder = press
    (folder / "org.xml").write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>Rhein Cargo wächst</title><link>https://x.example/b</link></item></channel></rss>""",
        encoding="utf-8",
    )
    add_feed(owner=user, url=base + "org.xml")
    assert poll_feeds(owner=user).candidates == []  # Jürgen Schäfer is in no relationship and no goal


def test_broken_sources_are_reported_and_do_not_stop_the_others(user, network, press):
    base, _ = press
    broken = add_feed(owner=user, url=base + "not_a_feed.html")
    missing = add_feed(owner=user, url=base + "gone.xml")
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    report = poll_feeds(owner=user)
    assert report.feeds == 3
    assert len(report.candidates) == 1
    broken.refresh_from_db()
    missing.refresh_from_db()
    assert broken.last_error == "not_a_feed"
    assert (missing.last_error, missing.last_error_detail) == ("http_error", "HTTP 404 File not found")
    assert missing.last_run_at is not None


def test_an_unreachable_server(user, network, loopback_sources):
    feed = add_feed(owner=user, url="http://127.0.0.1:9/feed.xml")
    poll_feeds(owner=user)
    feed.refresh_from_db()
    assert feed.last_error == "unreachable"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x/feed", "", "file:///etc/passwd", "x" * 2000])
def test_bad_addresses_are_refused(user, url):
    with pytest.raises(DataError):
        add_feed(owner=user, url=url)


def test_the_same_feed_twice_is_refused(user, press):
    base, _ = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    with pytest.raises(FeedError, match="already"):
        add_feed(owner=user, url=base + "newsroom_atom.xml")


def test_a_pasted_article_link(user, network, press):
    base, _ = press
    read = add_article(owner=user, url=base + "article.html")
    found = read.candidates
    assert not read.seen_before
    assert [(c.person, c.item.published) for c in found] == [(network["juergen"], date(2026, 1, 28))]
    assert found[0].item.title == "Rhein Cargo baut Bahnterminal in Neuss aus"
    again = add_article(owner=user, url=base + "article.html")  # pasted again: nothing new
    assert (again.candidates, again.seen_before) == (found, True)


def test_the_same_article_with_tracking_parameters_is_one_candidate(user, network, press):
    base, _ = press
    tracked = "article.html?utm_source=newsletter&utm_medium=email#kommentare"
    first = add_article(owner=user, url=base + tracked)
    assert first.candidates[0].item.url == base + "article.html"
    second = add_article(owner=user, url=base.replace("http://", "HTTP://") + "article.html?fbclid=abc")
    assert second.seen_before and second.candidates == first.candidates
    assert (FeedItem.objects.count(), Candidate.objects.count()) == (1, 1)
    assert add_article(owner=user, url=base + "article.html?seite=2").candidates != []  # another page


def test_an_article_a_feed_brought_is_not_offered_again_when_pasted(user, network, press):
    base, folder = press
    # A Google Alerts feed: each link wrapped in google.com/url?url=…, with tracking parameters.
    google = "https://www.google.com/url?rct=j&amp;sa=t&amp;url="
    wrapped = google + base + "article.html%3Futm_source%3Dalerts"
    (folder / "alerts.xml").write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Google Alert - Rhein Cargo</title>
<entry><id>tag:google.com,2013:googlealerts/feed:1</id>
<title type="html">Rhein Cargo baut Bahnterminal in Neuss aus</title>
<link href="{wrapped}"/><updated>2026-01-28T06:30:00Z</updated>
<content type="html">„Damit verdoppeln wir die Kapazität“, sagte Jürgen Schäfer,
Leiter Logistik bei Rhein Cargo.</content>
</entry></feed>""",
        encoding="utf-8",
    )
    add_feed(owner=user, url=base + "alerts.xml")
    [offered] = poll_feeds(owner=user).candidates
    assert offered.item.url == base + "article.html"
    pasted = add_article(owner=user, url=base + "article.html")
    assert pasted.seen_before and pasted.candidates == [offered]
    assert (FeedItem.objects.count(), Candidate.objects.count()) == (1, 1)
    dismiss_candidate(owner=user, candidate=offered)
    later = add_article(owner=user, url=base + "article.html?utm_campaign=x")
    assert later.seen_before and later.candidates == []  # dismissed stays dismissed


def test_a_page_without_an_article(user, press):
    base, _ = press
    with pytest.raises(FeedError):
        add_article(owner=user, url=base + "gone.html")


def test_confirming_makes_a_dated_success_that_feeds_the_questions(user, network, press):
    base, _ = press
    goal = create_goal(owner=user, text="Expat in Südostasien", regions=["Südostasien"])
    add_target(goal=goal, person=network["tim"])
    add_feed(owner=user, url=base + "logistik_rss.xml")
    poll_feeds(owner=user)
    candidate = pending_candidates(user, person=network["tim"]).get()
    success = confirm_candidate(owner=user, candidate=candidate)
    assert success.date == date(2026, 3, 2)
    assert success.source_url == "https://logistik.example/2026/03/siam-logistics-hub"
    assert Target.objects.get(goal=goal).stage == "researched"
    briefing = build_briefing(owner=user, person=network["tim"], lang="de", today=date(2026, 3, 10))
    assert [s.text for s in briefing.successes] == ["Siam Logistics eröffnet Hub in Laem Chabang"]
    assert any("Laem Chabang" in q.text for q in briefing.questions)
    with pytest.raises(CandidateError, match="already decided"):
        confirm_candidate(owner=user, candidate=candidate)


def test_dismissing_and_another_users_candidate(user, other_user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    [candidate] = poll_feeds(owner=user).candidates
    with pytest.raises(ValueError, match="no candidate"):
        dismiss_candidate(owner=other_user, candidate=candidate)
    dismiss_candidate(owner=user, candidate=candidate)
    assert not pending_candidates(user).exists()
    assert not Success.objects.exists()


def test_removing_a_feed_can_take_its_successes_back(user, network, press):
    base, _ = press
    feed = add_feed(owner=user, url=base + "newsroom_atom.xml")
    [candidate] = poll_feeds(owner=user).candidates
    confirm_candidate(owner=user, candidate=candidate)
    assert remove_feed(owner=user, feed=feed, purge=True) == 1
    assert not Success.objects.exists()
    assert not FeedItem.objects.exists()


def _cli(*args: str):
    return CliRunner().invoke(main, ["--user", "alice", *args], catch_exceptions=False)


def test_the_command_line(user, network, press):
    base, _ = press
    added = _cli("feed", "add", base + "logistik_rss.xml", "--name", "Logistik Heute", "--json")
    assert added.exit_code == 0, added.output
    feed_id = json.loads(added.output)["id"]
    polled = json.loads(_cli("feed", "poll", "--json").output)
    assert (polled["feeds"], polled["items"]) == (1, 4)
    assert {tuple(sorted(c)) for c in polled["candidates"]} >= {
        tuple(
            sorted(
                [
                    "id",
                    "person_id",
                    "organization_id",
                    "title",
                    "url",
                    "published",
                    "person",
                    "named",
                    "status",
                ]
            )
        )
    }
    hub = next(c for c in polled["candidates"] if c["person_id"] == network["tim"].pk)
    assert hub["published"] == "2026-03-02"
    listed = json.loads(_cli("candidates", "--json").output)
    assert len(listed) == 2
    confirmed = json.loads(_cli("candidates", "confirm", str(hub["id"]), "--json").output)
    assert confirmed["status"] == "confirmed"
    again = _cli("candidates", "dismiss", str(hub["id"]), "--json")
    assert again.exit_code == 1
    assert "already decided" in json.loads(again.stderr)["error"]
    feeds = json.loads(_cli("feed", "list", "--json").output)
    assert [(f["id"], f["name"], f["last_found"]) for f in feeds] == [(feed_id, "Logistik Heute", 2)]
    assert json.loads(_cli("feed", "remove", str(feed_id), "--json").output)["removed"] == 1
    missing = _cli("feed", "remove", str(feed_id), "--json")
    assert missing.exit_code == 1


def test_the_worker_reads_due_feeds_once(user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    result = CliRunner().invoke(main, ["worker", "--once", "--json"], catch_exceptions=False)
    assert json.loads(result.output)["sources_enqueued"] == 1
    assert Candidate.objects.for_user(user).count() == 1
    again = CliRunner().invoke(main, ["worker", "--once", "--json"], catch_exceptions=False)
    assert json.loads(again.output)["sources_enqueued"] == 0  # read within the hour
