"""The under-fives list pages by cursor over its order across tables (area, posyandu name, child name), ties too."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from gotong.core.tests.paging import walk
from gotong.posyandu.lists import children_for_list
from gotong.posyandu.models import Child
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db

LIST = "/posyandu/balita/"


def child_ids(response):
    return [row["child"].pk for row in response.context["page"]]


@pytest.fixture
def children(posyandu, other_posyandu):
    born = datetime.date(2024, 6, 1)
    household = HouseholdFactory(area=rt_in(posyandu.area_code, 1, 1))
    # Five children of one name in one posyandu: ties on every order field before the row id.
    names = ["Anak Saputra"] * 5 + ["Budi Saputra", "Dodi Lubis"]
    made = [
        Child.objects.create(
            posyandu=where,
            person=PersonFactory(household=household, name=name, relationship="anak", birth_date=born),
            registered_on=born,
        )
        for where, name in [(posyandu, name) for name in names] + [(other_posyandu, "Ani Saputra")]
    ]
    return made


def test_under_fives_pages_visit_every_child_once_with_the_filters_kept(
    client, city_officer, posyandu, children, settings
):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    filters = {"posyandu": posyandu.pk, "q": "saputra"}
    pages, links = walk(client, LIST, filters, child_ids)
    unpaginated = [child.pk for child in children_for_list(city_officer, filters)]
    assert [pk for page in pages for pk in page] == unpaginated and len(unpaginated) == 6
    assert len(pages) == 3
    assert all(f"posyandu={posyandu.pk}" in link and "q=saputra" in link for link in links)


def test_under_fives_list_starts_over_on_a_changed_cursor(client, city_officer, posyandu, children, settings):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    first = client.get(LIST, {"posyandu": posyandu.pk})
    pages, links = walk(client, LIST, {"posyandu": posyandu.pk}, child_ids)
    cursor = parse_qs(urlsplit(links[0]).query)["setelah"][0]
    response = client.get(LIST, {"posyandu": posyandu.pk, "setelah": cursor[:-4] + "AAAA"})
    assert response.status_code == 200 and child_ids(response) == child_ids(first)
