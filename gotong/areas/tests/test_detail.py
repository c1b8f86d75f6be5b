"""An area's page: public structure, but household and person counts only inside the user's scope."""

import pytest
from django.urls import reverse

from gotong.areas.models import Area
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def palembang_households(areas):
    """Three households with one person each in 26 Ilir, Palembang."""
    for n in range(3):
        household = HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17), family_card_number=f"16711101010000{n:02d}")
        PersonFactory(household=household)


def test_detail_shows_breadcrumbs_children_and_postcode(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("areas:detail", args=["21.72.03.1005"]))
    html = response.content.decode()
    assert [a.code for a in response.context["ancestors"]] == ["21", "21.72", "21.72.03"]
    assert "Tanjung Pinang Kota" in html and "29115" in html
    assert f"{reverse('registry:household-list')}?wilayah=21.72.03.1005" in html


def test_city_lists_its_kecamatan(client, city_officer):
    client.force_login(city_officer)
    response = client.get(reverse("areas:detail", args=["21.72"]))
    codes = [row.area.code for row in response.context["children"]]
    assert codes == ["21.72.01", "21.72.02", "21.72.03", "21.72.04"]


def test_counts_are_scoped_to_the_user(client, facilitator, other_facilitator, palembang_households):
    client.force_login(facilitator)
    response = client.get(reverse("areas:detail", args=["16.71.11"]))
    assert response.context["household_total"] == 0
    assert response.context["person_total"] == 0
    assert all(not row.in_scope and row.households == 0 for row in response.context["children"])

    client.force_login(other_facilitator)
    response = client.get(reverse("areas:detail", args=["16.71.11"]))
    assert response.context["household_total"] == 3
    rows = {row.area.code: row for row in response.context["children"]}
    assert (rows["16.71.11.1005"].households, rows["16.71.11.1005"].persons) == (3, 3)
    assert rows["16.71.11.1005"].in_scope and not rows["16.71.11.1004"].in_scope


def test_counts_per_rw_and_rt(client, other_facilitator, palembang_households):
    HouseholdFactory(area=rt_in("16.71.11.1005", 5, 2), family_card_number="1671110101000099")
    client.force_login(other_facilitator)
    response = client.get(reverse("areas:detail", args=["16.71.11.1005.005"]))
    rows = {row.area.code: row.households for row in response.context["children"]}
    assert rows == {"16.71.11.1005.005.002": 1, "16.71.11.1005.005.017": 3}


def test_counts_take_a_fixed_number_of_queries(client, admin_user, palembang_households, django_assert_max_num_queries):
    client.force_login(admin_user)
    # Medan has 151 villages; the page must not count them one by one.
    with django_assert_max_num_queries(15):
        response = client.get(reverse("areas:detail", args=["12.71"]))
    assert len(response.context["children"]) == 21


def test_unknown_code_is_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("areas:detail", args=["99.99"])).status_code == 404


def test_city_officer_adds_rw_and_rt(client, city_officer):
    client.force_login(city_officer)
    response = client.post(reverse("areas:add-unit", args=["21.72.03.1005"]), {"rw": "7", "rt": "3"})
    assert response.status_code == 302
    unit = Area.objects.get(code="21.72.03.1005.007.003")
    assert response["Location"] == reverse("areas:detail", args=[unit.code])
    assert unit.parent.code == "21.72.03.1005.007"


def test_bad_unit_number_shows_indonesian_error(client, city_officer):
    client.force_login(city_officer)
    before = Area.objects.count()
    response = client.post(reverse("areas:add-unit", args=["21.72.03.1005"]), {"rw": "0", "rt": "abc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nomor RW harus antara 1 dan 999." in html
    assert "Nomor RT harus berupa angka bulat." in html
    assert Area.objects.count() == before


def test_unit_form_only_for_city_officers_in_scope(client, facilitator, city_officer):
    client.force_login(facilitator)
    assert not client.get(reverse("areas:detail", args=["21.72.03.1005"])).context["can_add_units"]
    assert client.post(reverse("areas:add-unit", args=["21.72.03.1005"]), {"rw": "1"}).status_code == 403
    client.force_login(city_officer)
    assert client.get(reverse("areas:detail", args=["21.72.03.1005"])).context["can_add_units"]
    # Palembang is not Siti's city.
    assert client.post(reverse("areas:add-unit", args=["16.71.11.1005"]), {"rw": "1"}).status_code == 403
