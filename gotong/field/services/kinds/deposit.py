"""A waste-bank deposit, valued at the bank's price list of its day (wastebank.services.record_deposit)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.numbers import decimal_text
from gotong.field import recordable
from gotong.field.labels import labels_for
from gotong.field.services.common import Outcome, changed_on_server, date, decimal, visible_record
from gotong.field.services.compare import as_rupiah, side_by_side
from gotong.wastebank.models import Member, WasteCategory
from gotong.wastebank.services import price_list, record_deposit
from gotong.wastebank.services.records import line_value


def prices_version(prices: dict[int, int | None], category_ids) -> str:
    """ "pk:price,…" over the categories used, sorted by pk: the device builds the same string from its prices."""
    return ",".join(f"{pk}:{prices.get(pk) or 0}" for pk in sorted(set(category_ids)))


def phone_prices(base_version: str) -> dict[int, int]:
    """The prices the phone valued the entry at, read back from its version string ("pk:price,…")."""
    prices = {}
    for part in (base_version or "").split(","):
        pk, _sep, price = part.partition(":")
        if pk.strip().isdigit() and price.strip().isdigit():
            prices[int(pk)] = int(price)
    return prices


def _compare(lines, prices: dict, base_version: str) -> list[dict]:
    """A row per category's price (the phone's old one beside today's) and the deposit's value at each."""
    labels = labels_for("deposit")
    mine = phone_prices(base_version)
    categories = sorted({c for c, _g in lines}, key=lambda c: c.pk)
    compared = [
        side_by_side(
            labels["price"] % {"category": c.name}, as_rupiah(mine.get(c.pk)), as_rupiah(prices.get(c.pk)), "price"
        )
        for c in categories
    ]
    if all(c.pk in mine for c in categories):

        def value(table):
            return sum(line_value(grams, table.get(c.pk) or 0) for c, grams in lines)

        compared.append(side_by_side(labels["value"], as_rupiah(value(mine)), as_rupiah(value(prices)), "value"))
    return compared


def _lines(payload: dict, categories: list[WasteCategory]) -> list[tuple[WasteCategory, int]]:
    """The payload's (category, grams), each category one of the bank's `categories` (all, inactive too)."""
    raw = payload.get("lines")
    if not isinstance(raw, list) or not raw:
        raise ValidationError({"lines": _("Isi sedikitnya satu baris sampah yang ditimbang.")})
    categories = {str(c.pk): c for c in categories}
    lines = []
    for row in raw:
        if not isinstance(row, dict) or str(row.get("category")) not in categories:
            raise ValidationError({"lines": _("Jenis sampah tidak dikenal di bank sampah ini; unduh ulang data.")})
        category = categories[str(row["category"])]
        kg = decimal(row, "kg", required=True, thousands=False)  # "1.250" kg is 1,25 kg, as on the web form
        if kg <= 0:
            raise ValidationError({"lines": _("Berat %(cat)s harus lebih dari 0 kg.") % {"cat": category}})
        lines.append((category, int((kg * 1000).to_integral_value())))
    return lines


def apply(user, payload: dict, base_version: str | None, key) -> Outcome:
    member = visible_record(
        user,
        # The bank's book and the member's savings account: the ledger posting needs both.
        Member.objects.select_related("bank__organization", "bank__book", "person", "account"),
        payload,
        "member",
        absent=_("Anggota ini tidak ada dalam lingkup Anda."),
    )
    bank = member.bank
    recordable.require(user, "deposit", bank, _("Hanya pengurus bank sampah ini yang mencatat setoran."))
    occurred_on = date(payload, "occurred_on")
    # The bank's categories with the day's prices, read once: the payload's lines, the version check and the
    # booking below all use this one list.
    table = price_list(bank, occurred_on, active_only=False)
    lines = _lines(payload, [c for c, _p in table])
    prices = {c.pk: p for c, p in table}
    current = prices_version(prices, [c.pk for c, _g in lines])
    if base_version is not None and base_version != current:
        server = {
            "prices": [
                {"category": str(c.pk), "name": c.name, "price_per_kg": prices.get(c.pk)}
                for c in sorted({c for c, _g in lines}, key=lambda c: c.pk)
            ]
        }
        raise changed_on_server(server, current, _compare(lines, prices, base_version))
    deposit = record_deposit(
        bank, member=member, occurred_on=occurred_on, lines=lines, key=str(key), acting_user=user, prices=prices
    )
    kg = decimal_text(Decimal(deposit.total_grams) / 1000)
    summary = _("Setoran %(name)s: %(kg)s kg, %(value)s") % {
        "name": member.person.name,
        "kg": kg,
        "value": format_rupiah(deposit.total_value),
    }
    data = {"total_grams": deposit.total_grams, "total_value": deposit.total_value, "member": str(member.public_id)}
    return Outcome("wastebank.deposit", str(deposit.public_id), current, summary, data)
