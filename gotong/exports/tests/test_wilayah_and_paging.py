"""Every module list accepts `?wilayah=<area code>` (dashboards link down to it); long lists page without counting."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.core.listing import LIST_PAGES, cheap_page
from gotong.exports.tests.helpers import page_rows
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.registry.models import Household
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.wastebank import services as wastebank

BUGIS, OTHER = "21.72.03.1005", "21.72.01.1001"


def test_every_list_accepts_wilayah_and_keeps_only_that_area(client, city_officer, areas):
    banks = {}
    for code, name in ((BUGIS, "Bugis"), (OTHER, "Lain")):
        org = create_organization(
            name=f"Bank Sampah {name}", kind=OrganizationKind.WASTE_BANK, area=areas[code], acting_user=city_officer
        )
        banks[code] = wastebank.set_up_bank(org, acting_user=city_officer)
        PersonFactory(household=HouseholdFactory(area=rt_in(code)), name=f"Kepala {name}")
    client.force_login(city_officer)
    for url_name, args in LIST_PAGES:
        url = reverse(url_name, args=[banks[BUGIS].pk for _ in args])
        response = client.get(url, {"wilayah": BUGIS})
        assert response.status_code == 200, url_name
    for url_name in ("registry:household-list", "organizations:list"):
        html = client.get(reverse(url_name), {"wilayah": BUGIS}).content.decode()
        assert "Bugis" in html and "Kepala Lain" not in html and "Bank Sampah Lain" not in html, url_name
        html = client.get(reverse(url_name)).content.decode()
        assert "Lain" in html, url_name
    # With one bank left in the area, the waste-bank home goes straight to it.
    response = client.get(reverse("wastebank:home"), {"wilayah": BUGIS})
    assert response["Location"] == reverse("wastebank:bank", args=[banks[BUGIS].pk])
    # Export buttons carry the filter along.
    html = client.get(reverse("organizations:list"), {"wilayah": BUGIS}).content.decode()
    assert f"/ekspor/unduh/organizations.organizations.csv?wilayah={BUGIS}" in html


def test_household_pages_never_count_the_table(client, city_officer, areas, settings):
    settings.GOTONG_PAGE_SIZE = 2
    for n in range(5):
        HouseholdFactory(area=rt_in(BUGIS, 1, n + 1))
    client.force_login(city_officer)
    url = reverse("registry:household-list")
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url).content.decode()
    assert not [q for q in queries if "COUNT(*)" in q["sql"] and "registry_household" in q["sql"].split("FROM")[1]]
    assert "Halaman 1" in first and "setelah=" in first and "Sebelumnya" not in first
    assert len(page_rows(first)) == 2
    last = client.get(url, {"page": 3}).content.decode()
    assert len(page_rows(last)) == 1 and "sebelum=" in last and "Berikutnya" not in last


def test_cheap_page_fetches_one_extra_row(areas):
    for n in range(3):
        HouseholdFactory(area=rt_in(BUGIS, 1, n + 1))
    households = Household.objects.order_by("pk")
    page = cheap_page(households, "1", 2)
    assert (len(page), page.has_next(), page.has_previous()) == (2, True, False)
    page = cheap_page(households, "2", 2)
    assert (len(page), page.has_next(), page.has_previous(), page.number) == (1, False, True, 2)
    assert cheap_page(households, "99", 2).number == 1  # an old link past the end
    assert cheap_page(households, "x", 2).number == 1
