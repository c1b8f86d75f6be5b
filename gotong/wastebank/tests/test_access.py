"""Issue 17 as the users met it: at a waste bank only its staff record (`wastebank.record`: ketua, pengelola,
bendahara, staf); a plain anggota, a saver, the secretary and the area's officers record nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gotong.accounts.models import User
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.registry.tests.factories import PersonFactory
from gotong.wastebank import services
from gotong.wastebank.access import can_record, recordable_banks
from gotong.wastebank.models import CashIn, Deposit, Member, Price, Sale, WasteCategory, Withdrawal

from .conftest import JAN, key

pytestmark = pytest.mark.django_db
FEB = datetime.date(2026, 2, 10)


def holding(bank, username, role, account_role="org_staff"):
    user = User.objects.create_user(username=username, password="rahasia-123", role=account_role)
    Membership.objects.create(organization=bank.organization, user=user, role=role, started_on=JAN)
    return user


@pytest.fixture
def saved(bank, staff, categories, member):
    """A bank with cash, a deposit the member can withdraw from, and one of each record to cancel."""
    services.record_cash_in(bank, source="Hibah", amount=300_000, occurred_on=JAN, key=key(), acting_user=staff)
    deposit = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 2_000)], key=key(), acting_user=staff
    )
    return deposit


def _writes(bank, member, categories, deposit):
    """Every recording form of the bank, posted as a user would fill it in."""
    pet = categories["pet"]
    newcomer = PersonFactory(name="Nurhayati")
    return [
        (reverse("wastebank:deposit-create", args=[bank.pk]),
         {"member": member.pk, "occurred_on": "2026-02-11", f"kg_{pet.pk}": "1,5", "request_key": key()}),
        (reverse("wastebank:withdrawal-create", args=[bank.pk]),
         {"member": member.pk, "occurred_on": "2026-02-11", "kind": "cash", "amount": "1000", "request_key": key()}),
        (reverse("wastebank:sale-create", args=[bank.pk]),
         {"buyer": "UD Deli", "occurred_on": "2026-02-11", f"kg_{pet.pk}": "1", f"price_{pet.pk}": "4000",
          "request_key": key()}),
        (reverse("wastebank:cash-in-create", args=[bank.pk]),
         {"source": "Donasi", "amount": "50000", "occurred_on": "2026-02-11", "request_key": key()}),
        (reverse("wastebank:prices", args=[bank.pk]),
         {"set_price": "1", "category": pet.pk, "price_per_kg": "9000", "valid_from": "2026-02-01"}),
        (reverse("wastebank:prices", args=[bank.pk]),
         {"add_category": "1", "name": "Jelantah", "price_per_kg": "5000", "valid_from": "2026-02-01"}),
        (reverse("wastebank:members", args=[bank.pk]), {"person": str(newcomer.public_id), "joined_on": "2026-02-01"}),
        (reverse("wastebank:record-cancel", args=["setoran", deposit.public_id]),
         {"reason": "Salah timbang", "request_key": key()}),
    ]  # fmt: skip


def _counts():
    return [m.objects.count() for m in (Deposit, Withdrawal, Sale, CashIn, Price, WasteCategory, Member)] + [
        Deposit.objects.filter(cancellation__isnull=False).count()
    ]


@pytest.mark.parametrize(("persona", "status"), [("anggota", 404), ("resident", 404), ("sekretaris", 403)])
def test_non_staff_change_nothing(client, bank, categories, member, saved, resident, persona, status):
    """The finding: a plain anggota of the bank (and a saver) could record. Now: refused, and nothing changed.

    The anggota and the saver do not see the bank's books at all (404); the secretary sees them (403)."""
    user = {
        "anggota": lambda: holding(bank, "anggota", MemberRole.MEMBER),
        "sekretaris": lambda: holding(bank, "sekretaris", MemberRole.SECRETARY),
        "resident": lambda: resident,
    }[persona]()
    client.force_login(user)
    before = _counts()
    for url, data in _writes(bank, member, categories, saved):
        # The saver sees her own deposit's receipt, so cancelling it is forbidden rather than hidden.
        own_receipt = persona == "resident" and str(saved.public_id) in url
        assert client.post(url, data).status_code == (403 if own_receipt else status), url
    assert _counts() == before
    with pytest.raises(PermissionDenied):
        services.record_deposit(
            bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 1_000)], key=key(), acting_user=user
        )
    assert _counts() == before


