"""Labour value and participation numbers, checked by hand on a small fixture."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gotong.activities import services, stats
from gotong.activities.defaults import install_default_rates
from gotong.activities.models import Event, WageRate
from gotong.registry.tests.factories import PersonFactory


def test_labour_value_is_hours_times_umk_per_173_hours(event, residents, rate_2025, city_officer):
    andi, bayu, citra, _dewi = residents["adults"]
    services.record_attendance(
        event,
        hours_by_person={andi: None, bayu: Decimal("3"), citra: Decimal("1.5")},
        guests=2,
        guest_hours=Decimal(4),
        acting_user=city_officer,
    )
    services.add_contribution(
        event, what="Semen", quantity=Decimal(2), unit="sak", estimated_value=130_000, acting_user=city_officer
    )
    summary = stats.event_summary(event)
    # 2 + 3 + 1,5 = 6,5 registered hours, + 4 guest hours = 10,5 hours × Rp20.000 = Rp210.000.
    assert summary.attendees == 3 and summary.people == 5
    assert summary.registered_hours == Decimal("6.5") and summary.total_hours == Decimal("10.5")
    assert summary.labour_value == 210_000
    assert summary.in_kind_value == 130_000 and summary.total_value == 340_000
    assert not summary.rate.is_fallback


def test_labour_value_rounds_half_up_and_falls_back_to_last_year(event, rate_2025):
    rate = stats.wage_rate_for("21.72", 2026)
    assert rate.rate == rate_2025 and rate.is_fallback
    assert stats.wage_rate_for("21.72", 2019).rate is None
    # Medan 2025 default: 4.014.072 ÷ 173 × 1 h = 23.202,73… → 23.203. The defaults come from a data migration,
    # which a transactional test elsewhere in this process may have flushed away: install them again (idempotent).
    install_default_rates(WageRate)
    medan = stats.wage_rate_for("12.71", 2025).rate
    assert medan.monthly_wage == 4_014_072 and not medan.verified
    assert stats.labour_value(Decimal(1), medan) == 23_203
    assert stats.labour_value(Decimal(1), None) is None


def test_attendance_is_idempotent_and_checks_hours(event, residents, city_officer):
    andi, bayu, *_ = residents["adults"]
    services.record_attendance(event, hours_by_person={andi: None, bayu: None}, acting_user=city_officer)
    result = services.record_attendance(event, hours_by_person={andi: None, bayu: None}, acting_user=city_officer)
    assert result == {"present": 2, "added": 0, "changed": 0, "kept": 0}
    assert event.attendance.count() == 2
    services.record_attendance(event, hours_by_person={andi: Decimal(4)}, acting_user=city_officer)
    assert list(event.attendance.values_list("hours", flat=True)) == [Decimal(4)]
    with pytest.raises(Exception, match="paling banyak 24"):
        services.record_attendance(event, hours_by_person={andi: Decimal(30)}, acting_user=city_officer)
    assert event.attendance.get().hours == Decimal(4)  # nothing lost


def test_participation_rate_per_rt_per_month(event, residents, bugis_rt, city_officer, bkm):
    andi, bayu, citra, dewi = residents["adults"]
    services.record_attendance(
        event, hours_by_person={andi: None, bayu: None, residents["child"]: None}, acting_user=city_officer
    )
    second = services.create_event(
        title="Kerja bakti 2", kind="kerja_bakti", held_on=datetime.date(2025, 3, 23), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    services.record_attendance(second, hours_by_person={andi: None, citra: None}, acting_user=city_officer)
    april = services.create_event(
        title="Kerja bakti April", kind="kerja_bakti", held_on=datetime.date(2025, 4, 6), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    services.record_attendance(april, hours_by_person={dewi: None}, acting_user=city_officer)
    months = stats.month_starts(datetime.date(2025, 2, 1), datetime.date(2025, 4, 30))
    table = stats.participation_by_rt(Event.objects.all(), months)
    assert [row.area.code for row in table] == [bugis_rt.code]
    # 4 adults (the child neither counts nor is counted); March: Andi, Bayu, Citra = 3/4; April: Dewi = 1/4.
    assert table[0].cells == [(4, 0, Decimal("0.0")), (4, 3, Decimal("75.0")), (4, 1, Decimal("25.0"))]
    png = stats.participation_chart_png(table, months)
    assert png.startswith(b"\x89PNG")


def test_participation_table_names_every_rt_without_a_query_per_rt(
    event, residents, city_officer, django_assert_num_queries
):
    # The city's gotong royong page lists hundreds of RTs: naming each RT's RW and kelurahan must not cost a query
    # per row (the synthetic city's page made 823 queries).
    services.record_attendance(
        event, hours_by_person={residents["adults"][0]: None, residents["elsewhere"]: None}, acting_user=city_officer
    )
    months = stats.month_starts(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    table = stats.participation_by_rt(Event.objects.all(), months)
    assert len(table) == 2
    with django_assert_num_queries(0):
        names = [(row.area.name, row.area.parent.name, row.area.parent.parent.name) for row in table]
    assert all(all(names_of_row) for names_of_row in names)


def _aged_17_on(birth_date: datetime.date, day: datetime.date) -> bool:
    """The KTP age counted by hand: 17 once the 17th birthday has come (a 29 February birthday comes on 1 March)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday >= 17


