from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.core.forms import add_service_errors
from gotong.core.links import uuid_links
from gotong.core.listing import seek_page
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.routes import route
from gotong.registry.forms import DwellingForm, HouseholdForm
from gotong.registry.history import household_history
from gotong.registry.lists import household_rows
from gotong.registry.models import Dwelling, Household
from gotong.registry.rtlh import rtlh_failures
from gotong.registry.services import place_household, save_dwelling, visible_holder_of_family_card
from gotong.registry.views.access import household_by_public_id, visible_household_or_404

# A service's "area" (the RT it refused) is shown on the form's RT field.
_FORM_FIELD = {"area": "rt"}


@route("registry.view")
def household_list(request):
    filters = request.GET
    area = Area.objects.filter(code=filters["wilayah"]).first() if filters.get("wilayah") else None
    # Registries reach millions of households: page without counting them all.
    page = seek_page(household_rows(request.user, filters), filters)
    detail = uuid_links("registry:household-detail")  # one reverse() for the page's rows
    for household in page:
        household.detail_url = detail(household.public_id)
    template = "registry/_household_rows.html" if request.htmx else "registry/household_list.html"
    return render(request, template, {"page": page, "area": area, "filters": filters})


@route("registry.view", target=household_by_public_id)
def household_detail(request, public_id):
    user = request.user
    household = visible_household_or_404(user, public_id)
    members = list(household.members.all())
    # Head first, then by age: the order of a family card.
    members.sort(key=lambda p: (p.relationship != "kepala", p.birth_date))
    dwelling = Dwelling.objects.filter(household=household).first()
    today = timezone.localdate()
    return render(
        request,
        "registry/household_detail.html",
        {
            "household": household,
            "members": [(p, p.age_on(today)) for p in members],
            "dwelling": dwelling,
            "rtlh_failures": rtlh_failures(dwelling) if dwelling else [],
            "ancestors": household.area.ancestors(),
            "history": household_history(household),
            "can_edit": can(user, "registry.record", household),
            "can_add_member": can(user, "registry.add_member", household),
            # Members share their household's area: one decision for the card's every number.
            "full_nik": can(user, "registry.see_nik", household),
        },
    )


def _save_household_from_form(request, form) -> Household | None:
    household = form.save(commit=False)
    data = form.cleaned_data
    try:
        return place_household(household, data["village_code"], data["rw"], data["rt"], acting_user=request.user)
    except ValidationError as error:
        add_service_errors(form, error, field_for=lambda key: _FORM_FIELD.get(key, key))
        return None


def _existing(request, form, household: Household | None = None) -> Household | None:
    """The household already holding the typed KK number, when the user may see it (linked next to the error)."""
    number = form.instance.family_card_number
    if "family_card_number" not in form.errors or not number:
        return None
    return visible_holder_of_family_card(number, request.user, exclude_pk=household.pk if household else None)


@route("registry.record", post="registry.record")
def household_create(request):
    welfare = may_somewhere(request.user, "registry.welfare")
    form = HouseholdForm(request.POST or None, user=request.user, welfare=welfare)
    if request.method == "POST" and form.is_valid():
        household = _save_household_from_form(request, form)
        if household is not None:
            messages.success(request, _("Rumah tangga tersimpan. Tambahkan anggotanya, mulai dari kepala keluarga."))
            return redirect("registry:person-create", public_id=household.public_id)
    context = {"form": form, "existing": _existing(request, form) if form.is_bound else None}
    return render(request, "registry/household_form.html", context)


@route("registry.record", post="registry.record", target=household_by_public_id)
def household_edit(request, public_id):
    user = request.user
    household = visible_household_or_404(user, public_id)
    form = HouseholdForm(
        request.POST or None,
        instance=household,
        user=user,
        reveal_number=can(user, "registry.see_nik", household),
        welfare=can(user, "registry.welfare", household),
    )
    if request.method == "POST" and form.is_valid() and _save_household_from_form(request, form):
        messages.success(request, _("Perubahan tersimpan."))
        return redirect("registry:household-detail", public_id=household.public_id)
    # The form's instance holds the typed values after a refused POST: show the saved household in the title.
    saved = visible_household_or_404(user, public_id)
    context = {"form": form, "household": saved, "existing": _existing(request, form, saved) if form.is_bound else None}
    return render(request, "registry/household_form.html", context)


@route("registry.record", post="registry.record", target=household_by_public_id)
def dwelling_edit(request, public_id):
    household = visible_household_or_404(request.user, public_id)
    dwelling = Dwelling.objects.filter(household=household).first() or Dwelling(household=household)
    form = DwellingForm(request.POST or None, instance=dwelling)
    if request.method == "POST" and form.is_valid():
        try:
            save_dwelling(form.save(commit=False), acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Kondisi rumah tersimpan."))
            return redirect("registry:household-detail", public_id=household.public_id)
    return render(request, "registry/dwelling_form.html", {"form": form, "household": household})