def test_a_resident_member_of_the_organisation_records_nothing(client, bank, categories, member, saved):
    """A resident who joined the bank's organisation (as anggota or even named pengurus) acts as a plain member."""
    warga = holding(bank, "warga-pengurus", MemberRole.MANAGER, account_role="resident")
    client.force_login(warga)
    url = reverse("wastebank:deposit-create", args=[bank.pk])
    assert client.post(url, _writes(bank, member, categories, saved)[0][1]).status_code == 404
    assert not can_record(warga, bank)


def test_the_secretary_sees_the_bank_without_recording_buttons(client, bank, member, saved):
    client.force_login(holding(bank, "sekretaris", MemberRole.SECRETARY))
    page = client.get(reverse("wastebank:bank", args=[bank.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert reverse("wastebank:deposit-create", args=[bank.pk]) not in body
    assert reverse("wastebank:cash-in-create", args=[bank.pk]) not in body
    assert client.get(reverse("wastebank:deposit-create", args=[bank.pk])).status_code == 403
    receipt = client.get(reverse("wastebank:record", args=["setoran", saved.public_id]))
    assert receipt.status_code == 200 and receipt.context["cancel_form"] is None


@pytest.mark.parametrize("role", [MemberRole.CHAIR, MemberRole.MANAGER, MemberRole.TREASURER, MemberRole.STAFF])
def test_the_bank_s_staff_record_by_their_role(client, bank, categories, member, saved, role):
    client.force_login(holding(bank, "pengurus", role))
    before = _counts()
    for url, data in _writes(bank, member, categories, saved):
        assert client.post(url, data).status_code == 302, url
    after = _counts()
    # One more deposit, withdrawal, sale, cash-in, price, category (+ its price) and member; one deposit cancelled.
    assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 1, 1, 2, 1, 1, 1]


@pytest.mark.parametrize("persona", ["city_officer", "facilitator"])
def test_area_workers_read_the_books_and_record_nothing(client, request, bank, categories, member, saved, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(reverse("wastebank:bank", args=[bank.pk])).status_code == 200
    assert client.get(reverse("wastebank:record", args=["setoran", saved.public_id])).status_code == 200
    before = _counts()
    for url, data in _writes(bank, member, categories, saved):
        assert client.post(url, data).status_code == 403, url
    assert _counts() == before
    with pytest.raises(PermissionDenied):
        services.record_cash_in(bank, source="x", amount=1_000, occurred_on=FEB, key=key(), acting_user=user)


def test_the_banks_a_device_may_download(bank, staff, city_officer, resident):
    """What the field app and ODK ask: `recordable_banks` (and `can_record` for one bank)."""
    treasurer = holding(bank, "bendahara", MemberRole.TREASURER)
    plain = holding(bank, "anggota", MemberRole.MEMBER)
    assert list(recordable_banks(staff)) == [bank] == list(recordable_banks(treasurer))
    for user in (plain, city_officer, resident):
        assert not recordable_banks(user).exists() and not can_record(user, bank)
    assert can_record(staff, bank)


def test_a_saver_s_receipt_and_passbook_link_to_no_page_of_the_bank(client, bank, member, saved, resident):
    """The saver sees her deposit and passbook, not the bank's books: no tab there would answer 404."""
    client.force_login(resident)
    for url in (
        reverse("wastebank:record", args=["setoran", saved.public_id]),
        reverse("wastebank:member", args=[member.public_id]),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert reverse("wastebank:bank", args=[bank.pk]) not in page.content.decode(), url
    client.force_login(User.objects.get(username="maimunah"))  # the bank's pengelola still has the tabs
    page = client.get(reverse("wastebank:record", args=["setoran", saved.public_id]))
    assert reverse("wastebank:bank", args=[bank.pk]) in page.content.decode()
