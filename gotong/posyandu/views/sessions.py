"""Monthly sessions (hari buka) and recording weighings one child after another on a phone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gotong.core.area_codes import city_code
from gotong.core.dates import short_date
from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import route
from gotong.posyandu import classification, growth, services
from gotong.posyandu.access import can_record, may_record_somewhere
from gotong.posyandu.forms import SessionForm, WeighingForm
from gotong.posyandu.lists import session_rows
from gotong.posyandu.models import Child, Measure, Session, Weighing
from gotong.posyandu.skdn import month_end
from gotong.posyandu.views.children import status_rows


def _sessions(user):
    return Session.objects.visible_to(user).select_related("posyandu")


class SessionChildLoader:
    """`target=` of the weighing page (`hari-buka/<pk>/timbang/<public_id>/`): the session, whose posyandu decides.

    Both records are looked up without scope (404 when either does not exist); the policy then scopes the session.
    """

    def __call__(self, **kwargs):
        get_object_or_404(Child.objects.all(), public_id=kwargs["public_id"])
        return get_object_or_404(Session.objects.all(), pk=kwargs["pk"])

    def samples(self):
        """One session per city with a child its posyandu follows."""
        seen = set()
        for session in Session.objects.order_by("pk").iterator():
            city = city_code(session.area_code)
            if city in seen:
                continue
            child = Child.objects.filter(posyandu_id=session.posyandu_id).order_by("pk").first()
            if child is not None:
                seen.add(city)
                yield {"pk": session.pk, "public_id": child.public_id}


@route("posyandu.view")
def session_list(request):
    sessions = session_rows(request.user, request.GET)
    for session in sessions:
        # The session page lists the posyandu's children: linked only for those who record there.
        session.may_record = can_record(request.user, session.posyandu)
    context = {"sessions": sessions, "can_add": may_record_somewhere(request.user)}
    return render(request, "posyandu/session_list.html", context)


@route("posyandu.record", post="posyandu.record")
def session_create(request):
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.open_session(acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Hari buka %(day)s dibuat.") % {"day": short_date(session.held_on)})
            return redirect("posyandu:session-detail", pk=session.pk)
    return render(request, "posyandu/session_form.html", {"form": form})


def _session_children(session):
    """The under-fives the posyandu follows in the session's month, in the order the cadre calls them."""
    return list(
        Child.objects.filter(posyandu=session.posyandu)
        .current(month_end(session.month))
        .select_related("person")
        .order_by("person__name")
    )


@route("posyandu.record", post="posyandu.record", target=SessionChildLoader())
def weighing_record(request, pk, public_id):
    session = get_object_or_404(_sessions(request.user), pk=pk)
    children = _session_children(session)
    child = next((c for c in children if str(c.public_id) == str(public_id)), None)
    if child is None:
        child = get_object_or_404(Child.objects.visible_to(request.user), public_id=public_id)
    existing = Weighing.objects.filter(child=child, month=session.month).first()
    age_days = (session.held_on - child.person.birth_date).days
    default_measure = Measure.LYING if age_days < growth.HEIGHT_FROM_DAYS else Measure.STANDING
    initial = None
    if existing is not None:
        initial = {
            "weight_kg": str(existing.weight_kg).replace(".", ","),
            "length_cm": str(existing.length_cm or "").replace(".", ","),
            "measure": existing.measure or default_measure,
            "muac_cm": str(existing.muac_cm or "").replace(".", ","),
            "oedema": existing.oedema,
            "growth_card": existing.growth_card,
            "measured_on": existing.measured_on,
        }
    form = WeighingForm(
        request.POST or None, initial=initial, default_measure=default_measure, measured_on=session.held_on
    )
    if request.method == "POST" and form.is_valid():
        try:
            weighing = services.record_weighing(
                child=child, session=session, acting_user=request.user, **form.service_kwargs()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            waz = classification.label("waz", weighing.waz_class or None)
            messages.success(
                request,
                _("%(name)s: %(kg)s kg, %(trend)s, %(waz)s.")
                % {
                    "name": child.person.name,
                    "kg": number_format(weighing.weight_kg, 2),
                    "trend": weighing.get_trend_display(),
                    "waz": waz,
                },
            )
            weighed = set(Weighing.objects.filter(session=session).values_list("child_id", flat=True))
            following = next((c for c in children if c.pk not in weighed), None)
            if following is not None and "next" in request.POST:
                return redirect("posyandu:weighing-record", pk=session.pk, public_id=following.public_id)
            # Back to meja 3, where the KMS result of who was just weighed is read out.
            return redirect(f"{reverse('posyandu:session-detail', args=[session.pk])}?meja=3")
    previous = child.weighings.filter(month__lt=session.month).order_by("-month").first()
    context = {
        "session": session,
        "child": child,
        "form": form,
        "existing": existing,
        "previous": previous,
        "status": status_rows(existing) if existing else [],
        "age_months": growth.age_in_months(age_days),
        "position": next((i + 1 for i, c in enumerate(children) if c.pk == child.pk), None),
        "total": len(children),
    }
    return render(request, "posyandu/weighing_form.html", context)
