"""Settings → Privacy: the notice in first messages and the public page, retention, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.accounts.audit import audit_entries, describe_entry, record
from vernetzt.accounts.privacy import privacy_settings, public_page_url, public_site, update_privacy_settings
from vernetzt.people.models import Person
from vernetzt.people.retention import apply_retention, keep_person, plan_retention
from vernetzt.web.privacy_forms import NoticeForm, RetentionForm

AUDIT_PAGE_SIZE = 20
PREVIEW_SIZE = 50


@require_http_methods(["GET", "POST"])
def privacy_page(request):
    user = request.user
    current = privacy_settings(user)
    action = request.POST.get("form")
    notice_form = NoticeForm(request.POST if action == "notice" else None, instance=current)
    retention_form = RetentionForm(request.POST if action == "retention" else None, instance=current)
    for form in (notice_form, retention_form):
        if form.is_bound and form.is_valid():
            update_privacy_settings(owner=user, **form.cleaned_data)
            messages.success(request, _("Privacy settings saved."))
            return redirect("privacy_settings")
    if action == "retention_apply":
        _plan, counts = apply_retention(owner=user, now=timezone.now())
        if any(counts.values()):
            record(user, "retention", {**counts, "via": "web"})
        messages.success(
            request, _("Archived %(archive)d, deleted %(delete)d, restored %(restore)d people.") % counts
        )
        return redirect("privacy_settings")
    plan, counts = plan_retention(owner=user, now=timezone.now(), limit=PREVIEW_SIZE)
    origin = f"{request.scheme}://{request.get_host()}"
    audit = Paginator(audit_entries(user), AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in audit:
        entry.description = describe_entry(entry)
    context = {
        "privacy": current,
        "notice_form": notice_form,
        "retention_form": retention_form,
        "page_url": public_page_url(current, request_origin=origin),
        "local_url": request.build_absolute_uri(f"/notice/{current.public_slug}/") if current.pk else "",
        "reachable": bool(public_site(origin)),
        "audit": audit,
        "retention_counts": counts,
        "retention_lists": [
            (_("To archive"), plan.archive),
            (_("To delete"), plan.delete),
            (_("To restore"), plan.restore),
        ],
    }
    status = 422 if any(f.is_bound and f.errors for f in (notice_form, retention_form)) else 200
    return render(request, "vernetzt/privacy_settings/page.html", context, status=status)


@require_POST
def person_keep(request, pk: int):
    """One click restores an archived person and restarts their retention clock."""
    person = get_object_or_404(Person.objects.for_user(request.user).filter(is_me=False), pk=pk)
    keep_person(person=person, now=timezone.now())
    messages.success(
        request, _("%(name)s is kept and back in rankings and Today.") % {"name": person.display_name}
    )
    return redirect("person_detail", pk=person.pk)
