"""Coverage: the under-fives of a posyandu's area that no posyandu follows, and enrolling them ("Daftarkan").

One posyandu at a time, among those the user sees (`posyandu.view`); the persons listed are also those the user
may see in the registry (`registry.view`: a cadre her posyandu's area, facilitators and officers their areas), so
the list never shows a child outside the viewer's scope. Enrolling needs `posyandu.record` in that posyandu.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.listing import seek_page
from gotong.core.policy.routes import route
from gotong.posyandu import services
from gotong.posyandu.access import can_record, posyandus_for
from gotong.posyandu.coverage import not_enrolled
from gotong.posyandu.growth import age_in_months
from gotong.registry.models import Person


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None  # missing or not an id at all: a bad request, not a server error


def _chosen(request, posyandus):
    wanted = request.POST.get("posyandu") or request.GET.get("posyandu", "")
    if str(wanted).isdigit():
        return get_object_or_404(posyandus, pk=int(wanted))
    return posyandus.first()


@route("posyandu.view", post="posyandu.record")
def coverage(request):
    posyandus = posyandus_for(request.user).order_by("name")
    posyandu = _chosen(request, posyandus)
    today = timezone.localdate()
    if request.method == "POST" and posyandu is not None:
        person_id = _uuid(request.POST.get("person"))
        if person_id is None:
            return HttpResponseBadRequest(_("Pilih balita yang didaftarkan."))
        # Outside the user's view of the registry: not found, whether or not it exists.
        person = get_object_or_404(Person.objects.visible_to(request.user), public_id=person_id)
        try:
            services.enrol_from_area(posyandu=posyandu, person=person, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(name)s terdaftar di %(posyandu)s.") % {"name": person.name, "posyandu": posyandu.name}
            )
        return redirect(f"{reverse('posyandu:coverage')}?posyandu={posyandu.pk}")
    rows = Person.objects.none()
    if posyandu is not None:
        rows = not_enrolled(posyandu, today).filter(pk__in=Person.objects.visible_to(request.user).values("pk"))
    # Ordered in both cases: the cursor pager seeks on these keys (Person's own ordering is not one it can follow).
    rows = rows.order_by("area_code", "birth_date", "pk")
    page = seek_page(rows, request.GET)
    for person in page:
        person.age_months = age_in_months((today - person.birth_date).days)
    context = {
        "posyandu": posyandu,
        "posyandus": posyandus.values_list("pk", "name"),
        "page": page,
        "may_enrol": posyandu is not None and can_record(request.user, posyandu),
    }
    return render(request, "posyandu/coverage.html", context)
