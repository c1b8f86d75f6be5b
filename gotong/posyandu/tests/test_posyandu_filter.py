"""The children list's posyandu filter is a type-ahead: it lists only the posyandu the user sees, finds one by part
of its name, keeps `?posyandu=<id>` links working and never renders every posyandu of a city in the page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.core.pickers.sources import sign
from gotong.exports.tests.helpers import page_rows
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu.models import Child
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db

LIST = "/posyandu/balita/"


@pytest.fixture(autouse=True)
def march(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 3, 20))


def child_of(posyandu, name):
    household = HouseholdFactory(area=rt_in(posyandu.area_code, 1, 1))
    born = datetime.date(2024, 6, 1)
    person = PersonFactory(household=household, name=name, relationship="anak", birth_date=born)
    return Child.objects.create(posyandu=posyandu, person=person, registered_on=born)


def names(html: str) -> list[str]:
    return [row[0].rsplit(" ", 1)[0] for row in page_rows(html)]


def search(client, text):
    response = client.get(reverse("pickers:organizations"), {"untuk": sign("posyandu.filter", {}), "q": text})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def palembang_posyandu(areas):
    return Organization.objects.create(
        name="Posyandu Kenanga Ilir", kind=OrganizationKind.POSYANDU, area=areas["16.71.11.1005"]
    )


def test_the_search_lists_the_posyandu_the_user_sees_by_part_of_its_name(
    client, city_officer, posyandu, other_posyandu, palembang_posyandu
):
    client.force_login(city_officer)
    found = search(client, "kenan")
    assert found.count("data-picker-option") == 1
    assert f'data-value="{posyandu.pk}"' in found and "Kampung Bugis" in found
    # Palembang's Kenanga is outside Tanjungpinang's officer's scope.
    assert "Kenanga Ilir" not in found
    assert search(client, "posyandu").count("data-picker-option") == 2


def test_a_cadre_finds_only_her_own_posyandu(client, cadre, posyandu, other_posyandu):
    client.force_login(cadre)
    assert search(client, "posyandu").count("data-picker-option") == 1
    assert "Dahlia" not in search(client, "dahlia")


def test_the_page_holds_no_list_of_every_posyandu(client, city_officer, posyandu, other_posyandu):
    client.force_login(city_officer)
    html = client.get(LIST).content.decode()
    assert "<select" not in html.split('name="semua"')[0].split("<form")[1]
    assert "Posyandu Dahlia" not in html  # not offered until typed
    assert reverse("pickers:organizations") in html


def test_old_posyandu_links_still_filter_and_show_the_choice(client, city_officer, posyandu, other_posyandu):
    child_of(posyandu, "Adi Saputra")
    child_of(other_posyandu, "Ani Lubis")
    client.force_login(city_officer)
    html = client.get(LIST, {"posyandu": posyandu.pk}).content.decode()
    assert names(html) == ["Adi Saputra"]
    # The choice is shown as chosen, in a hidden input the next "Tampilkan" sends again.
    assert f'name="posyandu" value="{posyandu.pk}"' in html
    assert sorted(names(client.get(LIST).content.decode())) == ["Adi Saputra", "Ani Lubis"]


def test_a_posyandu_outside_the_scope_is_refused_and_shows_no_child(
    client, cadre, posyandu, other_posyandu, palembang_posyandu
):
    child_of(other_posyandu, "Ani Lubis")
    client.force_login(cadre)
    html = client.get(LIST, {"posyandu": other_posyandu.pk}).content.decode()
    assert names(html) == []
    assert "tidak ditemukan di wilayah Anda" in html


def test_without_javascript_typed_text_picks_the_one_match(client, city_officer, posyandu, other_posyandu):
    child_of(posyandu, "Adi Saputra")
    child_of(other_posyandu, "Ani Lubis")
    client.force_login(city_officer)
    html = client.get(LIST, {"posyandu__cari": "dahlia"}).content.decode()
    assert names(html) == ["Ani Lubis"]
    # Two matches: offered as choices, the list stays unfiltered.
    both = client.get(LIST, {"posyandu__cari": "posyandu"}).content.decode()
    assert "pilih salah satu" in both and both.count('type="radio" name="posyandu"') == 2
