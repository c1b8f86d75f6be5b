import datetime

import pytest

from gotong.collaboration.services import add_commitment, create_agreement
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization

# Kampung Sayur Cempako, its treasurer and BRI (seed 002), for the partnership tests.
from gotong.treasury.tests.conftest import bri, cempako, cempako_rt, funded, treasurer  # noqa: F401

BUGIS = "21.72.03.1005"


@pytest.fixture
def orgs(areas, city_officer):
    def make(name, kind, code):
        return create_organization(name=name, kind=kind, area=areas[code], acting_user=city_officer)

    return {
        "perkim": make("Dinas Perkim Kota Tanjungpinang", OrganizationKind.GOVERNMENT, "21.72"),
        "bkm": make("BKM Kampung Bugis", OrganizationKind.BKM, BUGIS),
        "korkot": make("Korkot KOTAKU Kota Tanjungpinang", OrganizationKind.OTHER, "21.72"),
    }


@pytest.fixture
def agreement(areas, orgs, city_officer):
    return create_agreement(
        title="MoU Kampung Bugis",
        kind="mou",
        signed_on=datetime.date(2018, 2, 1),
        area=areas[BUGIS],
        parties=orgs.values(),
        acting_user=city_officer,
    )


@pytest.fixture
def commitment(agreement, orgs, city_officer):
    return add_commitment(
        agreement, actor=orgs["bkm"], what="Gotong royong bulanan", due_on=datetime.date(2019, 6, 30),
        acting_user=city_officer,
    )  # fmt: skip
