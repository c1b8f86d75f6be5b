from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gotong.registry.forms import PersonForm
from gotong.registry.models import Person
from gotong.registry.services import save_person
from gotong.registry.views.access import (
    require_registry_editor,
    visible_household_or_404,
    visible_person_or_404,
)


def _save(request, form, person: Person):
    """Save through the service; field errors land on the form, warnings become messages."""
    try:
        warnings = save_person(person, acting_user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    for warning in warnings:
        messages.warning(request, warning)
    messages.success(request, _("Data %(name)s tersimpan.") % {"name": person.name})
    return True


@login_required
def person_create(request, public_id):
    require_registry_editor(request.user)
    household = visible_household_or_404(request.user, public_id)
    initial = {} if household.members.exists() else {"relationship": "kepala"}
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.household = household
        if _save(request, form, person):
            return redirect("registry:household-detail", public_id=household.public_id)
    return render(request, "registry/person_form.html", {"form": form, "household": household})


@login_required
def person_edit(request, public_id):
    require_registry_editor(request.user)
    person = visible_person_or_404(request.user, public_id)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid() and _save(request, form, form.save(commit=False)):
        return redirect("registry:household-detail", public_id=person.household.public_id)
    return render(request, "registry/person_form.html", {"form": form, "household": person.household, "person": person})
