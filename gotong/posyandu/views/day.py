"""The posyandu day at its five tables on a phone: the session page by table, and one child's page for
registration, counselling (meja 4) and services (meja 5). Weighing keeps its own page (`weighing_record`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import by, route
from gotong.posyandu import classification, day, day_services, supplements
from gotong.posyandu.access import can_record
from gotong.posyandu.day_forms import CounsellingForm, FeedingForm, GivenOnForm
from gotong.posyandu.models import Child, DayVisit, Session
from gotong.posyandu.skdn import month_end
from gotong.posyandu.views.sessions import SessionChildLoader


def _sessions(user):
    return Session.objects.visible_to(user).select_related("posyandu")


def _children(session):
    return list(
        Child.objects.filter(posyandu=session.posyandu)
        .current(month_end(session.month))
        .select_related("person")
        .order_by("person__name")
    )


def _table(request) -> int:
    try:
        table = int(request.GET.get("meja", "1"))
    except ValueError:
        return 1
    return table if 1 <= table <= 5 else 1


# Residents may see the date on the home page, not the whole list of children: the page needs `posyandu.record`.
@route("posyandu.record", target=by(Session, "pk"))
def session_detail(request, pk):
    session = get_object_or_404(_sessions(request.user), pk=pk)
    rows = day.day_rows(session, _children(session))
    table = _table(request)
    came = [r for r in rows if r.visit or r.weighing]
    shown = {
        1: rows,
        2: came,
        3: [r for r in came if r.weighing],
        4: came,
        5: [r for r in came if r.services],
    }[table]
    for row in shown:
        if row.weighing is not None:
            row.kms = classification.label("waz", row.weighing.waz_class or None)
            row.falters = supplements.falter_reasons(row.weighing)
    progress = day.progress(rows)
    tables = [(n, label, *progress[n]) for n, label in day.TABLES]
    # Who came and waits at meja 2 goes first; before anyone is registered, the list's order (as on paper).
    waiting = [r.child for r in came if r.weighing is None] or [r.child for r in rows if r.weighing is None]
    next_to_weigh = waiting[0] if waiting else None
    context = {
        "session": session,
        "rows": shown,
        "table": table,
        "tables": tables,
        "next_to_weigh": next_to_weigh,
        "weighed": progress[2][0],
        "total": len(rows),
    }
    return render(request, "posyandu/session_detail.html", context)


@route("posyandu.record", post="posyandu.record", target=SessionChildLoader())
def day_child(request, pk, public_id):
    session = get_object_or_404(_sessions(request.user), pk=pk)
    child = get_object_or_404(
        Child.objects.filter(posyandu=session.posyandu).select_related("person"), public_id=public_id
    )
    action = request.POST.get("action", "") if request.method == "POST" else ""
    back_table = request.POST.get("meja") or request.GET.get("meja") or "5"
    visit = DayVisit.objects.filter(session=session, child=child).first()
    forms = {
        "counselling": CounsellingForm(
            request.POST if action == "counselling" else None,
            initial={"note": visit.counselling_note if visit else ""},
            prefix="c",
        ),
        "feeding": FeedingForm(
            request.POST if action == "feeding" else None, initial={"given_on": session.held_on}, prefix="f"
        ),
        "vitamin_a": GivenOnForm(
            request.POST if action == "vitamin_a" else None, initial={"given_on": session.held_on}, prefix="v"
        ),
        "deworming": GivenOnForm(
            request.POST if action == "deworming" else None, initial={"given_on": session.held_on}, prefix="o"
        ),
    }
    if action == "arrive":
        try:
            day_services.record_visit(session=session, child=child, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s terdaftar hadir.") % {"name": child.person.name})
        return redirect(f"{reverse('posyandu:session-detail', args=[session.pk])}?meja=1")
    form = forms.get(action)
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "counselling":
                day_services.record_counselling(
                    session=session, child=child, note=data["note"], acting_user=request.user
                )
            elif action == "feeding":
                day_services.give_feeding(session=session, child=child, acting_user=request.user, **data)
            elif action == "vitamin_a":
                day_services.give_vitamin_a(
                    session=session, child=child, given_on=data["given_on"], acting_user=request.user
                )
            else:
                day_services.give_deworming(
                    session=session, child=child, given_on=data["given_on"], acting_user=request.user
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s: tersimpan.") % {"name": child.person.name})
            return redirect(f"{reverse('posyandu:session-detail', args=[session.pk])}?meja={back_table}")
    context = day.day_context(session, [child])
    weighing = context["weighing"].get(child.pk)
    services = day.day_services(session, child, context)
    return render(
        request,
        "posyandu/day_child.html",
        {
            "session": session,
            "child": child,
            "visit": visit,
            "weighing": weighing,
            "kms": classification.label("waz", weighing.waz_class or None) if weighing else "",
            "falters": supplements.falter_reasons(weighing),
            "services": {s.key: s for s in services},
            "service_list": services,
            "forms": forms,
            "meja": back_table,
            "may_record": can_record(request.user, session.posyandu),
            "age_months": supplements.age_months(child.person.birth_date, session.held_on),
        },
    )
