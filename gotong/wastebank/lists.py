"""Bank and member lists as functions the pages and their XLSX/CSV exports both call."""

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import DATE, RUPIAH, Column, ListExport, register
from gotong.ledger.cashbook_export import CASH_BOOK_COLUMNS
from gotong.wastebank.models import Member, WasteBank


def bank_rows(user, filters):
    """Banks the user may see, narrowed by `wilayah`."""
    return filter_wilayah(WasteBank.objects.visible_to(user), filters).select_related("organization")


register(
    ListExport(
        key="wastebank.banks",
        title=_("Bank sampah"),
        filename="bank-sampah",
        rows=bank_rows,
        columns=[
            Column(_("Bank sampah"), lambda b: str(b)),
            Column(_("Alamat"), lambda b: b.organization.address),
            Column(_("Kode wilayah"), lambda b: b.area_code),
        ],
    )
)


def member_rows(user, filters, bank=None):
    """Members of one bank the user may see (404 when the bank is not), filtered by `q` and `wilayah`."""
    if bank is None:
        bank = get_object_or_404(WasteBank.objects.visible_to(user), pk=filters.get("bank_id"))
    members = Member.objects.visible_to(user).filter(bank=bank).select_related("person", "account")
    members = filter_wilayah(members, filters, field="person__area_code")
    query = str(filters.get("q", "")).strip()
    if query:
        members = members.filter(Q(person__name__icontains=query) | Q(number__icontains=query))
    return members


register(
    ListExport(
        key="wastebank.members",
        title=_("Anggota bank sampah"),
        filename="anggota-bank-sampah",
        rows=member_rows,
        path_params=("bank_id",),
        columns=[
            Column(_("No."), lambda m: m.number),
            Column(_("Nama"), lambda m: m.person.name),
            Column(_("Status"), lambda m: "" if m.is_active else _("nonaktif")),
            Column(_("Bergabung"), lambda m: m.joined_on, DATE),
            Column(_("Saldo (Rp)"), lambda m: m.account.balance, RUPIAH),
        ],
    )
)


def month_from(value):
    """'2026-03' → date(2026, 3, 1); anything else → None (the whole book)."""
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


def cash_book_for(user, filters, bank=None):
    """The till's cash book (`gotong.ledger.cashbook`) of one month (`bulan=2026-03`) or all; 404 when the bank is
    not the user's to see."""
    from gotong.wastebank.cashbook import bank_cash_book

    if bank is None:
        bank = get_object_or_404(WasteBank.objects.visible_to(user), pk=filters.get("bank_id"))
    return bank_cash_book(bank, user, month=month_from(filters.get("bulan")))


def cash_book_rows(user, filters, bank=None) -> list:
    """The page's table, opening balance first: the export holds exactly these rows."""
    return cash_book_for(user, filters, bank).export_rows()


register(
    ListExport(
        key="wastebank.cash_book",
        title=_("Buku kas bank sampah"),
        filename="buku-kas-bank-sampah",
        rows=cash_book_rows,
        path_params=("bank_id",),
        columns=CASH_BOOK_COLUMNS,
    )
)
