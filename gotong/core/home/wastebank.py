"""A waste bank's staff home: record a deposit, today's prices, the cash against what members have saved."""

from gotong.core.home import Section
from gotong.core.policy.decide import reaches
from gotong.ledger.services import balance
from gotong.wastebank.models import WasteBank
from gotong.wastebank.reports import savings_total
from gotong.wastebank.services import CASH, bank_account, price_list


def section(user, today) -> Section | None:
    # Banks where a membership lets the user record (pengelola, staf, bendahara, ketua).
    ids = reaches(user, "wastebank.record").organization_ids
    if not ids:
        return None
    banks = list(WasteBank.objects.filter(organization_id__in=ids).select_related("organization").order_by("pk"))
    if not banks:
        return None
    rows = []
    for bank in banks:
        cash, savings = balance(bank_account(bank, CASH)), savings_total(bank)
        rows.append({"bank": bank, "cash": cash, "savings": savings, "short": savings > cash,
                     "prices": price_list(bank, today)})  # fmt: skip
    return Section("wastebank.html", {"banks": rows, "today": today})
