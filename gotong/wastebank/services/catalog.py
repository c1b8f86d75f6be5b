"""Waste categories and the price list: a price holds from its date until the category's next price."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gotong.core.validation import whole_rupiah
from gotong.wastebank.access import check_may_record
from gotong.wastebank.models import Price, WasteCategory

MAX_PRICE_PER_KG = 1_000_000


def _check_price(price_per_kg) -> None:
    whole_rupiah(price_per_kg, "price_per_kg")
    if price_per_kg > MAX_PRICE_PER_KG:
        raise ValidationError({"price_per_kg": _("Harga per kg paling tinggi Rp1.000.000; periksa lagi angkanya.")})


@transaction.atomic
def add_category(bank, *, name, price_per_kg, valid_from, description="", sort_order=0, acting_user) -> WasteCategory:
    check_may_record(acting_user, bank)
    name = (name or "").strip()
    if WasteCategory.objects.filter(bank=bank, name__iexact=name).exists():
        raise ValidationError({"name": _("Jenis sampah “%(name)s” sudah ada.") % {"name": name}})
    _check_price(price_per_kg)
    category = WasteCategory(bank=bank, name=name, description=(description or "").strip(), sort_order=sort_order)
    category.full_clean()
    with set_actor(acting_user):
        category.save()
    set_price(category, price_per_kg=price_per_kg, valid_from=valid_from, acting_user=acting_user)
    return category


@transaction.atomic
def set_price(category, *, price_per_kg, valid_from, acting_user) -> Price:
    """Set the price from `valid_from` on. The same day again corrects that day's price; deposits already
    recorded keep the price they were valued at."""
    check_may_record(acting_user, category.bank)
    _check_price(price_per_kg)
    if valid_from is None:
        raise ValidationError({"valid_from": _("Isi tanggal berlaku.")})
    with set_actor(acting_user):
        price = Price.objects.filter(category=category, valid_from=valid_from).first()
        if price is None:
            price = Price(category=category, valid_from=valid_from)
        price.price_per_kg = price_per_kg
        price.set_by = acting_user
        price.full_clean(validate_unique=False)
        price.save()
    return price


def price_on(category, day) -> int | None:
    """The price per kg on `day`, or None when the category had no price yet."""
    return (
        Price.objects.filter(category=category, valid_from__lte=day)
        .order_by("-valid_from")
        .values_list("price_per_kg", flat=True)
        .first()
    )


def price_list(bank, day, *, active_only=True) -> list[tuple[WasteCategory, int | None]]:
    """Each category of the bank with its price on `day` (two queries, whatever the number of categories)."""
    categories = WasteCategory.objects.filter(bank=bank)
    if active_only:
        categories = categories.filter(is_active=True)
    categories = list(categories)
    prices: dict[int, int] = {}
    for category_id, price in (
        Price.objects.filter(category__in=categories, valid_from__lte=day)
        .order_by("category_id", "valid_from")
        .values_list("category_id", "price_per_kg")
    ):
        prices[category_id] = price  # the latest valid_from wins
    return [(c, prices.get(c.pk)) for c in categories]
