"""The pages and the PDF per persona: links down to the lists, 404 outside scope, PDF numbers = page numbers."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from gotong.dashboards.tests.conftest import BUGIS

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)


def test_home_opens_the_first_work_area(client, town, facilitator, partner):
    client.force_login(facilitator)
    assert client.get("/dasbor/").url == f"/dasbor/{BUGIS}/"
    assert client.get("/dasbor/", {"wilayah": "21.72"}).url == "/dasbor/21.72/"
    client.force_login(partner)
    response = client.get("/dasbor/")
    assert response.status_code == 200
    assert 'href="/dasbor/21.72/"' in response.content.decode()  # the cities with figures to choose from


def test_city_dashboard_links_each_number_to_its_list(client, town, city_officer):
    client.force_login(city_officer)
    response = client.get("/dasbor/21.72/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="h3 mb-0">Dasbor Kota Tanjung Pinang</h1>' in html
    assert 'href="/registrasi/?wilayah=21.72" data-figure="households"' in html
    assert 'href="/registrasi/?wilayah=21.72&amp;desil=1"' in html
    assert 'href="/posyandu/skdn/?wilayah=21.72&amp;bulan=2026-03"' in html
    assert 'href="/kasus/daftar/?wilayah=21.72&amp;status=open"' in html
    assert "Rp625.000.000" in html and "33,3 %" in html and "15,50" in html
    assert html.count("data-chart=") == 5
    assert "Gotong royong 2026" in html and "Bank sampah 2026" in html  # a year, not 2.026
    assert "Eko" not in html and "Bayu" not in html  # counts only, never names
    # The drill-down goes to the districts, and from there to the villages.
    assert 'href="/dasbor/21.72.03/"' in html
    assert f'href="/dasbor/{BUGIS}/"' in client.get("/dasbor/21.72.03/").content.decode()
    # The registry list behind the number holds the households counted.
    listed = client.get("/registrasi/", {"wilayah": "21.72", "desil": "1"}).content.decode()
    assert listed.count('data-label="') > 0


def test_facilitator_sees_his_part_of_the_city_and_nothing_elsewhere(client, town, facilitator, other_facilitator):
    client.force_login(facilitator)
    html = client.get("/dasbor/21.72/").content.decode()
    assert "Rp525.000.000" in html and "Rp625.000.000" not in html
    assert client.get(f"/dasbor/{town['other'].code}/").status_code == 404
    client.force_login(other_facilitator)
    assert client.get("/dasbor/21.72/").status_code == 404
    assert client.get("/dasbor/21.72/laporan.pdf").status_code == 404
    assert client.get(f"/dasbor/{BUGIS}/").status_code == 404


def test_village_profile_shows_profile_heading(client, town, city_officer):
    client.force_login(city_officer)
    html = client.get(f"/dasbor/{BUGIS}/").content.decode()
    assert "Profil kelurahan Kampung Bugis</h1>" in html
    assert 'data-section="posyandu"' in html and 'data-section="casework"' in html
    html = client.get(f"/dasbor/{town['other'].code}/").content.decode()
    assert 'data-section="registry"' in html and 'data-section="posyandu"' not in html


def test_pdf_carries_the_numbers_on_the_page(client, town, city_officer):
    client.force_login(city_officer)
    html = client.get("/dasbor/21.72/").content.decode()
    response = client.get("/dasbor/21.72/laporan.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    for shown in ("625.000.000", "500.000.000", "33,3 %", "23,92", "15,50", "35,2 %", "9,0", "100,0 %"):
        assert shown in html, shown
        assert shown in text, shown
    assert "Kota Tanjung Pinang" in text and "Posyandu" in text and "Kasus terbuka" in text
    assert (
        len(PdfReader(BytesIO(response.content)).pages[0].images)
        + sum(len(p.images) for p in PdfReader(BytesIO(response.content)).pages[1:])
        == 5
    )


def test_partner_reads_public_figures_without_names(client, town, partner):
    """Issue 17: a partner's dashboard grant is aggregates: the page opens (no 403), shows the city's figures as the
    portal publishes them (small counts masked) and names nobody; the PDF carries the same."""
    client.force_login(partner)
    response = client.get("/dasbor/21.72/")
    assert response.status_code == 200
    assert response.templates[0].name == "dashboards/public_area.html"
    html = response.content.decode()
    # Five households in two villages of 3 and 2: published as the portal does, the small counts masked.
    assert 'data-figure="households">—<' in html and 'data-figure="persons">—<' in html
    assert "625.000.000" in html  # public money is shown in full
    for name in ("Andi", "Bayu", "Citra", "Dewi", "Eko"):
        assert name not in html
    assert "/registrasi/" not in html and "/kasus/" not in html and "/posyandu/" not in html  # no named lists
    assert client.get("/dasbor/21.72/laporan.pdf")["Content-Type"] == "application/pdf"
    assert client.get("/dasbor/21.72.03/").status_code == 404  # only the public areas: cities and villages
    assert client.get("/dasbor/21.72/peta.json").json()["features"] == []


def test_resident_opens_the_public_figures_of_their_own_village(client, town):
    from gotong.accounts.models import User
    from gotong.registry.models import Person

    andi = Person.objects.get(name="Andi")
    resident = User.objects.create_user(username="andi", password="rahasia-123", role="resident", person=andi)
    client.force_login(resident)
    assert client.get("/dasbor/").url == f"/dasbor/{BUGIS}/"
    html = client.get(f"/dasbor/{BUGIS}/").content.decode()
    assert "Profil kelurahan Kampung Bugis" in html and "Bayu" not in html and "Citra" not in html
