"""The waste-bank tallies: exactly the live deposits after every write, and what the dashboard and portal show."""

import datetime
import importlib
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext

from gotong.accounts.models import User
from gotong.areas.models import Area, Level
from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures import wastebank as figure
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.portal import suppression
from gotong.portal.services import waste_banks
from gotong.registry.tests.factories import PersonFactory
from gotong.wastebank import services, tallies
from gotong.wastebank.models import (
    BankMonthTally,
    BankTally,
    CategoryMonthTally,
    CategoryYearTally,
    Deposit,
    DepositLine,
    WasteBank,
)

from .conftest import BUGIS, JAN, key

TODAY = datetime.date(2026, 6, 30)
DEC, FEB, MAR, MAY = (datetime.date(2025, 12, 6), datetime.date(2026, 2, 10), datetime.date(2026, 3, 14),
                      datetime.date(2026, 5, 9))  # fmt: skip


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


def _kg(grams) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def live_figure(user, area, today) -> dict | None:
    """The figure as it was computed before the tallies: a scan of this year's deposits."""
    in_area = area_code_filter([area.code])
    banks = list(WasteBank.objects.visible_to(user).filter(in_area).values_list("pk", flat=True))
    if not banks:
        return None
    deposits = Deposit.objects.visible_to(user).filter(in_area, cancellation__isnull=True, occurred_on__year=today.year)
    rows = list(
        DepositLine.objects.filter(deposit__in=deposits)
        .values_list("category__name")
        .annotate(grams=Sum("grams"))
        .order_by("-grams", "category__name")
    )
    return {
        "year": today.year,
        "banks": len(banks),
        "deposits": deposits.count(),
        "kg": _kg(sum(g for _n, g in rows)),
        "categories": [{"name": name, "kg": _kg(grams)} for name, grams in rows],
        "url": figure.figures(user, area, today)["url"],
    }


def live_portal(area) -> list[dict]:
    """The portal's rows as they were computed before the tallies: a scan of every deposit."""
    banks = list(WasteBank.objects.filter(area_code_filter([area.code])).select_related("organization"))
    deposits = Deposit.objects.filter(bank__in=banks, cancellation__isnull=True).values("bank").order_by()
    totals = {
        r.pop("bank"): r for r in deposits.annotate(grams=Sum("total_grams"), members=Count("member", distinct=True))
    }
    rows = []
    for bank in banks:
        figures = totals.get(bank.pk, {"grams": None, "members": 0})
        enough = figures["members"] >= suppression.THRESHOLD
        kg = (Decimal(figures["grams"] or 0) / 1000).quantize(Decimal(1)) if enough else None
        rows.append({"name": bank.organization.name, "depositors": suppression.publish_count(figures["members"]),
                     "kg": kg})  # fmt: skip
    return rows


@pytest.fixture
def other_bank(areas, city_officer):
    """A second bank in Bugis with its own "Kardus": the figure adds both banks' Kardus under one name."""
    org = create_organization(
        name="Bank Sampah Sei Jang", kind=OrganizationKind.WASTE_BANK, area=areas[BUGIS], acting_user=city_officer
    )
    bank = services.set_up_bank(org, acting_user=city_officer)
    # The officer sets the bank up; its own staf records (`wastebank.record` is the bank's staff's only).
    weigher = User.objects.create_user(username="petugas-sei-jang", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=org, user=weigher, role=MemberRole.STAFF, started_on=JAN)
    kardus = services.add_category(bank, name="Kardus", price_per_kg=1_800, valid_from=JAN, acting_user=weigher)
    member = services.register_member(bank, person=PersonFactory(name="Rosni"), joined_on=JAN, acting_user=weigher)
    return {"bank": bank, "kardus": kardus, "member": member, "staff": weigher}


def deposit(bank, member, day, lines, user):
    return services.record_deposit(bank, member=member, occurred_on=day, lines=lines, key=key(), acting_user=user)