@pytest.mark.parametrize(
    ("day", "cutoff"),
    [
        (datetime.date(2025, 3, 31), datetime.date(2008, 3, 31)),
        (datetime.date(2024, 2, 29), datetime.date(2007, 2, 28)),  # 2007 has no 29 February
        (datetime.date(2025, 2, 28), datetime.date(2008, 2, 28)),  # born 29 Feb 2008: 17 only on 1 March 2025
        (datetime.date(2033, 2, 28), datetime.date(2016, 2, 28)),
    ],
)
def test_adult_cutoff_agrees_with_the_birthday_rule(day, cutoff):
    assert stats.adult_cutoff(day) == cutoff
    for birth in (cutoff - datetime.timedelta(days=1), cutoff, cutoff + datetime.timedelta(days=1)):
        assert _aged_17_on(birth, day) == (birth <= cutoff), birth
    assert not _aged_17_on(datetime.date(2008, 2, 29), datetime.date(2025, 2, 28))


def test_a_resident_turning_17_counts_from_the_month_she_turns_17(event, residents, bugis_rt, city_officer, bkm):
    """Sari turns 17 on 31 March 2025 (last day of the month: an adult for March), Tono on 1 April (not in March);
    both came in March and in April."""
    house = residents["adults"][0].household
    sari = PersonFactory(household=house, name="Sari", birth_date=datetime.date(2008, 3, 31), relationship="anak")
    tono = PersonFactory(household=house, name="Tono", birth_date=datetime.date(2008, 4, 1), relationship="anak")
    services.record_attendance(event, hours_by_person={sari: None, tono: None}, acting_user=city_officer)
    april = services.create_event(
        title="Kerja bakti April", kind="kerja_bakti", held_on=datetime.date(2025, 4, 6), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    services.record_attendance(april, hours_by_person={sari: None, tono: None}, acting_user=city_officer)
    months = stats.month_starts(datetime.date(2025, 3, 1), datetime.date(2025, 4, 30))
    [row] = stats.participation_by_rt(Event.objects.all(), months)
    # March: 4 adults + Sari = 5, Sari came; April: + Tono = 6, both came.
    assert row.cells == [(5, 1, Decimal("20.0")), (6, 2, Decimal("33.3"))]


def test_participation_reads_every_month_in_one_query(event, residents, bugis_rt, city_officer, bkm):
    """Who came is counted in one query for all the months (the page's six months made six joins of attendance,
    events and residents): who came, the RTs, their adults — three queries however many months are shown."""
    andi, bayu, citra, _dewi = residents["adults"]
    services.record_attendance(
        event, hours_by_person={andi: None, residents["elsewhere"]: None}, acting_user=city_officer
    )
    april = services.create_event(
        title="Kerja bakti April", kind="kerja_bakti", held_on=datetime.date(2025, 4, 6), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    services.record_attendance(april, hours_by_person={bayu: None, citra: None}, acting_user=city_officer)
    queries = []
    for last in (datetime.date(2025, 3, 31), datetime.date(2025, 8, 31)):
        months = stats.month_starts(datetime.date(2025, 3, 1), last)
        with CaptureQueriesContext(connection) as captured:
            table = stats.participation_by_rt(Event.objects.all(), months)
        queries.append(len(captured))
    # Who came, the RTs, the registry tallies (not of these years' adults: 2025 is past) and the residents.
    assert queries == [4, 4]
    rows = {row.area.code: row.cells for row in table}
    # March: Andi of 4 adults; April: Bayu and Citra; no one from May on (no row of the other RT's months either).
    assert rows[bugis_rt.code] == [(4, 1, Decimal("25.0")), (4, 2, Decimal("50.0"))] + [(4, 0, Decimal("0.0"))] * 4
    assert [came for _adults, came, _percent in rows[residents["elsewhere"].area_code]] == [1, 0, 0, 0, 0, 0]


# The cells as home.html wrote them before they were built in Python (`views._cells_html`).
_TEMPLATE_CELLS = (
    '{% for adults, came, percent in row.cells %}<td class="text-end small">{% if percent is not None %}<strong>'
    '{{ percent }}%</strong><br><span class="text-muted">{{ came }}/{{ adults }}</span>{% else %}—{% endif %}</td>'
    "{% endfor %}"
)


@pytest.mark.parametrize("language", ["id", "en"])
def test_participation_cells_are_what_the_template_wrote(language, bugis_rt):
    from django.template import Context, Template
    from django.utils import translation

    from gotong.activities.views import _cells_html

    cells = [(0, 0, None), (4, 1, Decimal("25.0")), (1250, 3, Decimal("0.2")), (1250, 1250, Decimal("100.0"))]
    table = [stats.RtParticipation(bugis_rt, cells), stats.RtParticipation(bugis_rt, list(reversed(cells)))]
    with translation.override(language):
        _cells_html(table)
        for row in table:
            assert row.cells_html == Template(_TEMPLATE_CELLS).render(Context({"row": row}))
    assert "1.250" in table[0].cells_html or "1,250" in table[0].cells_html  # thousands grouped, as the page did


def test_adults_of_this_year_read_from_the_registry_tallies(residents, bugis_rt):
    """In this year's months the adults of each RT come from `AreaTally`/`AreaBirths` (no scan of the residents)
    and equal the residents counted; a window reaching into last year counts the residents."""
    from gotong.activities.stats import _adults_from_tallies, adult_cutoff, month_starts
    from gotong.registry.models import Person

    year = timezone.localdate().year
    house = residents["adults"][0].household
    for born in ("0115", "0331", "0401", "0630", "1231"):  # turning 17 this year, either side of the month ends
        PersonFactory(
            household=house,
            birth_date=datetime.date.fromisoformat(f"{year - 17}-{born[:2]}-{born[2:]}"),
            relationship="anak",
        )
    PersonFactory(household=house, birth_date=datetime.date(year - 16, 1, 1), relationship="anak")  # not 17 this year
    codes = [bugis_rt.code, residents["elsewhere"].area_code]
    cutoffs = [
        adult_cutoff(stats._month_end(m)) for m in month_starts(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    ]
    tallied = _adults_from_tallies(codes, cutoffs)
    for code in codes:
        live = [Person.objects.filter(area_code=code, birth_date__lte=cutoff).count() for cutoff in cutoffs]
        assert [tallied[code][f"m{i}"] for i in range(len(cutoffs))] == live
    assert [tallied[bugis_rt.code][f"m{i}"] for i in (0, 2, 3, 5, 11)] == [5, 6, 7, 8, 9]
    last_year = [adult_cutoff(datetime.date(year - 1, 12, 31)), *cutoffs[:1]]
    assert _adults_from_tallies(codes, last_year) is None
