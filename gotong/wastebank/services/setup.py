"""A waste bank's book and accounts, and its members' savings accounts."""

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.policy import can
from gotong.core.policy.decide import Place
from gotong.core.validation import not_in_future
from gotong.ledger.models import Account, AccountKind
from gotong.ledger.services import get_or_create_book, open_account
from gotong.organizations.choices import OrganizationKind
from gotong.wastebank.access import check_may_record
from gotong.wastebank.models import Member, WasteBank

CASH, CAPITAL, SALES, PURCHASES = "1101", "3101", "4101", "5101"
SAVINGS_PREFIX = "2101-"
BOOK_NAME = "Bank sampah"

FIXED_ACCOUNTS = (
    (CASH, "Kas bank sampah", AccountKind.ASSET, False),
    (CAPITAL, "Modal dan hibah", AccountKind.EQUITY, True),
    (SALES, "Penjualan sampah", AccountKind.INCOME, True),
    (PURCHASES, "Pembelian sampah dari anggota", AccountKind.EXPENSE, True),
)


def savings_account_name(number: str, name: str) -> str:
    """The ledger name of a member's savings account (also written by the synthetic city)."""
    return _("Tabungan %(number)s %(name)s") % {"number": number, "name": name}


@transaction.atomic
def set_up_bank(organization, *, acting_user) -> WasteBank:
    """The waste bank of an organisation with its book and fixed accounts; idempotent.

    Setting a bank up is managing the organisation (`organizations.manage`): its area's officers, its ketua.
    """
    place = Place(area_code=organization.area_code, organization_id=organization.pk)
    if not can(acting_user, "organizations.manage", place):
        raise PermissionDenied(_("Anda tidak mengelola organisasi ini."))
    existing = WasteBank.objects.filter(organization=organization).first()
    if existing:
        return existing
    if organization.kind != OrganizationKind.WASTE_BANK:
        raise ValidationError(_("%(org)s bukan organisasi bank sampah.") % {"org": organization})
    book = get_or_create_book(organization, name=BOOK_NAME, acting_user=acting_user)
    for code, name, kind, may_go_negative in FIXED_ACCOUNTS:
        open_account(book, code=code, name=name, kind=kind, may_go_negative=may_go_negative, acting_user=acting_user)
    bank = WasteBank(organization=organization, book=book)
    with set_actor(acting_user):
        bank.save()
    return bank


def bank_account(bank: WasteBank, code: str) -> Account:
    return Account.objects.get(book_id=bank.book_id, code=code)


def lock_bank(bank: WasteBank) -> WasteBank:
    """Serialise writes of one bank, so a double-submitted form finds the first one's record."""
    return WasteBank.objects.select_for_update().get(pk=bank.pk)


@transaction.atomic
def register_member(bank: WasteBank, *, person, joined_on=None, acting_user) -> Member:
    """Enrol a registry person as a saver; opens their savings account. Idempotent per person."""
    check_may_record(acting_user, bank)
    locked = lock_bank(bank)
    existing = Member.objects.filter(bank=bank, person=person).first()
    if existing:
        return existing
    joined_on = joined_on or timezone.localdate()
    not_in_future(joined_on, "joined_on", label=_("Tanggal bergabung"))
    number = f"{locked.next_member_number:04d}"
    account = open_account(
        bank.book,
        code=f"{SAVINGS_PREFIX}{number}",
        name=savings_account_name(number, person.name),
        kind=AccountKind.LIABILITY,
        holder=person,
        may_go_negative=False,
        acting_user=acting_user,
    )
    member = Member(bank=bank, person=person, number=number, joined_on=joined_on, account=account)
    member.full_clean(exclude=["account"])
    with set_actor(acting_user):
        member.save()
        WasteBank.objects.filter(pk=bank.pk).update(next_member_number=locked.next_member_number + 1)
    bank.next_member_number = locked.next_member_number + 1
    return member
