import datetime

import pytest

from gotong.casework import services
from gotong.casework.models import Program
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

# A fixed "today" late in the month, with the plans starting months before it.
TODAY = datetime.date(2026, 3, 20)


@pytest.fixture
def bugis_patient(areas):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 3), address="Jl. Bugis Pelantar 7")
    return PersonFactory(household=household, name="Raja Ali")


@pytest.fixture
def helper_colleague(areas):
    """Another facilitator in Kampung Bugis, not on the case team."""
    from conftest import _user

    return _user("andi", "facilitator", work_areas=["21.72.03.1005"], first_name="Andi")


@pytest.fixture
def tb_case(bugis_patient, facilitator, city_officer, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return services.open_case(
        program=Program.TB,
        household=bugis_patient.household,
        person=bugis_patient,
        summary="TBC RO, butuh pendampingan minum obat",
        opened_reason="Rujukan puskesmas",
        opened_on=datetime.date(2026, 1, 5),
        supervisor=city_officer,
        health_condition="TBC resisten obat, pengobatan 18 bulan",
        acting_user=facilitator,
    )