@pytest.fixture
def history(bank, staff, categories, member, other_bank, city_officer):
    """Deposits in four months (one of them last year), three categories, six depositors, one cancellation."""
    pet, kardus, besi = categories["pet"], categories["kardus"], categories["besi"]
    savers = [member] + [
        services.register_member(bank, person=PersonFactory(name=name), joined_on=JAN, acting_user=staff)
        for name in ("Ani", "Budi", "Cici", "Dedi", "Euis")
    ]
    services.set_price(pet, price_per_kg=3_000, valid_from=DEC.replace(day=1), acting_user=staff)
    deposit(bank, member, DEC, [(pet, 1_000)], staff)  # last year: on the portal, not in this year's figure
    deposit(bank, member, FEB, [(pet, 2_350), (besi, 10_000)], staff)
    deposit(bank, member, MAR, [(kardus, 4_000)], staff)  # the same member again: still one depositor
    for saver in savers[1:]:
        deposit(bank, saver, MAY, [(kardus, 1_500), (pet, 500)], staff)
    wrong = deposit(bank, savers[2], MAR, [(besi, 7_000)], staff)
    services.cancel_record(wrong, reason="Salah timbang", key=key(), acting_user=staff)
    deposit(other_bank["bank"], other_bank["member"], MAR, [(other_bank["kardus"], 3_250)], other_bank["staff"])
    return {"savers": savers, "wrong": wrong}


def test_tallies_equal_the_live_deposits_on_the_dashboard_and_the_portal(areas, history, city_officer, facilitator):
    assert tallies.differences() == []
    bugis = areas[BUGIS]
    shown = figure.figures(city_officer, bugis, TODAY)
    assert shown == live_figure(city_officer, bugis, TODAY)
    # Kardus 4 + 5 × 1,5 + 3,25 (the other bank's) = 14,75 kg; PET 2,35 + 5 × 0,5; besi 10 (7 kg cancelled).
    assert [(row["name"], row["kg"]) for row in shown["categories"]] == [
        ("Kardus", Decimal("14.8")), ("Besi", Decimal("10.0")), ("Botol PET", Decimal("4.9")),
    ]  # fmt: skip
    assert (shown["banks"], shown["deposits"], shown["kg"]) == (2, 8, Decimal("29.6"))
    city = Area.objects.get(code="21.72", level=Level.REGENCY)
    assert figure.figures(facilitator, city, TODAY) == live_figure(facilitator, city, TODAY)

    rows = {row["name"]: row for row in waste_banks(bugis)}
    assert list(rows.values()) == live_portal(bugis)
    # Six distinct depositors; 1 + 12,35 + 4 + 5 × 2 kg, December included = 27 kg.
    assert rows["Bank Sampah Bugis Bersih"]["kg"] == 27
    assert rows["Bank Sampah Bugis Bersih"]["depositors"].value == 6
    assert rows["Bank Sampah Sei Jang"]["kg"] is None  # one depositor: the amount would be hers


def test_a_cancelled_deposit_leaves_the_figure_and_the_portal(areas, bank, staff, categories, member):
    first = deposit(bank, member, FEB, [(categories["besi"], 5_000)], staff)
    deposit(bank, member, MAR, [(categories["pet"], 1_200)], staff)
    before = figure.figures(staff, areas[BUGIS], TODAY)
    assert (before["deposits"], before["kg"]) == (2, Decimal("6.2"))

    services.cancel_record(first, reason="Dicatat dua kali", key=key(), acting_user=staff)
    after = figure.figures(staff, areas[BUGIS], TODAY)
    assert (after["deposits"], after["kg"]) == (1, Decimal("1.2"))
    assert [row["name"] for row in after["categories"]] == ["Botol PET"]
    assert not CategoryMonthTally.objects.filter(month=FEB.replace(day=1)).exists()
    assert BankTally.objects.get(bank=bank).grams == 1_200
    assert tallies.differences() == []


