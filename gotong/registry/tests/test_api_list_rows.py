"""The registry API's lists are built from column values (`gotong.api.rows`): the same JSON as the serializers,
in fewer queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.utils import json

from gotong.api.testing import token_client
from gotong.registry.api import HouseholdSerializer, PersonSerializer
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(areas):
    """Households with and without a head, a newborn without NIK, consent given and not, deciles and none."""
    bugis = HouseholdFactory(area=rt_in("21.72.03.1005"), consent_given_on=datetime.date(2025, 2, 1))
    PersonFactory(household=bugis, name="Daeng Bugis", birth_date=datetime.date(1970, 1, 2))
    PersonFactory(household=bugis, name="Ani", sex="P", relationship="istri", birth_date=datetime.date(1975, 3, 4),
                  occupation="Pedagang", education="sma")  # fmt: skip
    PersonFactory(household=bugis, name="Bayi", relationship="anak", birth_date=datetime.date(2026, 10, 1), nik=None,
                  nik_pending=True)  # fmt: skip
    HouseholdFactory(area=rt_in("21.72.03.1005", rt=2), welfare_decile=None, pkh_recipient=True, bpnt_recipient=True)
    other = HouseholdFactory(area=rt_in("21.72.03.1005", rw=2))
    PersonFactory(household=other, name="Siti", sex="P", disability="fisik")
    return bugis


def _as_serialized(serializer_class, records) -> list[dict]:
    """What the list answered before it read column values: the serializer's JSON for each record."""
    return json.loads(JSONRenderer().render(serializer_class(records, many=True).data))


def test_person_list_is_the_serializers_json(registry, facilitator):
    rows = token_client(facilitator).get("/api/v1/penduduk/").json()["results"]
    persons = Person.objects.visible_to(facilitator).select_related("household")
    assert len(rows) == 4
    assert rows == _as_serialized(PersonSerializer, persons)
    assert {row["nik"] for row in rows if row["name"] == "Bayi"} == {None}


def test_household_list_is_the_serializers_json(registry, facilitator):
    rows = token_client(facilitator).get("/api/v1/rumah-tangga/").json()["results"]
    households = Household.objects.visible_to(facilitator).order_by("area_code", "family_card_number", "pk")
    assert len(rows) == 3
    assert rows == _as_serialized(HouseholdSerializer, households)
    assert [row["head_name"] for row in rows] == ["Daeng Bugis", None, "Siti"]


def test_households_come_by_area_then_family_card_number(areas, facilitator):
    """As on the household list page (and read from the same index): a KK that sorts first but lives in a later
    RT comes after the earlier RT's households."""
    late = HouseholdFactory(area=rt_in("21.72.03.1005", rt=9), family_card_number="2172030000000001")
    early = [
        HouseholdFactory(area=rt_in("21.72.03.1005", rt=1), family_card_number=f"21720399000000{n:02}") for n in (2, 1)
    ]
    api = token_client(facilitator)
    ids = [row["id"] for row in api.get("/api/v1/rumah-tangga/").json()["results"]]
    assert ids == [str(early[1].public_id), str(early[0].public_id), str(late.public_id)]
    first = api.get("/api/v1/rumah-tangga/?per_halaman=2").json()
    assert [row["id"] for row in api.get(first["next"]).json()["results"]] == [str(late.public_id)]


def test_list_filters_and_pages_still_apply(registry, facilitator):
    api = token_client(facilitator)
    page = api.get("/api/v1/penduduk/?per_halaman=2").json()
    assert len(page["results"]) == 2 and "per_halaman=2" in page["next"] and "setelah=" in page["next"]
    following = api.get(page["next"]).json()["results"]
    assert len(following) == 2 and not {r["id"] for r in following} & {r["id"] for r in page["results"]}
    born = api.get("/api/v1/penduduk/?dari=2026-01-01").json()["results"]
    assert [row["name"] for row in born] == ["Bayi"]
    rw2 = api.get(f"/api/v1/rumah-tangga/?wilayah={rt_in('21.72.03.1005', rw=2).code}").json()["results"]
    assert [row["head_name"] for row in rw2] == ["Siti"]


@pytest.mark.parametrize("url", ["/api/v1/penduduk/", "/api/v1/rumah-tangga/"])
def test_a_list_page_costs_the_same_queries_whatever_its_rows(registry, facilitator, url):
    """Token, work areas, memberships, the page: one query for the rows, none per row."""
    api = token_client(facilitator)
    api.get(url)  # warm whatever is cached per process
    with CaptureQueriesContext(connection) as few:
        api.get(url + "?per_halaman=1")
    with CaptureQueriesContext(connection) as many:
        api.get(url)
    assert len(many) == len(few)
    assert sum("registry_" in query["sql"] for query in many.captured_queries) == 1
