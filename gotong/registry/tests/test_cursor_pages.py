"""The household list and the API's persons list page by cursor: every row once, filters kept, bad cursors safe."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from gotong.api.testing import token_client
from gotong.core.tests.paging import walk
from gotong.registry.lists import household_rows
from gotong.registry.models import Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS, SENGGARANG = "21.72.03.1005", "21.72.03.1003"
LIST = "/registrasi/"
PERSONS = "/api/v1/penduduk/"


def household_ids(response):
    return [h.pk for h in response.context["page"]]


@pytest.fixture
def bugis_households(areas):
    # Seven in Bugis, four of them in one RT (the same area code: ties on the list's first order field), and one
    # elsewhere that the wilayah filter leaves out.
    households = [HouseholdFactory(area=rt_in(BUGIS, 1, 1)) for _ in range(4)]
    households += [HouseholdFactory(area=rt_in(BUGIS, 2, n)) for n in (1, 1, 2)]
    HouseholdFactory(area=rt_in(SENGGARANG))
    return households


def test_household_list_pages_by_cursor_through_every_row_once(client, city_officer, bugis_households, settings):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    pages, links = walk(client, LIST, {"wilayah": BUGIS}, household_ids)
    unpaginated = [h.pk for h in household_rows(city_officer, {"wilayah": BUGIS})]
    assert [pk for page in pages for pk in page] == unpaginated and len(unpaginated) == 7
    assert len(pages) == 4
    assert all(f"wilayah={BUGIS}" in link and "page=" not in link for link in links)
    assert any("setelah=" in link for link in links) and any("sebelum=" in link for link in links)


def test_household_list_shows_the_first_page_for_a_bad_cursor_or_an_old_link(
    client, city_officer, bugis_households, settings
):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    first = household_ids(client.get(LIST, {"wilayah": BUGIS}))
    pages, links = walk(client, LIST, {"wilayah": BUGIS}, household_ids)
    cursor = parse_qs(urlsplit(links[0]).query)["setelah"][0]
    for bad in (cursor[:-3] + "abc", "tidak-sah", cursor.swapcase()):
        response = client.get(LIST, {"wilayah": BUGIS, "setelah": bad})
        assert response.status_code == 200 and household_ids(response) == first
        response = client.get(LIST, {"wilayah": BUGIS, "sebelum": bad})
        assert response.status_code == 200 and household_ids(response) == first
    # Links bookmarked before cursors: still the same page, continued by cursor.
    response = client.get(LIST, {"wilayah": BUGIS, "page": 2})
    assert household_ids(response) == pages[1] and "Halaman 2" in response.content.decode()
    assert household_ids(client.get(LIST, {"wilayah": BUGIS, "page": 99})) == first


@pytest.fixture
def persons(areas):
    people = []
    for n in range(3):
        household = HouseholdFactory(area=rt_in(BUGIS, 1, 1))
        # Twins: a tie on every order field but the row id.
        born = datetime.date(2010 + n, 5, 1 + n)
        people += [PersonFactory(household=household, birth_date=born, relationship="anak") for _ in range(2)]
    people.append(PersonFactory(household=HouseholdFactory(area=rt_in(SENGGARANG)), name="Orang Senggarang"))
    return people


def api_walk(api, url):
    pages, links, body = [], [], api.get(url).json()
    pages.append([p["id"] for p in body["results"]])
    while body["next"]:
        links.append(body["next"])
        body = api.get(body["next"]).json()
        pages.append([p["id"] for p in body["results"]])
    back = [pages[-1]]
    while body["previous"]:
        links.append(body["previous"])
        body = api.get(body["previous"]).json()
        back.append([p["id"] for p in body["results"]])
    return pages, back[::-1], links


def test_api_persons_follow_next_through_every_row_once(city_officer, persons):
    api = token_client(city_officer)
    pages, back, links = api_walk(api, f"{PERSONS}?wilayah={BUGIS}&per_halaman=2")
    unpaginated = [p["id"] for p in api.get(f"{PERSONS}?wilayah={BUGIS}&per_halaman=500").json()["results"]]
    in_order = Person.objects.filter(area_code__startswith=BUGIS).order_by("area_code", "household_id", "birth_date")
    assert [pk for page in pages for pk in page] == unpaginated
    assert sorted(unpaginated) == sorted(str(p.public_id) for p in in_order) and len(unpaginated) == 6
    assert len(pages) == 3 and back == pages
    assert all(f"wilayah={BUGIS}" in link and "per_halaman=2" in link for link in links)
    # The old page number still answers, and its links continue by cursor.
    second = api.get(f"{PERSONS}?wilayah={BUGIS}&per_halaman=2&halaman=2").json()
    assert [p["id"] for p in second["results"]] == pages[1] and "setelah=" in second["next"]


def test_api_refuses_a_changed_cursor_in_indonesian(city_officer, persons):
    api = token_client(city_officer)
    cursor = parse_qs(urlsplit(api.get(f"{PERSONS}?per_halaman=2").json()["next"]).query)["setelah"][0]
    for name in ("setelah", "sebelum"):
        response = api.get(f"{PERSONS}?per_halaman=2&{name}={cursor[:-3]}abc")
        assert response.status_code == 400
        assert "Kursor halaman tidak sah" in response.json()["error"]["fields"][name][0]


def test_a_cursor_never_widens_what_the_user_sees(city_officer, facilitator, persons):
    # Siti's cursor from the start of the city's list, followed by Budi, who sees Kampung Bugis only.
    siti_next = token_client(city_officer).get(f"{PERSONS}?per_halaman=1").json()["next"]
    seen = token_client(facilitator).get(siti_next.replace("per_halaman=1", "per_halaman=50")).json()["results"]
    assert seen and all(p["name"] != "Orang Senggarang" for p in seen)


def test_household_list_links_each_row_to_its_own_card_page_and_htmx_rows_too(client, city_officer, bugis_households):
    # The rows' links are made from one reverse() per page (issue 24): each must be the one reverse() gives.
    client.force_login(city_officer)
    for response in (
        client.get(LIST, {"wilayah": BUGIS}),
        client.get(LIST, {"wilayah": BUGIS}, HTTP_HX_REQUEST="true"),
    ):
        html = response.content.decode()
        shown = list(response.context["page"])
        assert len(shown) == 7
        for household in shown:
            assert f'href="{reverse("registry:household-detail", args=[household.public_id])}"' in html
        assert len(re.findall(r'href="/registrasi/kk/[0-9a-f-]{36}/"', html)) == 7
