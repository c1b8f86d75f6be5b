"""A small Tanjungpinang: Kampung Bugis with something from every module, and a second village with a little.

Everything goes through the modules' own services, so the dashboard reads what real use would leave behind.
"""

import datetime
import uuid
from decimal import Decimal

import pytest

from gotong.accounts.models import User
from gotong.activities import services as activities
from gotong.areas.models import Area, Level
from gotong.casework import services as casework
from gotong.casework.models import Frequency, Program
from gotong.collaboration import services as collaboration
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.posyandu import services as posyandu
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.slums import services as slums
from gotong.wastebank import services as wastebank

TODAY = datetime.date(2026, 3, 20)
CITY = "21.72"
BUGIS = "21.72.03.1005"
CRITERIA = ["1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b"]
D = datetime.date


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


@pytest.fixture
def other_village(areas):
    return Area.objects.filter(code__startswith=f"{CITY}.", level=Level.VILLAGE).exclude(code=BUGIS).first()


@pytest.fixture
def town(areas, other_village, city_officer, facilitator, today):
    """Bugis: 3 households (deciles 1, 1, 3), 5 persons; the other village: 2 households (decile 5), 2 persons."""
    bugis = areas[BUGIS]
    rt = rt_in(BUGIS, 6, 2)
    homes = [HouseholdFactory(area=rt, welfare_decile=d) for d in (1, 1, 3)]
    adults = [
        PersonFactory(household=homes[0], name="Andi"),
        PersonFactory(household=homes[1], name="Bayu"),
        PersonFactory(household=homes[2], name="Citra", sex="P"),
    ]
    mother = PersonFactory(household=homes[0], name="Dewi", sex="P", relationship="pasangan")
    toddler = PersonFactory(household=homes[0], name="Eko", relationship="anak", birth_date=D(2025, 1, 10))
    far_rt = rt_in(other_village.code, 1, 1)
    for _ in range(2):
        PersonFactory(household=HouseholdFactory(area=far_rt, welfare_decile=5))

    location = slums.register_location(
        name="Kampung Bugis",
        decree_number="337/2014",
        area_ha="18.92",
        decree_authority="Walikota",
        village=bugis,
        acting_user=city_officer,
    )
    slums.record_assessment(
        location,
        assessed_on=D(2020, 5, 1),
        percentages=dict.fromkeys(CRITERIA, 90),
        affected_area_ha="18.92",
        is_baseline=True,
        acting_user=city_officer,
    )
    slums.record_assessment(
        location,
        assessed_on=D(2025, 5, 1),
        # "Kumuh ringan" (total 20): 10,50 ha still slum needs a slum class; "Bukan kumuh" means 0 ha remaining.
        percentages=dict(dict.fromkeys(CRITERIA, 0), **{"6a": 100, "6b": 100, "7a": 100, "7b": 100}),
        affected_area_ha="10.50",
        acting_user=city_officer,
    )
    slums.register_location(
        name="Lokasi lain",
        decree_number="338/2014",
        area_ha="5",
        decree_authority="Walikota",
        village=other_village,
        acting_user=city_officer,
    )

    bkm = create_organization(name="BKM Bugis", kind=OrganizationKind.BKM, area=bugis, acting_user=city_officer)
    perkim = create_organization(
        name="Dinas Perkim", kind=OrganizationKind.GOVERNMENT, area=areas[CITY], acting_user=city_officer
    )
    collaboration.create_project(
        name="Pelantar RT 02",
        kind="pelantar",
        area=bugis,
        volume=120,
        unit="m",
        year=2026,
        budgets={"apbn": 500_000_000, "swadaya": 25_000_000},
        acting_user=city_officer,
    )
    collaboration.create_project(
        name="Drainase",
        kind="drainase",
        area=other_village,
        volume=50,
        unit="m",
        year=2026,
        budgets={"apbd": 100_000_000},
        acting_user=city_officer,
    )
    mou = collaboration.create_agreement(
        title="MoU Bugis",
        kind="mou",
        signed_on=D(2025, 1, 1),
        area=bugis,
        parties=[bkm, perkim],
        acting_user=city_officer,
    )
    kept = collaboration.add_commitment(
        mou, actor=bkm, what="Kerja bakti", due_on=D(2026, 2, 28), acting_user=city_officer
    )
    collaboration.update_commitment_status(kept, status="done", done_on=D(2026, 2, 20), acting_user=city_officer)
    collaboration.add_commitment(mou, actor=bkm, what="Lahan TPS", due_on=D(2026, 3, 1), acting_user=city_officer)
    collaboration.add_commitment(mou, actor=bkm, what="Pemeliharaan", due_on=D(2026, 12, 1), acting_user=city_officer)
    far = collaboration.create_agreement(
        title="MoU lain",
        kind="mou",
        signed_on=D(2025, 1, 1),
        area=other_village,
        parties=[bkm, perkim],
        acting_user=city_officer,
    )
    collaboration.add_commitment(far, actor=bkm, what="Hibah lahan", due_on=D(2026, 1, 1), acting_user=city_officer)

    event = activities.create_event(
        title="Kerja bakti",
        kind="kerja_bakti",
        held_on=D(2026, 3, 8),
        default_hours=2,
        area=rt,
        organization=bkm,
        acting_user=city_officer,
    )
    activities.record_attendance(
        event, hours_by_person={adults[0]: None, adults[1]: Decimal("3")}, acting_user=city_officer
    )

    bank_org = create_organization(
        name="Bank Sampah Bugis", kind=OrganizationKind.WASTE_BANK, area=bugis, acting_user=city_officer
    )
    bank = wastebank.set_up_bank(bank_org, acting_user=city_officer)
    # The bank's own staff keep its books (`wastebank.record`); the city officer only reads them.
    keeper = User.objects.create_user(username="pengelola-bugis", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=bank_org, user=keeper, role=MemberRole.MANAGER, started_on=D(2025, 1, 1))
    pet = wastebank.add_category(
        bank, name="Botol PET", price_per_kg=3_500, valid_from=D(2026, 1, 1), acting_user=keeper
    )
    paper = wastebank.add_category(
        bank, name="Kardus", price_per_kg=2_000, valid_from=D(2026, 1, 1), acting_user=keeper
    )
    member = wastebank.register_member(bank, person=adults[2], joined_on=D(2026, 1, 1), acting_user=keeper)
    for day, lines in ((D(2026, 2, 10), [(pet, 2_350), (paper, 5_000)]), (D(2026, 3, 2), [(pet, 1_650)])):
        wastebank.record_deposit(
            bank, member=member, occurred_on=day, lines=lines, key=uuid.uuid4().hex, acting_user=keeper
        )

    melati = create_organization(
        name="Posyandu Melati", kind=OrganizationKind.POSYANDU, area=bugis, acting_user=city_officer
    )
    child = posyandu.register_child(
        posyandu=melati, person=toddler, registered_on=D(2025, 2, 1), acting_user=city_officer
    )
    session = posyandu.open_session(posyandu=melati, held_on=D(2026, 3, 10), acting_user=city_officer)
    # 14 months, 68 cm lying: far below the WHO median (≈ 77 cm), so stunted.
    posyandu.record_weighing(
        child=child, session=session, weight_kg="8.0", length_cm="68.0", measure="lying", acting_user=city_officer
    )

    case = casework.open_case(
        program=Program.TB,
        household=homes[1],
        person=adults[1],
        summary="TBC",
        opened_reason="Rujukan puskesmas",
        opened_on=D(2026, 1, 5),
        supervisor=city_officer,
        health_condition="TBC",
        acting_user=facilitator,
    )
    casework.set_visit_plan(case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=facilitator)
    return {
        "bugis": bugis,
        "other": other_village,
        "city": areas[CITY],
        "mother": mother,
        "case": case,
        "keeper": keeper,
    }
