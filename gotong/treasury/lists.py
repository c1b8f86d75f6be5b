"""Treasury lists as functions the pages and their XLSX/CSV exports both call."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import DATE, INT, RUPIAH, Column, ListExport, register
from gotong.ledger.cashbook_export import CASH_BOOK_COLUMNS
from gotong.treasury import access, services
from gotong.treasury.models import Category, Loan, Member, Treasury
from gotong.treasury.services.cashbook import treasury_cash_book
from gotong.treasury.views.common import organization_for


def month_from(value):
    """'2026-03' → date(2026, 3, 1); anything else → None (all months)."""
    try:
        return datetime.datetime.strptime(value or "", "%Y-%m").date()
    except ValueError:
        return None


def cash_book_for(user, filters, organization=None):
    """The cash book (`gotong.ledger.cashbook`) of one month (`bulan=2026-03`) or of all; 404 when the book is
    not the user's to read; None before the treasury has a book."""
    organization = organization or organization_for(user, filters.get("org_id"), need="records")
    return treasury_cash_book(organization, user, month=month_from(filters.get("bulan")))


def cash_book_rows(user, filters, organization=None) -> list:
    """What the page's table shows, opening balance first: the export holds exactly these rows."""
    book = cash_book_for(user, filters, organization)
    return book.export_rows() if book is not None else []


register(
    ListExport(
        key="treasury.cash_book",
        title=_("Buku kas"),
        filename="buku-kas",
        rows=cash_book_rows,
        path_params=("org_id",),
        columns=CASH_BOOK_COLUMNS,
    )
)


def member_rows(user, filters, organization=None) -> list[dict]:
    """Members of one treasury with their savings balance per kind (pokok, wajib, sukarela)."""
    organization = organization or organization_for(user, filters.get("org_id"), need="records")
    members = filter_wilayah(Member.objects.visible_to(user), filters)
    members = list(members.filter(organization=organization).select_related("person"))
    balances = services.savings_balances_of(members)  # one query for the page, not one per member
    return [{"member": m, "savings": balances[m.pk]} for m in members]


def _savings(kind):
    return lambda row: row["savings"].get(kind)


register(
    ListExport(
        key="treasury.members",
        title=_("Anggota simpan pinjam"),
        filename="anggota-simpan-pinjam",
        rows=member_rows,
        path_params=("org_id",),
        columns=[
            Column(_("No."), lambda r: f"{r['member'].number:03d}"),
            Column(_("Nama"), lambda r: r["member"].person.name),
            Column(_("Pokok"), _savings("pokok"), RUPIAH),
            Column(_("Wajib"), _savings("wajib"), RUPIAH),
            Column(_("Sukarela"), _savings("sukarela"), RUPIAH),
        ],
    )
)


def loan_rows(user, filters, organization=None) -> list[dict]:
    """Loans of one treasury, newest first, each with its repayment state (outstanding, arrears)."""
    organization = organization or organization_for(user, filters.get("org_id"), need="records")
    loans = (
        filter_wilayah(Loan.objects.visible_to(user), filters)
        .filter(organization=organization)
        .select_related("member__person", "product")
        .prefetch_related("installments")
    )
    return [{"loan": loan, "state": services.loan_state(loan)} for loan in loans]


register(
    ListExport(
        key="treasury.loans",
        title=_("Pinjaman"),
        filename="pinjaman",
        rows=loan_rows,
        path_params=("org_id",),
        columns=[
            Column(_("Anggota"), lambda r: r["loan"].member.person.name),
            Column(_("Produk"), lambda r: r["loan"].product.name),
            Column(_("Dicairkan"), lambda r: r["loan"].disbursed_on, DATE),
            Column(_("Pokok"), lambda r: r["loan"].principal, RUPIAH),
            Column(_("Sisa"), lambda r: r["state"].outstanding, RUPIAH),
            Column(_("Tunggakan"), lambda r: r["state"].overdue_amount, RUPIAH),
            Column(_("Status"), lambda r: str(r["state"].status)),
        ],
    )
)


def treasury_rows(user, filters) -> list[dict]:
    """Treasuries the user may see (their cash position), by name: set-up books plus those the user keeps."""
    # Treasuries already set up, plus the ones the user keeps (so a new treasurer can make the first entry).
    with_books = Treasury.objects.filter(
        Q(pk__in=Category.objects.values("organization_id")) | Q(pk__in=access.bookkeeper_org_ids(user))
    )
    organizations = list(filter_wilayah(with_books.visible_to(user), filters).order_by("name"))
    positions = services.cash_positions([org.pk for org in organizations])  # one query, not one per treasury
    return [{"organization": org, "position": positions[org.pk]} for org in organizations]


register(
    ListExport(
        key="treasury.treasuries",
        title=_("Kas & simpan pinjam"),
        filename="kas-simpan-pinjam",
        rows=treasury_rows,
        columns=[
            Column(_("Organisasi"), lambda r: r["organization"].name),
            Column(_("Kas tunai"), lambda r: r["position"]["cash"], RUPIAH),
            Column(_("Simpanan anggota"), lambda r: r["position"]["savings"], RUPIAH),
            Column(_("Pinjaman beredar"), lambda r: r["position"]["loans_outstanding"], RUPIAH),
        ],
    )
)


def arrears_rows(user, filters, organization=None):
    """Late instalments of one treasury's loans the user may see, the longest late first."""
    organization = organization or organization_for(user, filters.get("org_id"), need="records")
    loans = filter_wilayah(Loan.objects.visible_to(user), filters).filter(organization=organization)
    return services.arrears(loans)


register(
    ListExport(
        key="treasury.arrears",
        title=_("Tunggakan angsuran"),
        filename="tunggakan",
        rows=arrears_rows,
        path_params=("org_id",),
        columns=[
            Column(_("Anggota"), lambda r: r.loan.member.person.name),
            Column(_("Produk"), lambda r: r.loan.product.name),
            Column(_("Angsuran ke"), lambda r: r.installment.number, INT),
            Column(_("Jatuh tempo"), lambda r: r.installment.due_on, DATE),
            Column(_("Terlambat (hari)"), lambda r: r.days_late, INT),
            Column(_("Belum dibayar"), lambda r: r.installment.remaining, RUPIAH),
        ],
    )
)
