"""The public page's waste-bank figures: kilograms only behind five depositors, all banks in one grouped query."""

import datetime

from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.portal.services import waste_banks
from gotong.registry.tests.factories import PersonFactory
from gotong.wastebank import services
from gotong.wastebank.tests.conftest import BUGIS, JAN, key

FEB = datetime.date(2026, 2, 10)


def test_kilograms_shown_from_five_depositors_in_one_query(
    areas, bank, staff, categories, city_officer, django_assert_num_queries
):
    for name in ("Ani", "Budi", "Cici", "Dedi", "Euis"):
        member = services.register_member(bank, person=PersonFactory(name=name), joined_on=JAN, acting_user=staff)
        services.record_deposit(
            bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 2_000)], key=key(), acting_user=staff
        )
    quiet = create_organization(
        name="Bank Sampah Sepi", kind=OrganizationKind.WASTE_BANK, area=areas[BUGIS], acting_user=city_officer
    )
    services.set_up_bank(quiet, acting_user=city_officer)
    with django_assert_num_queries(2):  # the banks, then the deposits of all of them grouped
        rows = {row["name"]: row for row in waste_banks(areas[BUGIS])}
    assert rows["Bank Sampah Bugis Bersih"]["kg"] == 10
    assert rows["Bank Sampah Sepi"]["kg"] is None
