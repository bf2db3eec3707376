"""The focused agenda's ranking, judged against the answer key of held-back generated days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests_support.agenda_days import RULES, generate_day, judge
from vernetzt.core.focus import Ranked, TaskFacts, base_score, contenders, describe_why, rank_tasks, worth

TODAY = date(2026, 3, 16)
# Seeds never looked at while the weights were chosen (those were 0–49).
HELD_BACK = range(1000, 1040)


def ranked_ids(day) -> list[int]:
    return [entry.task_id for entry in rank_tasks(day.tasks, today=day.today)]


def test_held_back_days_satisfy_every_rule_of_the_answer_key():
    totals = judge([generate_day(seed) for seed in HELD_BACK], ranked_ids)
    assert {name: checks > 0 for name, (checks, _) in totals.items()} == dict.fromkeys(RULES, True)
    assert {name: violations for name, (_, violations) in totals.items()} == dict.fromkeys(RULES, 0)


def test_the_answer_key_rejects_the_old_order_by_due_date():
    def by_due(day):
        return [t.task_id for t in sorted(day.tasks, key=lambda t: (t.due, t.task_id))]

    totals = judge([generate_day(seed) for seed in HELD_BACK], by_due)
    assert all(violations > 0 for _, violations in totals.values())


def task(task_id, kind, days_late=0, **facts):
    return TaskFacts(task_id=task_id, kind=kind, due=TODAY - timedelta(days=days_late), **facts)


def test_a_thank_you_due_today_comes_before_a_keep_in_touch_due_last_week():
    tasks = [
        task(1, "keep_in_touch", 7, tier="inner", goal="Expat", stage="appointment_agreed", priority=1),
        task(2, "thank_you_email", 0, tier="pool"),
    ]
    assert [r.task_id for r in rank_tasks(tasks, today=TODAY)] == [2, 1]


def test_worth_follows_goal_stage_priority_then_closeness():
    plain = task(1, "keep_in_touch")
    assert worth(task(1, "keep_in_touch", goal="G", stage="appointment_agreed")) > worth(
        task(1, "keep_in_touch", goal="G", stage="identified")
    )
    assert worth(task(1, "keep_in_touch", goal="G", priority=1)) > worth(
        task(1, "keep_in_touch", goal="G", priority=3)
    )
    assert worth(task(1, "keep_in_touch", goal="G")) > worth(
        task(1, "keep_in_touch", tier="inner", seniority="cxo")
    )
    assert (
        worth(task(1, "keep_in_touch", tier="inner"))
        > worth(task(1, "keep_in_touch", tier="secondary"))
        > worth(plain)
    )


def test_a_call_grows_more_pressing_for_a_few_days_and_a_birthday_fades():
    calls = [task(n, "call_to_schedule", n) for n in (0, 2, 20)]
    assert [r.task_id for r in rank_tasks(calls, today=TODAY)] == [2, 0, 20]
    birthdays = [task(n, "birthday_greeting", n) for n in (0, 1, 5)]
    assert [r.task_id for r in rank_tasks(birthdays, today=TODAY)] == [0, 1, 5]


def test_quick_tasks_first_among_equals():
    tasks = [task(1, "propose_lunch"), task(2, "connect_linkedin")]
    assert [r.task_id for r in rank_tasks(tasks, today=TODAY)] == [2, 1]


def test_ranking_is_deterministic_and_total():
    day = generate_day(7)
    assert ranked_ids(day) == ranked_ids(day)
    assert sorted(ranked_ids(day)) == sorted(t.task_id for t in day.tasks)


def why(kind, days_late=0, lang="de", **facts):
    facts_ = task(1, kind, days_late, **facts)
    return describe_why(Ranked(facts=facts_, score=0.0, days_late=days_late), lang)


@pytest.mark.parametrize(
    ("kind", "days_late", "facts", "german", "english"),
    [
        (
            "call_to_schedule",
            0,
            {"goal": "Expat in Südostasien", "stage": "appointment_agreed"},
            "Heute fällig · Termin festmachen, solange das Gespräch frisch ist · für „Expat in Südostasien“ "
            "(Termin vereinbart)",
            "Due today · fix the date while the conversation is fresh · for “Expat in Südostasien” "
            "(Appointment agreed)",
        ),
        (
            "thank_you_email",
            1,
            {},
            "Seit gestern fällig · ein Dank wirkt am ersten Tag",
            "Due since yesterday · a thank-you counts on the first day",
        ),
        (
            "birthday_greeting",
            2,
            {"tier": "inner"},
            "Seit 2 Tagen fällig · nachträglich gratulieren · engster Kreis",
            "Due for 2 days · belated greetings · inner circle",
        ),
        ("keep_in_touch", 12, {"tier": "developing"}, "Seit 12 Tagen fällig", "Due for 12 days"),
        (
            "keep_in_touch",
            -1,
            {"tier": "key"},
            "Morgen fällig · Schlüsselkontakt",
            "Due tomorrow · key contact",
        ),
    ],
)
def test_why_says_in_one_line_why_the_task_is_there(kind, days_late, facts, german, english):
    assert why(kind, days_late, "de", **facts) == german
    assert why(kind, days_late, "en", **facts) == english


def test_why_without_the_day_and_in_an_unknown_language():
    facts = task(1, "connect_xing")
    assert describe_why(Ranked(facts, 0.0, -3), "en", when=False) == "Takes a minute"
    with pytest.raises(ValueError, match="unsupported language"):
        describe_why(Ranked(facts, 0.0, 0), "fr")


@pytest.mark.parametrize("needed", [1, 10, 30, 500])
def test_contenders_keep_exactly_what_the_full_ranking_puts_on_top(needed):
    for seed in (3, 1001, 1002):
        day = generate_day(seed)
        bases = {t.task_id: base_score(t.kind, (day.today - t.due).days) for t in day.tasks}
        kept = set(contenders(bases, needed))
        full = [r.task_id for r in rank_tasks(day.tasks, today=day.today)][:needed]
        pruned = [r.task_id for r in rank_tasks([t for t in day.tasks if t.task_id in kept], today=day.today)]
        assert pruned[:needed] == full


def test_contenders_leave_the_routine_backlog_out_of_the_focused_ten():
    day = generate_day(1003, backlog=(2500, 2900))
    bases = {t.task_id: base_score(t.kind, (day.today - t.due).days) for t in day.tasks}
    kept = contenders(bases, 10)
    assert len(day.tasks) > 1000 and len(kept) < 50
