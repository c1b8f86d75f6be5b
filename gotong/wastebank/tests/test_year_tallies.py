"""The waste banks' year rows per category (`CategoryYearTally`): equal to the live deposits after every deposit,
cancellation and category rename, checked by `differences()`, and what the dashboard's block reads."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.test.utils import CaptureQueriesContext

from gotong.dashboards.figures import wastebank as figure
from gotong.wastebank import services, tallies
from gotong.wastebank.models import CategoryYearTally, DepositLine, WasteCategory

from . import test_tallies
from .conftest import BUGIS, key
from .test_tallies import DEC, FEB, MAR, MAY, TODAY, live_figure

# the block's tests' fixtures: two banks in Bugis, a year and a half of deposits
history = test_tallies.history
other_bank = test_tallies.other_bank


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


def live_years() -> dict[tuple[int, int, str, int], int]:
    """{(bank, category, category name, year): grams} summed from the non-cancelled deposit lines."""
    rows = (
        DepositLine.objects.filter(deposit__cancellation__isnull=True)
        .values_list("deposit__bank", "category", "category__name", ExtractYear("deposit__occurred_on"))
        .annotate(grams=Sum("grams"))
        .order_by()
    )
    return {(bank, category, name, year): grams for bank, category, name, year, grams in rows}


def stored_years() -> dict[tuple[int, int, str, int], int]:
    rows = CategoryYearTally.objects.values_list("bank", "category", "name", "year", "grams")
    return {(bank, category, name, year): grams for bank, category, name, year, grams in rows}


def deposit(bank, member, day, lines, user):
    return services.record_deposit(bank, member=member, occurred_on=day, lines=lines, key=key(), acting_user=user)


def test_year_rows_follow_deposits_and_cancellations(bank, staff, categories, member):
    pet, kardus = categories["pet"], categories["kardus"]
    services.set_price(pet, price_per_kg=3_000, valid_from=DEC.replace(day=1), acting_user=staff)
    deposit(bank, member, DEC, [(pet, 1_000)], staff)
    first = deposit(bank, member, FEB, [(pet, 2_350), (kardus, 4_000)], staff)
    deposit(bank, member, MAY, [(kardus, 1_500)], staff)
    assert (
        stored_years()
        == live_years()
        == {
            (bank.pk, pet.pk, "Botol PET", 2025): 1_000,
            (bank.pk, pet.pk, "Botol PET", 2026): 2_350,
            (bank.pk, kardus.pk, "Kardus", 2026): 5_500,
        }
    )

    services.cancel_record(first, reason="Dicatat dua kali", key=key(), acting_user=staff)
    # PET's only deposit of 2026 is gone: its row with it; last year's stays.
    assert (
        stored_years()
        == live_years()
        == {
            (bank.pk, pet.pk, "Botol PET", 2025): 1_000,
            (bank.pk, kardus.pk, "Kardus", 2026): 1_500,
        }
    )
    assert tallies.differences() == []


def test_a_renamed_category_is_shown_under_its_new_name(areas, history, bank, staff, categories, city_officer):
    kardus = WasteCategory.objects.get(pk=categories["kardus"].pk)
    kardus.name = "Kardus bekas"
    kardus.save()
    assert stored_years() == live_years()
    assert tallies.differences() == []
    shown = figure.figures(city_officer, areas[BUGIS], TODAY)
    assert shown == live_figure(city_officer, areas[BUGIS], TODAY)
    # The other bank's "Kardus" keeps its name: the two no longer add up under one.
    assert [(row["name"], row["kg"]) for row in shown["categories"]] == [
        ("Kardus bekas", Decimal("11.5")), ("Besi", Decimal("10.0")), ("Botol PET", Decimal("4.9")),
        ("Kardus", Decimal("3.3")),
    ]  # fmt: skip


def test_saving_a_category_without_renaming_it_leaves_the_year_rows(history, categories):
    besi = WasteCategory.objects.get(pk=categories["besi"].pk)
    besi.sort_order = 9
    with CaptureQueriesContext(connection) as queries:
        besi.save()
    touched = [q["sql"] for q in queries.captured_queries if "tally" in q["sql"].lower()]
    assert touched == []  # no lock of the bank, no recount


def test_differences_reports_a_wrong_missing_or_surplus_year_row(history, bank, categories):
    kardus, pet, besi = categories["kardus"], categories["pet"], categories["besi"]
    CategoryYearTally.objects.filter(category=kardus, year=2026).update(grams=1)
    CategoryYearTally.objects.filter(category=pet, year=2025).delete()
    CategoryYearTally.objects.filter(category=besi).update(name="Besi tua")  # past the rename's signal
    CategoryYearTally.objects.create(
        bank=bank, category=pet, year=2024, name="Botol PET", grams=700, area_code=bank.area_code
    )
    assert sorted(tallies.differences()) == [
        "Bank Sampah Bugis Bersih, 2024, Botol PET: berat (g) di rekap 700, seharusnya 0",
        "Bank Sampah Bugis Bersih, 2025, Botol PET: berat (g) di rekap 0, seharusnya 1000",
        "Bank Sampah Bugis Bersih, 2026, Besi: nama jenis sampah di rekap Besi tua, seharusnya Besi",
        "Bank Sampah Bugis Bersih, 2026, Kardus: berat (g) di rekap 1, seharusnya 11500",
    ]
    tallies.rebuild()
    assert tallies.differences() == []
    assert stored_years() == live_years()


def test_a_refresh_of_some_months_recounts_their_whole_years(bank, staff, categories, member):
    """A deposit in March recounts 2026 from all of 2026's month rows, not only March's."""
    pet = categories["pet"]
    deposit(bank, member, FEB, [(pet, 2_000)], staff)
    deposit(bank, member, MAR, [(pet, 3_000)], staff)
    deposit(bank, member, datetime.date(2026, 3, 20), [(pet, 500)], staff)
    assert stored_years() == {(bank.pk, pet.pk, "Botol PET", 2026): 5_500}
