"""Module records of the synthetic city: plausible, consistent with the modules' own rules, scoped, repeatable."""

import datetime
from copy import copy
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Count, F, Sum

from gotong.bench.synthetic.store import generate_city
from gotong.casework import tallies as casework_tallies
from gotong.casework.models import Case, OverdueTally
from gotong.core.distribution_check import province_mismatches
from gotong.dashboards.aggregates import differences
from gotong.ledger.models import Account, Entry, Transaction
from gotong.ledger.services import check_books
from gotong.posyandu import services as posyandu_services
from gotong.posyandu import tallies as posyandu_tallies
from gotong.posyandu.dates import five_years_before
from gotong.posyandu.models import Child, MonthTally, Session, Weighing
from gotong.registry.models import Person
from gotong.wastebank import tallies as wastebank_tallies
from gotong.wastebank.models import BankTally, Deposit, DepositLine, Member, WasteBank, Withdrawal

pytestmark = pytest.mark.django_db
CITY = "21.72"
UNTIL = datetime.date(2026, 11, 23)
WINDOW_START = datetime.date(2025, 11, 1)  # the first of the twelve months before UNTIL
PERSONS = 2500


@pytest.fixture
def city(areas):
    return generate_city(PERSONS, seed=11, city_code=CITY, until=UNTIL)


def test_every_under_five_is_followed_by_the_posyandu_of_their_rw(city):
    under_fives = Person.objects.filter(birth_date__gt=five_years_before(WINDOW_START), birth_date__lte=UNTIL)
    assert under_fives.count() == Child.objects.count() == city.modules["posyandu.Child"] > 50
    mismatched = Child.objects.exclude(person__area_code__startswith=F("posyandu__area_code"))
    assert not mismatched.exists()
    assert not Child.objects.exclude(area_code=F("posyandu__area_code")).exists()
    # Twelve monthly sessions per posyandu, weighings only in their own posyandu's sessions and month.
    assert set(Session.objects.values("posyandu").annotate(n=Count("id")).values_list("n", flat=True)) == {12}
    assert not Weighing.objects.exclude(session__posyandu=F("child__posyandu")).exists()
    assert not Weighing.objects.exclude(month=F("session__month")).exists()
    # Most children come most months (D/S between half and nine in ten of the possible weighings).
    possible = 12 * Child.objects.count()
    assert 0.4 * possible < Weighing.objects.count() < 0.9 * possible
    mothers = Child.objects.filter(mother__isnull=False)
    assert mothers.count() > 0.5 * Child.objects.count()
    assert not mothers.exclude(mother__household=F("person__household")).exists()


def test_weighings_hold_what_the_posyandu_service_would_compute(city):
    fields = ("waz", "haz", "whz", "baz", "waz_class", "haz_class", "whz_class", "baz_class", "reasons", "bgm")
    sample = Weighing.objects.select_related("child__person").order_by("id")[::37]
    assert len(sample) > 50
    for stored in sample:
        again = copy(stored)
        posyandu_services.apply_growth(again)
        posyandu_services.apply_trend(again)
        assert [getattr(again, f) for f in (*fields, "trend", "two_t")] == [
            getattr(stored, f) for f in (*fields, "trend", "two_t")
        ]
    # Plausible nutrition: some stunted children, most not.
    scored = Weighing.objects.exclude(haz=None)
    stunted = scored.filter(haz__lt=Decimal("-2")).count() / scored.count()
    assert 0.1 < stunted < 0.4