def test_cancelling_a_withdrawal_leaves_the_tallies_alone(bank, staff, categories, member):
    services.record_cash_in(bank, source="Hibah", amount=50_000, occurred_on=JAN, key=key(), acting_user=staff)
    deposit(bank, member, FEB, [(categories["besi"], 5_000)], staff)
    withdrawal = services.record_withdrawal(
        bank, member=member, occurred_on=MAR, amount=10_000, key=key(), acting_user=staff
    )
    services.cancel_record(withdrawal, reason="Salah orang", key=key(), acting_user=staff)
    assert BankTally.objects.get(bank=bank).deposits == 1
    assert tallies.differences() == []


def test_rebuild_restores_deleted_and_wrong_tallies(areas, history, city_officer):
    bugis = areas[BUGIS]
    shown = figure.figures(city_officer, bugis, TODAY)
    portal = waste_banks(bugis)
    CategoryMonthTally.objects.filter(category__name="Kardus").delete()
    BankMonthTally.objects.all().delete()
    BankTally.objects.filter(bank__organization__name="Bank Sampah Bugis Bersih").update(depositors=2)
    problems = tallies.differences()
    assert "Bank Sampah Bugis Bersih: jumlah penyetor di rekap 2, seharusnya 6" in problems
    assert "Bank Sampah Sei Jang, 03-2026, Kardus: berat (g) di rekap 0, seharusnya 3250" in problems
    assert figure.figures(city_officer, bugis, TODAY) != shown

    rows = tallies.rebuild()
    assert rows == sum(model.objects.count() for model in tallies.TALLY_MODELS)
    assert CategoryYearTally.objects.count() == 5  # Bugis Bersih: PET 2025 and 2026, Kardus, Besi; Sei Jang: Kardus
    assert tallies.differences() == []
    assert figure.figures(city_officer, bugis, TODAY) == shown
    assert waste_banks(bugis) == portal


def test_the_data_migration_tallies_existing_deposits(areas, history, city_officer):
    shown = figure.figures(city_officer, areas[BUGIS], TODAY)
    fill = importlib.import_module("gotong.wastebank.migrations.0003_fill_bank_tallies")
    fill_years = importlib.import_module("gotong.wastebank.migrations.0009_fill_category_year_tally")
    fill.empty(apps, None)
    fill_years.empty(apps, None)
    assert figure.figures(city_officer, areas[BUGIS], TODAY)["kg"] == 0
    fill.fill(apps, None)
    fill_years.fill(apps, None)  # the year rows from the month rows
    assert tallies.differences() == []
    assert figure.figures(city_officer, areas[BUGIS], TODAY) == shown


def test_residents_and_partners_see_no_waste_figure(areas, history, partner, resident):
    assert figure.figures(partner, areas[BUGIS], TODAY) is None
    assert figure.figures(resident, areas[BUGIS], TODAY) is None


def _figure_queries(user, area) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        shown = figure.figures(user, area, TODAY)
    return len(queries), shown


def test_figure_and_portal_queries_do_not_grow_with_deposits(areas, bank, staff, categories, member, city_officer):
    bugis = areas[BUGIS]

    def add(n):
        for i in range(n):
            line = (categories["pet"] if i % 2 else categories["kardus"], 500 + i)
            deposit(bank, member, datetime.date(2026, 1 + i % 6, 5), [line], staff)

    add(3)
    figure.figures(city_officer, bugis, TODAY)  # the officer's areas are looked up once, then cached on the user
    few, shown = _figure_queries(city_officer, bugis)
    assert shown["deposits"] == 3
    add(27)
    many, shown = _figure_queries(city_officer, bugis)
    assert shown["deposits"] == 30 and shown == live_figure(city_officer, bugis, TODAY)
    # The banks, the grams per category name (the year rows carry the names), the number of deposits.
    assert many == few == 3
    with CaptureQueriesContext(connection) as queries:
        waste_banks(bugis)
    assert len(queries) == 2  # the banks, then their tallies
