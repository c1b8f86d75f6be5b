"""Immunisation pages: record a child's doses at a posyandu day, the cadre's due list, coverage."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import route
from gotong.posyandu.access import posyandus_for
from gotong.posyandu.dates import month_start, parse_month
from gotong.posyandu.immunisation import coverage, schedule, services
from gotong.posyandu.immunisation.forms import ImmunisationForm
from gotong.posyandu.models import Child, Vaccine
from gotong.posyandu.views.sessions import SessionChildLoader, _session_children, _sessions


def card_rows(child: Child, on: datetime.date) -> dict:
    """The child page's immunisation card: every dose of the schedule with its date or state, and IDL.

    On a phone only the doses a cadre can give today stay open; the rest of the schedule folds behind
    "Tampilkan semua", as long histories do elsewhere."""
    status = schedule.child_status(child.person.birth_date, services.given_doses(child), on)
    rows = [
        {
            "label": schedule.dose_label(*dose.key),
            "state": state,
            "state_label": schedule.STATE_LABELS[state],
            "on": on,
            "folds": state not in schedule.GIVABLE,
        }
        for dose, state, on in status.rows
    ]
    return {
        "rows": rows,
        "open_count": sum(1 for row in rows if not row["folds"]),
        "idl_on": status.idl_on,
        "summary": status.summary,
        "summary_label": schedule.SUMMARY_LABELS[status.summary],
    }


@route("posyandu.record", post="posyandu.record", target=SessionChildLoader())
def immunisation_record(request, pk, public_id):
    session = get_object_or_404(_sessions(request.user), pk=pk)
    child = next((c for c in _session_children(session) if str(c.public_id) == str(public_id)), None)
    if child is None:
        child = get_object_or_404(
            Child.objects.visible_to(request.user).filter(posyandu=session.posyandu), public_id=public_id
        )
    today = timezone.localdate()
    given_on = min(session.held_on, today)
    status = schedule.child_status(child.person.birth_date, services.given_doses(child), given_on)
    form = ImmunisationForm(request.POST or None, status=status, initial={"given_on": given_on})
    if request.method == "POST" and form.is_valid():
        place = form.cleaned_data["place"]
        try:
            saved = services.record_doses(
                child=child,
                doses=form.chosen(),
                given_on=form.cleaned_data["given_on"],
                place=place,
                session=session if place == "posyandu" else None,
                batches=dict.fromkeys(Vaccine.values, form.cleaned_data["batch"]),
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            labels = ", ".join(schedule.dose_label(i.vaccine, i.dose) for i in saved)
            messages.success(request, _("%(name)s: %(doses)s tercatat.") % {"name": child.person.name, "doses": labels})
            return redirect("posyandu:session-detail", pk=session.pk)
    context = {"session": session, "child": child, "form": form, "card": card_rows(child, given_on)}
    return render(request, "posyandu/immunisation_form.html", context)


def _chosen_posyandu(request, posyandus):
    posyandu_id = request.GET.get("posyandu", "")
    chosen = posyandus.filter(pk=posyandu_id).first() if posyandu_id.isdigit() else None
    return chosen or posyandus.order_by("name").first()


@route("posyandu.view")
def immunisation_due(request):
    """The cadre's list of children with a dose due (or overdue, or to catch up) this month, printable."""
    posyandus = posyandus_for(request.user).order_by("name")
    today = timezone.localdate()
    month = parse_month(request.GET.get("bulan"), today)
    posyandu = _chosen_posyandu(request, posyandus)
    rows = coverage.due_rows(posyandu, month) if posyandu is not None else []
    context = {
        "posyandus": posyandus.values_list("pk", "name"),
        "posyandu": posyandu,
        "month": month,
        "rows": [
            {
                "child": row.child,
                "summary": schedule.SUMMARY_LABELS[row.status.summary],
                "doses": [
                    (schedule.dose_label(*dose.key), schedule.STATE_LABELS[state], state) for dose, state in row.doses
                ],
            }
            for row in rows
        ],
    }
    return render(request, "posyandu/immunisation_due.html", context)


@route("posyandu.view")
def immunisation_coverage(request):
    """IDL coverage (UCI-style) and doses given, per posyandu and per village, for a month or a year."""
    today = timezone.localdate()
    month = parse_month(request.GET.get("bulan"), today)
    whole_year = request.GET.get("periode") == "tahun"
    if whole_year:
        start, end = month.replace(month=1, day=1), month.replace(month=12, day=31)
    else:
        start, end = month_start(month), schedule.Age(1).after(month) - datetime.timedelta(days=1)
    by_posyandu, by_village = coverage.coverage(posyandus_for(request.user), start, end)
    keys = [dose.key for dose in schedule.SCHEDULE]
    context = {
        "month": month,
        "whole_year": whole_year,
        "start": start,
        "end": end,
        "headers": [schedule.dose_label(*key) for key in keys],
        "posyandus": [(row, [row.doses.get(key, 0) for key in keys]) for row in by_posyandu],
        "villages": [(row, [row.doses.get(key, 0) for key in keys]) for row in by_village],
        "threshold": coverage.UCI_THRESHOLD,
    }
    return render(request, "posyandu/immunisation_coverage.html", context)
