"""The area workers' homes: a facilitator's agenda and late commitments, a city officer's "needs attention" — only
inside their own areas: Palembang's late commitment never reaches Tanjungpinang's officer or faskel."""

import datetime

import pytest

from gotong.casework import services as casework
from gotong.casework.models import Frequency
from gotong.casework.tests.conftest import TODAY, bugis_patient, tb_case  # noqa: F401 (fixtures)
from gotong.collaboration.models import Agreement, Commitment
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization

pytestmark = pytest.mark.django_db


def _late_commitment(area, actor_name, what):
    actor = Organization.objects.create(name=actor_name, kind=OrganizationKind.BKM, area=area)
    agreement = Agreement.objects.create(title=f"MoU {actor_name}", signed_on=datetime.date(2025, 1, 6), area=area)
    return Commitment.objects.create(agreement=agreement, actor=actor, what=what, due_on=datetime.date(2025, 6, 30))


@pytest.fixture
def commitments(areas):
    return (
        _late_commitment(areas["21.72.03.1005"], "BKM Bugis Maju", "Drainase RT 02 selesai"),
        _late_commitment(areas["16.71.11.1005"], "BKM Ilir Jaya", "Rehab RTLH di RT 17"),
    )


def test_facilitator_sees_overdue_visits_and_own_areas_commitments(client, facilitator, tb_case, commitments):  # noqa: F811
    # Monthly from 10 March: on the 20th (the fixture's today) that visit is overdue.
    casework.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=datetime.date(2026, 3, 10),
                            acting_user=facilitator)  # fmt: skip
    client.force_login(facilitator)
    html = client.get("/").content.decode()
    assert 'data-home="facilitator"' in html and "Raja Ali" in html and "Kunjungan terlambat" in html
    assert f"/kasus/{tb_case.public_id}/kunjungan/" in html
    assert "Drainase RT 02 selesai" in html and "Rehab RTLH di RT 17" not in html


def test_officer_sees_what_needs_attention_in_the_city_only(client, city_officer, tb_case, commitments):  # noqa: F811
    client.force_login(city_officer)
    html = client.get("/").content.decode()
    assert 'data-home="officer"' in html and 'data-home="figures"' in html and "/dasbor/" in html
    assert 'data-figure="late-commitments" class="text-danger">1<' in html
    assert "BKM Bugis Maju" in html and "BKM Ilir Jaya" not in html
    assert TODAY  # the case fixture fixed today's date
