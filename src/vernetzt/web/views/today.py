from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from vernetzt.goals.models import Goal
from vernetzt.journal.agenda import build_agenda
from vernetzt.language import request_language
from vernetzt.people.models import Person


def today(request):
    """The start page: the playbook runs (once a day) and what is due comes first."""
    day = timezone.localdate()
    agenda = build_agenda(owner=request.user, today=day, lang=request_language())
    context = {
        "agenda": agenda,
        "has_goal": Goal.objects.for_user(request.user).exists(),
        "has_people": Person.objects.for_user(request.user).filter(is_me=False).exists(),
    }
    return render(request, "vernetzt/today.html", context)
