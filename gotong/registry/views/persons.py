from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.policy import can
from gotong.core.policy.routes import route
from gotong.registry.forms import PersonForm
from gotong.registry.models import Person
from gotong.registry.services import save_person, visible_holder_of_nik
from gotong.registry.views.access import (
    household_by_public_id,
    person_by_public_id,
    visible_household_or_404,
    visible_person_or_404,
)


def _save(request, form, person: Person):
    """Save through the service; field errors land on the form, warnings become messages."""
    try:
        warnings = save_person(person, acting_user=request.user)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    for warning in warnings:
        messages.warning(request, warning)
    messages.success(request, _("Data %(name)s tersimpan.") % {"name": person.name})
    return True


def _existing(request, form, person: Person | None = None) -> Person | None:
    """The person already holding the typed NIK, when the user may see them (linked next to the error)."""
    if "nik" not in form.errors or not form.instance.nik:
        return None
    return visible_holder_of_nik(form.instance.nik, request.user, exclude_pk=person.pk if person else None)


# A newborn or a new member: organisation staff may add one to a household their organisation serves.
@route("registry.add_member", post="registry.add_member", target=household_by_public_id)
def person_create(request, public_id):
    household = visible_household_or_404(request.user, public_id)
    initial = {} if household.members.exists() else {"relationship": "kepala"}
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.household = household
        if _save(request, form, person):
            return redirect("registry:household-detail", public_id=household.public_id)
    context = {"form": form, "household": household, "existing": _existing(request, form) if form.is_bound else None}
    return render(request, "registry/person_form.html", context)


@route("registry.record", post="registry.record", target=person_by_public_id)
def person_edit(request, public_id):
    user = request.user
    person = visible_person_or_404(user, public_id)
    form = PersonForm(request.POST or None, instance=person, reveal_nik=can(user, "registry.see_nik", person))
    if request.method == "POST" and form.is_valid() and _save(request, form, form.save(commit=False)):
        return redirect("registry:household-detail", public_id=person.household.public_id)
    # After a refused POST the form's instance holds the typed values: the title names the saved person.
    saved = visible_person_or_404(user, public_id)
    context = {
        "form": form,
        "household": saved.household,
        "person": saved,
        "existing": _existing(request, form, saved) if form.is_bound else None,
    }
    return render(request, "registry/person_form.html", context)
