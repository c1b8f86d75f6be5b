"""Treasury, programs and social-capital figures from a small fixture, the map JSON, and their scope."""

import datetime
import json

import pytest

from gotong.dashboards.figures import programs, socialcapital, treasury
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.services import add_member as add_org_member
from gotong.organizations.services import create_organization
from gotong.programs import services as program_services
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.socialcapital.tests.conftest import answer, instrument, make_round  # noqa: F401, F811 (fixture)
from gotong.treasury import services as treasury_services
from gotong.treasury.models import Category

pytestmark = pytest.mark.django_db

BUGIS = "21.72.03.1005"
TODAY = datetime.date(2026, 3, 20)
D = datetime.date


@pytest.fixture
def kampung(areas, admin_user, city_officer):
    """In Bugis: a treasury with Rp 3 juta income (1 juta in kind) and Rp 500 ribu spent, one saver; a skills
    program with three participants (one completed and certified, one dropped); three households surveyed."""
    bugis, rt = areas[BUGIS], rt_in(BUGIS, 6, 2)
    people = [PersonFactory(household=HouseholdFactory(area=rt), name=f"Warga {n}") for n in range(3)]
    shop = create_organization(
        name="KSM Sayur", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=rt, acting_user=admin_user
    )
    bri = create_organization(
        name="BRI", kind=OrganizationKind.PARTNER_CSR, area=areas["21.72"], acting_user=admin_user
    )
    from gotong.accounts.models import User

    keeper = User.objects.create_user(username="bendahara", password="rahasia-123", role="org_staff")
    add_org_member(shop, user=keeper, role=MemberRole.TREASURER, started_on=D(2020, 1, 1), acting_user=admin_user)
    treasury_services.ensure_setup(shop, acting_user=keeper)
    sales = Category.objects.get(organization=shop, name="Penjualan hasil panen")
    aid = Category.objects.filter(organization=shop, direction="masuk").exclude(pk=sales.pk).first()
    spend = Category.objects.filter(organization=shop, direction="keluar").first()
    book = treasury_services.record_cash_entry
    book(
        shop,
        category=sales,
        occurred_on=D(2026, 2, 1),
        amount=2_000_000,
        description="Panen",
        key="a",
        acting_user=keeper,
    )
    book(shop, category=aid, occurred_on=D(2026, 2, 2), amount=1_000_000, description="Bibit", in_kind=True,
         partner=bri, key="b", acting_user=keeper)  # fmt: skip
    book(
        shop,
        category=spend,
        occurred_on=D(2026, 2, 3),
        amount=500_000,
        description="Pupuk",
        key="c",
        acting_user=keeper,
    )
    book(shop, category=sales, occurred_on=D(2025, 12, 1), amount=9_000_000, description="Tahun lalu", key="d",
         acting_user=keeper)  # fmt: skip
    treasury_services.add_member(shop, person=people[0], joined_on=D(2025, 1, 2), acting_user=keeper)

    bkm = create_organization(name="BKM Bugis", kind=OrganizationKind.BKM, area=bugis, acting_user=city_officer)
    program = program_services.create_program(
        name="Menjahit", kind="keterampilan", organization=bkm, area=bugis, acting_user=city_officer
    )
    cohort = program_services.create_cohort(
        program, name="Angkatan 1", starts_on=D(2026, 1, 5), ends_on=D(2026, 6, 30), acting_user=city_officer
    )
    program_services.add_session(cohort, held_on=D(2026, 1, 10), topic="Pola", hours=2, acting_user=city_officer)
    enrolments = [
        program_services.enrol(cohort, person=p, enrolled_on=D(2026, 1, 5), acting_user=city_officer) for p in people
    ]
    program_services.record_outcome(enrolments[0], status="lulus", certified=True, started_business=True,
                                    acting_user=city_officer)  # fmt: skip
    program_services.record_outcome(enrolments[1], status="keluar", acting_user=city_officer)
    return {"bugis": bugis, "city": areas["21.72"], "homes": [p.household for p in people]}


def test_treasury_figures_count_this_year_and_split_aid_in_kind(kampung, city_officer):
    figures = treasury.figures(city_officer, kampung["city"], TODAY)
    assert (figures["income"], figures["in_kind"], figures["expense"]) == (3_000_000, 1_000_000, 500_000)
    assert (figures["treasuries"], figures["members"], figures["loans"]) == (1, 1, 0)
    assert figures["url"] == "/kas/?wilayah=21.72"


def test_program_figures_count_participants_and_outcomes(kampung, city_officer, facilitator):
    figures = programs.figures(city_officer, kampung["bugis"], TODAY)
    assert (figures["programs"], figures["participants"], figures["active"], figures["completed"]) == (1, 3, 1, 1)
    assert (figures["certified"], figures["started_business"], figures["sessions"]) == (1, 1, 1)
    assert str(figures["completion_rate"]) == "50.0"
    assert figures["url"] == f"/program/?wilayah={BUGIS}"
    other = rt_in("21.72.01.1001", 1, 1).parent.parent
    assert programs.figures(facilitator, other, TODAY) is None


def test_social_capital_figures_average_household_scores(kampung, city_officer, admin_user, instrument):  # noqa: F811
    survey = make_round(instrument, kampung["bugis"], admin_user, start=D(2026, 1, 1), end=D(2026, 2, 1))
    for home, trust, choice in zip(kampung["homes"], [(5, 5), (3, 3), (1, 1)], [2, 1, 0], strict=True):
        answer(survey, home, admin_user, trust, choice)
    figures = socialcapital.figures(city_officer, kampung["city"], TODAY)
    assert figures["households"] == 3 and str(figures["overall"]) == "50.0"
    assert {row["code"]: row["score"] for row in figures["dimensions"]}["kepercayaan"] == 50
    assert figures["url"] == f"/modal-sosial/skor/?wilayah=21.72&putaran={survey.pk}"


def test_city_page_shows_new_sections_and_links_with_wilayah(client, kampung, city_officer):
    client.force_login(city_officer)
    html = client.get("/dasbor/21.72/").content.decode()
    for section in ("treasury", "programs"):
        assert f'data-section="{section}"' in html
    assert 'href="/kas/?wilayah=21.72" data-figure="treasury-income"' in html
    assert 'href="/registrasi/?wilayah=21.72&amp;pkh=1" data-figure="pkh"' in html


def test_map_json_holds_only_slums_in_scope(client, areas, city_officer, facilitator):
    from gotong.slums import services as slums

    other = rt_in("21.72.01.1001", 1, 1).parent.parent
    for name, village, lat in (("Bugis", areas[BUGIS], "0.92"), ("Lain", other, "0.95")):
        location = slums.register_location(
            name=name, decree_number=f"SK {name}", area_ha="3", decree_authority="Walikota", village=village,
            acting_user=city_officer,
        )  # fmt: skip
        location.latitude, location.longitude = lat, "104.45"
        location.save()
    client.force_login(city_officer)
    names = [f["properties"]["name"] for f in json.loads(client.get("/dasbor/21.72/peta.json").content)["features"]]
    assert sorted(names) == ["Bugis", "Lain"]
    client.force_login(facilitator)
    names = [f["properties"]["name"] for f in json.loads(client.get("/dasbor/21.72/peta.json").content)["features"]]
    assert names == ["Bugis"]
    assert client.get("/dasbor/21.72.01/peta.json").status_code == 404
