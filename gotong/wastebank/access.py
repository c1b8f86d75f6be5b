"""Which waste banks a user may record at, asked of the access policy (`gotong.core.policy`); nothing is decided here.

`wastebank.record` (deposits, withdrawals, sales, cash in, prices, categories, members, cancellations) belongs to
the bank's staff by the role they hold in its organisation: ketua, pengelola, bendahara and staf. A plain anggota,
a resident saver, city officers and facilitators (who read the books of their areas) record nothing.
The field app and ODK ask `recordable_banks(user)` for the banks whose members a device may download.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gotong.core.policy import can, may_somewhere
from gotong.core.policy.decide import Place

RECORD = "wastebank.record"


def place_of_bank(bank) -> Place:
    return Place(area_code=bank.area_code, organization_id=bank.organization_id)


def can_record(user, bank) -> bool:
    """May the user record at this bank (`wastebank.record` reaches its organisation)?"""
    return can(user, RECORD, place_of_bank(bank))


def check_may_record(user, bank) -> None:
    """For the services: whoever calls them (pages, API, field app, ODK, demo), the policy decides."""
    if not can_record(user, bank):
        raise PermissionDenied(_("Hanya pengurus bank sampah ini yang mencatat."))


def may_record_somewhere(user) -> bool:
    return may_somewhere(user, RECORD)


def recordable_banks(user):
    """The waste banks the user may record at, as a queryset (form choices, the field app, ODK's lists)."""
    from gotong.wastebank.models import WasteBank

    return WasteBank.objects.reached_by(user, RECORD)
