"""Every portal page over the full demo (all modules loaded): no NIK, KK number or person name appears."""

import re

import pytest
from django.urls import reverse

from gotong.areas.models import Area, Level
from gotong.core.demo import MIN_HOUSEHOLDS, load_demo
from gotong.registry.models import Household, Person

pytestmark = pytest.mark.django_db


def test_no_personal_data_on_any_portal_page(client, areas):
    load_demo(MIN_HOUSEHOLDS * 3)
    home = client.get(reverse("portal:home")).content.decode()
    codes = re.findall(r'href="/publik/([\d.]+)/"', home)
    assert len(codes) == 4  # the four demo cities
    villages = Area.objects.filter(level=Level.VILLAGE)
    village_codes = {h[:13] for h in Household.objects.values_list("area_code", flat=True)}
    codes += [v.code for v in villages if v.code in village_codes]
    names = set(Person.objects.values_list("name", flat=True))
    card_numbers = set(Household.objects.values_list("family_card_number", flat=True))
    pages = {reverse("portal:home"): home}
    for code in codes:
        response = client.get(reverse("portal:area", args=[code]))
        assert response.status_code == 200, code
        pages[code] = response.content.decode()
    assert any("&lt;5" in html for html in pages.values())
    for where, html in pages.items():
        assert not re.search(r"(?<!\d)\d{16}(?!\d)", html), where
        assert not [name for name in names if name in html], where
        assert not [kk for kk in card_numbers if kk in html], where
