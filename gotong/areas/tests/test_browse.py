"""Browsing and searching areas: public reference data, found however people spell the names."""

import pytest
from django.urls import reverse

from gotong.areas.services import search_areas

ALIASES = [
    ("26 Ilir", "16.71.11.1005", "Dua-puluh-enam Ilir"),
    ("Bukit Kecil", "16.71.11", "Bukitkecil"),
    ("Tanjungpinang", "21.72", "Kota Tanjung Pinang"),
]


@pytest.mark.parametrize(("typed", "code", "name"), ALIASES)
def test_search_finds_common_spellings(areas, typed, code, name):
    results = list(search_areas(typed))
    assert results and results[0].code == code
    assert results[0].name == name


@pytest.mark.parametrize(("typed", "code", "name"), ALIASES)
def test_search_page_shows_name_kind_path_and_code(client, facilitator, typed, code, name):
    client.force_login(facilitator)
    response = client.get(reverse("areas:search"), {"q": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html  # without htmx: the whole page
    assert name in html and code in html
    assert reverse("areas:detail", args=[code]) in html


def test_htmx_search_returns_the_results_fragment(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("areas:search"), {"q": "26 Ilir"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "Dua-puluh-enam Ilir" in html
    assert "Kota Palembang › Bukitkecil" in html  # the path of ancestors
    assert "HX-Request" in response["Vary"]


def test_htmx_options_for_the_assignment_form(client, city_officer):
    client.force_login(city_officer)
    response = client.get(
        reverse("areas:search"), {"area": "Kampung Bugis", "as": "options"}, headers={"HX-Request": "true"}
    )
    assert '<option value="21.72.03.1005">' in response.content.decode()


def test_browse_shows_work_areas_first(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("areas:browse"))
    assert [a.code for a in response.context["start_areas"]] == ["21.72.03.1005"]
    assert "Kampung Bugis" in response.content.decode()


def test_browse_shows_provinces_to_superuser(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("areas:browse"))
    assert {a.code for a in response.context["start_areas"]} == {"12", "14", "16", "21"}


def test_area_pages_need_login(client, areas):
    response = client.get(reverse("areas:browse"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_search_is_bounded_in_queries(client, facilitator, django_assert_max_num_queries):
    client.force_login(facilitator)
    with django_assert_max_num_queries(10):
        client.get(reverse("areas:search"), {"q": "Ilir"}, headers={"HX-Request": "true"})
