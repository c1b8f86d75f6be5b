"""Overview, members and passbooks, the price list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.listing import seek_page
from gotong.core.policy.routes import by, route
from gotong.wastebank import exports, reports, services
from gotong.wastebank.access import can_record
from gotong.wastebank.forms import CategoryForm, MemberForm, PriceForm
from gotong.wastebank.lists import bank_rows, member_rows
from gotong.wastebank.models import Member, Price, WasteCategory
from gotong.wastebank.views.common import BANK, visible_bank


@route("wastebank.view")
def home(request):
    banks = list(bank_rows(request.user, request.GET))
    own = []
    if request.user.person_id:
        own = list(
            Member.objects.visible_to(request.user)
            .filter(person_id=request.user.person_id)
            .select_related("bank__organization")
        )
    if len(banks) == 1 and not own:
        return redirect("wastebank:bank", banks[0].pk)
    if len(own) == 1 and not banks:
        return redirect("wastebank:member", own[0].public_id)
    return render(request, "wastebank/home.html", {"banks": banks, "own": own})


@route("wastebank.view", target=BANK)
def bank_detail(request, bank_id):
    bank = visible_bank(request, bank_id)
    context = {
        "bank": bank,
        "overview": reports.overview(bank, timezone.localdate()),
        "today": timezone.localdate(),
        "can_record": can_record(request.user, bank),
    }
    return render(request, "wastebank/bank.html", context)


# Registering a member is a write of the bank's staff (`wastebank.record`); the list is for whoever sees the bank.
@route("wastebank.view", post="wastebank.record", target=BANK)
def member_list(request, bank_id):
    bank = visible_bank(request, bank_id)
    may_record = can_record(request.user, bank)
    form = None
    if may_record:
        form = MemberForm(request.POST or None, user=request.user, bank=bank)
        if request.method == "POST" and form.is_valid():
            try:
                member = services.register_member(
                    bank, person=form.cleaned_data["person"], joined_on=form.cleaned_data["joined_on"],
                    acting_user=request.user,
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("%(name)s terdaftar sebagai anggota %(number)s.") % {
                    "name": member.person.name, "number": member.number})  # fmt: skip
                return redirect("wastebank:member", member.public_id)
    # A city's large banks have thousands of members: pages without COUNT, by member number.
    members = seek_page(member_rows(request.user, request.GET, bank=bank).order_by("number", "pk"), request.GET)
    query = request.GET.get("q", "").strip()
    context = {"bank": bank, "members": members, "form": form, "q": query, "can_record": may_record}
    return render(request, "wastebank/members.html", context)


def _visible_member(request, public_id) -> Member:
    return get_object_or_404(
        Member.objects.visible_to(request.user).select_related("person__household", "bank__organization", "account"),
        public_id=public_id,
    )


@route("wastebank.view", target=by(Member, "public_id"))
def member_detail(request, public_id):
    member = _visible_member(request, public_id)
    lines = reports.passbook(member)
    context = {
        "member": member,
        "bank": member.bank,
        "lines": list(reversed(lines)),  # newest first on a phone
        "balance": lines[-1].balance if lines else 0,
        "can_record": can_record(request.user, member.bank),
    }
    return render(request, "wastebank/member.html", context)


@route("wastebank.view", target=by(Member, "public_id"))
def passbook_pdf(request, public_id):
    return exports.passbook_pdf(_visible_member(request, public_id))


@route("wastebank.view", post="wastebank.record", target=BANK)
def prices(request, bank_id):
    bank = visible_bank(request, bank_id)
    may_record = can_record(request.user, bank)
    price_form = category_form = None
    if may_record:
        price_form = PriceForm(request.POST if "set_price" in request.POST else None, bank=bank)
        category_form = CategoryForm(request.POST if "add_category" in request.POST else None)
        form = price_form if "set_price" in request.POST else category_form
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if form is price_form:
                    services.set_price(
                        data["category"], price_per_kg=data["price_per_kg"], valid_from=data["valid_from"],
                        acting_user=request.user,
                    )  # fmt: skip
                else:
                    services.add_category(
                        bank, name=data["name"], price_per_kg=data["price_per_kg"], valid_from=data["valid_from"],
                        description=data["description"], acting_user=request.user,
                    )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Daftar harga disimpan."))
                return redirect("wastebank:prices", bank.pk)
    today = timezone.localdate()
    history = Price.objects.filter(category__bank=bank).select_related("category").order_by("-valid_from", "category")
    context = {
        "bank": bank,
        "current": services.price_list(bank, today),
        "upcoming": history.filter(valid_from__gt=today),
        "history": history.filter(valid_from__lte=today)[:40],
        "price_form": price_form,
        "category_form": category_form,
        "can_record": may_record,
        "categories": WasteCategory.objects.filter(bank=bank),
    }
    return render(request, "wastebank/prices.html", context)


@route("wastebank.view", target=BANK)
def price_box(request, bank_id):
    """The price list of one date, swapped into the deposit form by htmx when the date changes."""
    bank = visible_bank(request, bank_id)
    day = parse_date(request.GET.get("occurred_on", "") or "") or timezone.localdate()
    return render(request, "wastebank/_prices.html", {"prices": services.price_list(bank, day), "day": day})
