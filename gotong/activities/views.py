"""Gotong royong pages: events in scope, attendance on a phone, labour value, participation, norms and warnings."""

import datetime
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gotong.activities import services, stats
from gotong.activities.forms import ContributionForm, EventForm, NormForm, WageRateForm, WarningForm
from gotong.activities.lists import event_rows, may_see_warnings, norm_rows, warning_rows
from gotong.activities.models import Event, Norm, WageRate
from gotong.core.charts import png_data_uri
from gotong.core.forms import add_service_errors
from gotong.core.listing import filter_wilayah
from gotong.core.policy import can
from gotong.core.policy.routes import by, route
from gotong.core.scoping import area_code_filter
from gotong.registry.models import Person

VIEW, RECORD = "activities.view", "activities.record"

PARTICIPATION_MONTHS = 6


def _events(user):
    return Event.objects.visible_to(user).select_related("area__parent", "organization")


def _last_months(today, count):
    first = today.replace(day=1)
    for _step in range(count - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return stats.month_starts(first, today)


def _cells_html(table) -> None:
    """Give each participation row its month cells as HTML (`row.cells_html`), as the template wrote them.

    A city's table is some 2,000 RTs × 6 months: rendering each cell's three localized numbers in the template took
    longer than counting them (number_format called 36,000 times, 0.5 s on Medan). The same numbers recur (a
    percent has 1,001 values), so each is localized once, with the function the template itself calls."""
    texts: dict[tuple, str] = {}

    def text(value) -> str:
        key = (type(value), str(value))
        if key not in texts:
            texts[key] = str(formats.localize(value))
        return texts[key]

    empty = mark_safe('<td class="text-end small">—</td>')
    cell = '<td class="text-end small"><strong>{}%</strong><br><span class="text-muted">{}/{}</span></td>'
    for row in table:
        row.cells_html = mark_safe(
            "".join(
                empty if percent is None else format_html(cell, text(percent), text(came), text(adults))
                for adults, came, percent in row.cells
            )
        )


@route(VIEW)
def home(request):
    today = timezone.localdate()
    shown = event_rows(request.user, request.GET, today)
    months = _last_months(today, PARTICIPATION_MONTHS)
    table = stats.participation_by_rt(filter_wilayah(Event.objects.visible_to(request.user), request.GET), months)
    png = stats.participation_chart_png(table, months)
    _cells_html(table)
    context = {
        "upcoming": shown["upcoming"],
        "recent": shown["recent"],
        "months": months,
        "table": table,
        "chart": png_data_uri(png) if png else None,
    }
    return render(request, "activities/home.html", context)


def _event_form_page(request, event=None):
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if event is None:
                event = services.create_event(**fields, acting_user=request.user)
            else:
                event = services.update_event(event, **fields, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kegiatan %(title)s tersimpan.") % {"title": event.title})
            return redirect("activities:event-detail", event.public_id)
    return render(request, "activities/event_form.html", {"form": form, "event": event})


@route(RECORD, post=RECORD)
def event_create(request):
    return _event_form_page(request)


@route(RECORD, post=RECORD, target=by(Event, "public_id"))
def event_edit(request, public_id):
    return _event_form_page(request, get_object_or_404(_events(request.user), public_id=public_id))


@route(VIEW, post=RECORD, target=by(Event, "public_id"))
def event_detail(request, public_id):
    event = get_object_or_404(_events(request.user), public_id=public_id)
    can_record = can(request.user, RECORD, event)
    contribution_form = ContributionForm(request.POST or None)
    if request.method == "POST" and contribution_form.is_valid():
        try:
            services.add_contribution(event, **contribution_form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(contribution_form, exc)
        else:
            messages.success(request, _("Sumbangan natura dicatat."))
            return redirect("activities:event-detail", event.public_id)
    # Residents see the count and value, not the list of who came: names are for those who record the event or
    # work with the registry persons of its area.
    show_names = can_record or can(request.user, "registry.view", event.area_code)
    attendance = []
    if show_names:
        seen = Person.objects.visible_to(request.user)
        attendance = event.attendance.filter(person__in=seen).select_related("person").order_by("person__name")
    history = LogEntry.objects.get_for_object(event).select_related("actor", "content_type")[:20]
    context = {
        "event": event,
        "summary": stats.event_summary(event),
        "attendance": attendance,
        "contributions": event.contributions.all(),
        "contribution_form": contribution_form,
        "can_record": can_record,
        "entries": history,
    }
    return render(request, "activities/event_detail.html", context)


def _parse_hours(raw):
    try:
        return Decimal(raw.replace(",", ".")) if raw.strip() else None
    except InvalidOperation:
        return "invalid"


@route(RECORD, post=RECORD, target=by(Event, "public_id"))
def event_attendance(request, public_id):
    event = get_object_or_404(_events(request.user), public_id=public_id)
    # The residents of the event's area the user sees, and anyone they see who is already recorded as present:
    # the form lists exactly the rows a submit may change (the service keeps every other row).
    present = {a.person_id: a.hours for a in event.attendance.all()}
    listed = area_code_filter([event.area_code]) | Q(pk__in=list(present))
    residents = list(Person.objects.visible_to(request.user).filter(listed).select_related("household")
                     .order_by("name"))  # fmt: skip
    errors = []
    if request.method == "POST":
        chosen = set(request.POST.getlist("person"))
        hours_by_person = {}
        for person in residents:
            if str(person.pk) in chosen:
                hours = _parse_hours(request.POST.get(f"hours_{person.pk}", ""))
                if hours == "invalid":
                    errors.append(_("Jam kerja %(name)s bukan angka.") % {"name": person.name})
                hours_by_person[person] = hours
        try:
            guests = int(request.POST.get("guests") or 0)
            guest_hours = Decimal((request.POST.get("guest_hours") or "0").replace(",", "."))
        except (ValueError, InvalidOperation):
            errors.append(_("Jumlah dan jam peserta tidak terdaftar harus angka."))
        if not errors:
            try:
                result = services.record_attendance(
                    event, hours_by_person=hours_by_person, guests=guests, guest_hours=guest_hours,
                    acting_user=request.user,
                )  # fmt: skip
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("Kehadiran tersimpan: %(n)s warga hadir.") % {"n": result["present"]})
                return redirect("activities:event-detail", event.public_id)
        # Keep what the user ticked and typed when something was wrong.
        present = {int(pk): request.POST.get(f"hours_{pk}", "") for pk in chosen if pk.isdigit()}
    rows = [{"person": p, "present": p.pk in present, "hours": present.get(p.pk, "")} for p in residents]
    context = {
        "event": event,
        "rows": rows,
        "errors": errors,
        "guests": request.POST.get("guests", event.guests),
        "guest_hours": request.POST.get("guest_hours", event.guest_hours),
    }
    return render(request, "activities/attendance.html", context)


@route(VIEW)
def norms(request):
    norm_list = norm_rows(request.user, request.GET)
    warnings = warning_rows(request.user, request.GET)
    context = {
        "norms": norm_list,
        "warnings": warnings,
        "may_see_warnings": may_see_warnings(request.user, warnings),
    }
    return render(request, "activities/norms.html", context)


@route(RECORD, post=RECORD)
def norm_create(request):
    form = NormForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_norm(**form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Norma tersimpan."))
            return redirect("activities:norms")
    return render(request, "activities/norm_form.html", {"form": form})


@route(RECORD, post=RECORD, target=by(Norm, "pk"))
def warning_create(request, pk):
    norm = get_object_or_404(Norm.objects.visible_to(request.user).select_related("organization"), pk=pk)
    form = WarningForm(request.POST or None, user=request.user, norm=norm)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_warning(norm, **form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Teguran dicatat."))
            return redirect("activities:norms")
    return render(request, "activities/warning_form.html", {"form": form, "norm": norm})


@route(RECORD, post=RECORD)
def wage_rates(request):
    form = WageRateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_wage_rate(**form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("UMK tersimpan."))
            return redirect("activities:wage-rates")
    return render(request, "activities/wage_rates.html", {"rates": WageRate.objects.all(), "form": form})
