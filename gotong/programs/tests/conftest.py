import datetime

import pytest

from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.programs import services
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"


@pytest.fixture
def program(areas, city_officer):
    dinsos = create_organization(
        name="Dinas Sosial Kota Tanjungpinang", kind=OrganizationKind.GOVERNMENT, area=areas["21.72"],
        acting_user=city_officer,
    )  # fmt: skip
    return services.create_program(
        name="Pelatihan menjahit", kind="keterampilan", organization=dinsos, area=areas[BUGIS],
        acting_user=city_officer,
    )  # fmt: skip


@pytest.fixture
def cohort(program, city_officer):
    return services.create_cohort(
        program, name="Angkatan 1", starts_on=datetime.date(2025, 1, 6), ends_on=datetime.date(2025, 3, 31),
        acting_user=city_officer,
    )  # fmt: skip


@pytest.fixture
def households(areas):
    """Five households in Kampung Bugis: RT 001 and RT 002 of RW 006, with deciles 1, 3, 5, none, 2."""
    rt1, rt2 = rt_in(BUGIS, 6, 1), rt_in(BUGIS, 6, 2)
    specs = [("A", rt1, 1), ("B", rt1, 3), ("C", rt2, 5), ("D", rt2, None), ("E", rt2, 2)]
    result = {}
    for name, rt, decile in specs:
        house = HouseholdFactory(area=rt, welfare_decile=decile)
        head = PersonFactory(household=house, name=f"Kepala {name}")
        PersonFactory(household=house, name=f"Anak {name}", relationship="anak", birth_date=datetime.date(2010, 1, 1))
        result[name] = (house, head)
    return result
