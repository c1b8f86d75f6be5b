"""The portal as an anonymous visitor sees it: no login, cacheable, suppressed, and the two-views attack."""

import re

import pytest
from django.urls import reverse

from gotong.portal import services
from gotong.portal.suppression import HIDDEN, SMALL
from gotong.portal.tests.town import BUGIS, KAMPUNG_BARU, SENGGARANG

pytestmark = pytest.mark.django_db

CITY = "21.72"


def test_home_lists_cities_with_data_without_login(client, town):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "Tanjung Pinang" in response.content.decode() or "Tanjungpinang" in response.content.decode()
    assert reverse("portal:area", args=[CITY]) in response.content.decode()
    assert "Palembang" not in response.content.decode()  # no data there


def test_pages_are_public_and_cacheable_without_cookies(client, town):
    for url in (reverse("portal:home"), reverse("portal:area", args=[CITY]), reverse("portal:area", args=[BUGIS])):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        assert not response.cookies, url  # no session, no CSRF cookie: a proxy may share the page
    assert client.post(reverse("portal:home")).status_code == 405


def test_only_cities_and_villages_have_pages(client, town):
    assert client.get(reverse("portal:area", args=["21"])).status_code == 404  # a province
    assert client.get(reverse("portal:area", args=["21.72.03"])).status_code == 404  # a district
    assert client.get(reverse("portal:area", args=["99.99"])).status_code == 404


def test_city_page_shows_small_villages_as_less_than_five_with_a_complement(client, town):
    html = client.get(reverse("portal:area", args=[CITY])).content.decode()
    rows = {
        name: re.search(rf">{name}</a></td>\s*<td[^>]*>([^<]+)</td>", html).group(1)
        for name in ("Kampung Bugis", "Senggarang", "Kampung Baru")
    }
    assert rows == {"Kampung Bugis": "12", "Senggarang": HIDDEN, "Kampung Baru": SMALL.replace("<", "&lt;")}
    assert '<div class="display-6" id="households-total">21</div>' in html


def test_city_deciles_are_suppressed_and_complemented(town):
    tables = services.city_tables(CITY)
    shown = {d: tables["deciles"][d].shown for d in (1, 3, 5, 9)}
    assert shown == {1: "11", 3: HIDDEN, 5: SMALL, 9: SMALL}


def test_two_views_city_total_minus_village_pages_does_not_reveal_the_small_village(client, town):
    """Each village's own page shows the same cell as the city's table, so the subtraction stays protected."""
    city = client.get(reverse("portal:area", args=[CITY])).content.decode()
    total = int(re.search(r'id="households-total">([^<]+)<', city).group(1))
    visible = 0
    hidden = 0
    for code in (BUGIS, SENGGARANG, KAMPUNG_BARU):
        page = client.get(reverse("portal:area", args=[code])).content.decode()
        figure = re.search(r'id="households-total">([^<]+)<', page).group(1)
        if figure.isdigit():
            visible += int(figure)
        else:
            hidden += 1
    assert hidden == 2  # the small village and its complement, on their own pages too
    remainder = total - visible  # 9 = Kampung Baru (2) + Senggarang (7): an outsider cannot split it
    assert remainder == 9
    splits = {small for small in range(1, 5) if remainder - small >= 5}
    assert splits == {1, 2, 3, 4}


def test_village_page_has_no_decile_cross_table(client, town):
    html = client.get(reverse("portal:area", args=[BUGIS])).content.decode()
    assert 'id="deciles"' not in html
    assert "hanya ditampilkan untuk seluruh kota" in html


def test_public_money_and_commitments_are_in_full(client, town):
    html = client.get(reverse("portal:area", args=[BUGIS])).content.decode()
    assert "150.000.000" in html and "152.500.000" in html
    assert "BKM Bugis Bersatu" in html and "100 %" in html


def test_no_nik_or_name_on_any_page(client, town):
    from gotong.registry.models import Household, Person

    urls = [reverse("portal:home"), reverse("portal:area", args=[CITY])]
    urls += [reverse("portal:area", args=[code]) for code in (BUGIS, SENGGARANG, KAMPUNG_BARU)]
    names = list(Person.objects.values_list("name", flat=True))
    for url in urls:
        html = client.get(url).content.decode()
        assert not re.search(r"\d{16}", html), url
        assert not any(name in html for name in names), url
        assert not any(kk in html for kk in Household.objects.values_list("family_card_number", flat=True))


def test_portal_routes_are_public_for_everyone(client, town, partner):
    """The portal is `portal.view`, granted to anonymous visitors and every account alike; writes answer 405."""
    from django.urls import resolve

    from gotong.core.policy.routes import rule_of

    for url in (reverse("portal:home"), reverse("portal:area", args=[CITY])):
        rule = rule_of(resolve(url).func)
        assert rule.public and rule.get == "portal.view" and rule.post is None
    client.force_login(partner)
    assert client.get(reverse("portal:area", args=[BUGIS])).status_code == 200
    assert client.post(reverse("portal:area", args=[BUGIS])).status_code == 405
