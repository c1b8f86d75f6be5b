import datetime

from gotong.collaboration import services as collaboration
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
SENGGARANG = "21.72.03.1003"
KAMPUNG_BARU = "21.72.01.1003"


def build_town(city_officer):
    """Tanjungpinang: 12 households in Kampung Bugis, 7 in Senggarang, 2 in Kampung Baru (small)."""
    from gotong.areas.models import Area

    villages = {code: Area.objects.get(code=code) for code in (BUGIS, SENGGARANG, KAMPUNG_BARU)}
    people = []
    for code, count, decile in ((BUGIS, 12, 1), (SENGGARANG, 7, 3), (KAMPUNG_BARU, 2, 9)):
        for i in range(count):
            house = HouseholdFactory(area=rt_in(code), welfare_decile=decile if i else 5)
            people.append(PersonFactory(household=house, name=f"Rahasia Orang {code[-4:]}-{i}"))
    bkm = create_organization(
        name="BKM Bugis Bersatu", kind=OrganizationKind.BKM, area=villages[BUGIS], acting_user=city_officer
    )
    perkim = create_organization(
        name="Dinas Perkim Kota Tanjungpinang",
        kind=OrganizationKind.GOVERNMENT,
        area=Area.objects.get(code="21.72"),
        acting_user=city_officer,
    )
    collaboration.create_project(
        name="Jalan paving RT 01",
        kind="jalan_beton",
        area=rt_in(BUGIS),
        volume=120,
        unit="m",
        year=2025,
        budgets={"apbn": 150_000_000, "swadaya": 2_500_000},
        executor=bkm,
        acting_user=city_officer,
    )
    agreement = collaboration.create_agreement(
        title="MoU kumuh nol",
        kind="mou",
        signed_on=datetime.date(2025, 1, 10),
        area=villages[BUGIS],
        parties=[bkm, perkim],
        acting_user=city_officer,
    )
    commitment = collaboration.add_commitment(
        agreement, actor=bkm, what="Kerja bakti drainase", due_on=datetime.date(2025, 3, 1), acting_user=city_officer
    )
    collaboration.update_commitment_status(
        commitment, status="done", done_on=datetime.date(2025, 2, 20), acting_user=city_officer
    )
    return {"villages": villages, "people": people, "bkm": bkm}
