from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.core.listing import cheap_page
from gotong.registry.forms import DwellingForm, HouseholdForm
from gotong.registry.history import household_history
from gotong.registry.lists import household_rows
from gotong.registry.models import Dwelling, Household
from gotong.registry.rtlh import rtlh_failures
from gotong.registry.services import save_dwelling, save_household
from gotong.registry.views.access import require_registry_editor, visible_household_or_404


@login_required
def household_list(request):
    filters = request.GET
    area = Area.objects.filter(code=filters["wilayah"]).first() if filters.get("wilayah") else None
    # Registries reach millions of households: page without counting them all.
    page = cheap_page(household_rows(request.user, filters), request.GET.get("page"))
    template = "registry/_household_rows.html" if request.htmx else "registry/household_list.html"
    return render(request, template, {"page": page, "area": area, "filters": filters})


@login_required
def household_detail(request, public_id):
    household = visible_household_or_404(request.user, public_id)
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
            "can_edit": request.user.can_edit_registry(),
            "full_nik": request.user.can_see_full_nik(),
        },
    )


def _save_household_from_form(request, form) -> Household | None:
    household = form.save(commit=False)
    try:
        household.area = ensure_neighbourhood_unit(
            form.cleaned_data["village_code"], form.cleaned_data["rw"], form.cleaned_data["rt"]
        )
        return save_household(household, acting_user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return None


@login_required
def household_create(request):
    require_registry_editor(request.user)
    form = HouseholdForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        household = _save_household_from_form(request, form)
        if household is not None:
            messages.success(request, _("Rumah tangga tersimpan. Tambahkan anggotanya, mulai dari kepala keluarga."))
            return redirect("registry:person-create", public_id=household.public_id)
    return render(request, "registry/household_form.html", {"form": form})


@login_required
def household_edit(request, public_id):
    require_registry_editor(request.user)
    household = visible_household_or_404(request.user, public_id)
    form = HouseholdForm(request.POST or None, instance=household, user=request.user)
    if request.method == "POST" and form.is_valid() and _save_household_from_form(request, form):
        messages.success(request, _("Perubahan tersimpan."))
        return redirect("registry:household-detail", public_id=household.public_id)
    return render(request, "registry/household_form.html", {"form": form, "household": household})


@login_required
def dwelling_edit(request, public_id):
    require_registry_editor(request.user)
    household = visible_household_or_404(request.user, public_id)
    dwelling = Dwelling.objects.filter(household=household).first() or Dwelling(household=household)
    form = DwellingForm(request.POST or None, instance=dwelling)
    if request.method == "POST" and form.is_valid():
        try:
            save_dwelling(form.save(commit=False), acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kondisi rumah tersimpan."))
            return redirect("registry:household-detail", public_id=household.public_id)
    return render(request, "registry/dwelling_form.html", {"form": form, "household": household})