def test_waste_bank_members_deposits_and_ledger_balance(city):
    banks = WasteBank.objects.all()
    assert banks.count() >= 5
    for bank in banks:
        members = Member.objects.filter(bank=bank)
        assert not members.exclude(person__area_code__startswith=f"{bank.area_code}.").exists()
        assert bank.next_member_number == members.count() + 1
    households = Person.objects.filter(relationship="kepala", area_code__startswith=f"{CITY}.").count()
    assert 0.05 * households < Member.objects.count() < 0.2 * households
    assert check_books() == []
    # A member's savings = deposits − withdrawals, and the cache equals the entries.
    for member in Member.objects.select_related("account").order_by("id")[:40]:
        deposited = Deposit.objects.filter(member=member).aggregate(v=Sum("total_value"))["v"] or 0
        taken = Withdrawal.objects.filter(member=member).aggregate(v=Sum("amount"))["v"] or 0
        assert member.account.balance == deposited - taken >= 0
    lines = DepositLine.objects.values("deposit").annotate(v=Sum("value"), g=Sum("grams"))
    totals = dict(Deposit.objects.values_list("id", "total_value"))
    assert all(totals[row["deposit"]] == row["v"] for row in lines)
    assert not Deposit.objects.exclude(transaction__entries__account=F("member__account")).exists()
    waste = Transaction.objects.filter(kind__startswith="wastebank.")
    # Every waste-bank booking is a pair of entries (loans elsewhere may carry a third: the admin fee, interest).
    assert waste.count() == Entry.objects.filter(transaction__in=waste).count() / 2


def test_scoping_a_village_officer_sees_only_their_village(city, client):
    from gotong.accounts.models import User
    from gotong.areas.models import Area, WorkAssignment

    village = Child.objects.values_list("area_code", flat=True).order_by("area_code").first()[:13]
    officer = User.objects.create_user(username="lurah", password="rahasia-123", role="facilitator")
    WorkAssignment.objects.create(user=officer, area=Area.objects.get(code=village))
    seen = Child.objects.visible_to(officer)
    assert 0 < seen.count() < Child.objects.count()
    assert not seen.exclude(area_code__startswith=f"{village}.").exists()
    assert Child.objects.filter(area_code__startswith=f"{village}.").count() == seen.count()
    banks = WasteBank.objects.visible_to(officer)
    assert set(banks.values_list("area_code", flat=True)) <= {village}
    assert not Deposit.objects.visible_to(officer).exclude(area_code=village).exists()
    client.force_login(officer)
    assert client.get("/posyandu/").status_code == 200


def test_tallies_stay_exact_and_same_seed_gives_same_rows(areas):
    def snapshot():
        return (
            list(Weighing.objects.order_by("id").values_list("child__person__nik", "month", "weight_kg", "trend")),
            list(Deposit.objects.order_by("id").values_list("member__person__nik", "occurred_on", "total_value")),
            list(Account.objects.order_by("id").values_list("code", "balance")),
            list(Child.objects.order_by("id").values_list("public_id", "mother__nik", "registered_on")),
        )

    shots = []
    for _run in range(2):
        with transaction.atomic():
            generate_city(800, seed=4, city_code=CITY, until=UNTIL)
            assert differences() == []
            # The module tallies behind the dashboards and the portal are filled too, and exact.
            assert MonthTally.objects.filter(d__gt=0).exists() and BankTally.objects.filter(deposits__gt=0).exists()
            assert posyandu_tallies.differences() == [] and wastebank_tallies.differences() == []
            assert casework_tallies.differences() == []
            assert OverdueTally.objects.count() == Case.objects.filter(closed_on__isnull=True).count() > 0
            shots.append(snapshot())
            transaction.set_rollback(True)
    assert shots[0] == shots[1]
    assert all(shots[0])


def test_no_modules_writes_none(areas):
    result = generate_city(300, seed=2, city_code=CITY, modules=False)
    assert result.modules == {}
    assert not Child.objects.exists() and not WasteBank.objects.exists()


def test_every_row_written_by_copy_carries_the_citys_province(city):
    # The sink writes province_code itself (COPY skips save()); the check compares every table with its derivation.
    assert province_mismatches() == []
    assert set(Weighing.objects.values_list("province_code", flat=True).distinct()) == {"21"}
    assert set(Entry.objects.values_list("province_code", flat=True).distinct()) == {"21"}
