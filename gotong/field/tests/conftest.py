"""Field-form tests reuse the modules' own fixtures: a posyandu with a cadre, a waste bank, a TB case, an event."""

import datetime

import pytest

from gotong.activities.tests.conftest import bkm, bkm_staff, bugis_rt, event, residents  # noqa: F401
from gotong.casework.tests.conftest import bugis_patient, tb_case  # noqa: F401
from gotong.posyandu.tests.conftest import (  # noqa: F401
    cadre,
    child,
    family,
    open_month,
    other_cadre,
    other_posyandu,
    posyandu,
)
from gotong.wastebank.tests.conftest import bank, categories, member, staff  # noqa: F401

MARCH_10 = datetime.date(2026, 3, 10)


@pytest.fixture
def bkm_secretary(bkm):  # noqa: F811
    """The BKM's sekretaris: records its gotong royong (a plain staf of the BKM reads it only)."""
    from gotong.accounts.models import User
    from gotong.organizations.choices import MemberRole
    from gotong.organizations.models import Membership

    user = User.objects.create_user(username="sekretaris_bkm", password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=bkm, user=user, role=MemberRole.SECRETARY, started_on=datetime.date(2020, 1, 1)
    )
    return user


@pytest.fixture
def march(posyandu, cadre):  # noqa: F811 (fixtures imported above)
    return open_month(posyandu, 2026, 3, cadre)
