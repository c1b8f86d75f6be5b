"""The under-five list and the posyandu home at a city's scale: pages without counting, the same few queries
however many children, each child's latest weighing, and an export that still holds every child."""

import datetime
import re
from urllib.parse import urljoin

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gotong.exports.tests.helpers import csv_rows, page_rows
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import lists, services
from gotong.posyandu.models import Child
from gotong.posyandu.tests.conftest import open_month
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db

LIST = "/posyandu/balita/"


@pytest.fixture(autouse=True)
def march(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 3, 20))


def children_of(posyandu, *names, born=datetime.date(2024, 6, 1)):
    household = HouseholdFactory(area=rt_in(posyandu.area_code, 1, 1))
    return [
        Child.objects.create(
            posyandu=posyandu,
            person=PersonFactory(household=household, name=name, relationship="anak", birth_date=born),
            registered_on=born,
        )
        for name in names
    ]


def weigh(child, session, kg, user):
    return services.record_weighing(child=child, session=session, weight_kg=kg, acting_user=user)


def names(html: str) -> list[str]:
    """The children's names as the table shows them (the first cell ends with the sex)."""
    return [row[0].rsplit(" ", 1)[0] for row in page_rows(html)]


def next_link(html: str) -> str | None:
    found = re.search(r'rel="next" href="([^"]+)"', html)
    return found and urljoin(LIST, found[1].replace("&amp;", "&"))


def child_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "posyandu_child" in q["sql"]]


def test_pages_keep_the_filters_and_never_count_the_children(client, city_officer, posyandu, other_posyandu, settings):
    settings.GOTONG_PAGE_SIZE = 2
    children_of(posyandu, "Citra Saputra", "Adi Saputra", "Dodi Lubis", "Bayu Saputra")
    children_of(other_posyandu, "Ani Saputra")
    client.force_login(city_officer)
    with CaptureQueriesContext(connection) as queries:
        first = client.get(LIST, {"posyandu": posyandu.pk, "q": "saputra"}).content.decode()
    assert not [sql for sql in child_queries(queries) if "COUNT(" in sql.upper()]
    assert names(first) == ["Adi Saputra", "Bayu Saputra"] and "Halaman 1" in first
    link = next_link(first)
    assert f"posyandu={posyandu.pk}" in link and "q=saputra" in link and "setelah=" in link
    second = client.get(link).content.decode()
    assert names(second) == ["Citra Saputra"]
    assert next_link(second) is None and 'rel="prev"' in second


def test_a_city_reads_posyandu_by_posyandu_and_children_by_name(client, city_officer, posyandu, other_posyandu, areas):
    elsewhere = Organization.objects.create(
        name="Posyandu Anggrek", kind=OrganizationKind.POSYANDU, area=areas["21.72.01.1001"]
    )
    children_of(posyandu, "Yusuf", "Bella")  # Kenanga, 21.72.03.1005
    children_of(other_posyandu, "Zaki", "Ayu")  # Dahlia, the same village
    children_of(elsewhere, "Wulan", "Candra")  # Anggrek, 21.72.01.1001
    client.force_login(city_officer)
    rows = page_rows(client.get(LIST).content.decode())
    assert [(row[0].rsplit(" ", 1)[0], row[1]) for row in rows] == [
        ("Candra", "Posyandu Anggrek"),
        ("Wulan", "Posyandu Anggrek"),
        ("Ayu", "Posyandu Dahlia"),
        ("Zaki", "Posyandu Dahlia"),
        ("Bella", "Posyandu Kenanga"),
        ("Yusuf", "Posyandu Kenanga"),
    ]


def test_each_child_shows_its_latest_weighing(client, cadre, posyandu):
    weighed, never = children_of(posyandu, "Rudi", "Sari")
    jan, feb, mar = (open_month(posyandu, 2026, m, cadre) for m in (1, 2, 3))
    weigh(weighed, jan, "9.40", cadre)
    weigh(weighed, mar, "9.10", cadre)  # recorded out of order: February comes last
    weigh(weighed, feb, "9.70", cadre)
    client.force_login(cadre)
    rudi, sari = page_rows(client.get(LIST).content.decode())
    assert "9,10 kg" in rudi[3] and "Mar 2026" in rudi[3]
    assert "belum pernah" in sari[3]


def build(posyandus: int, children_each: int, cadre, areas) -> None:
    """More posyandu in Kampung Bugis with children, this month's session and a weighing for every other child."""
    first = Organization.objects.filter(kind=OrganizationKind.POSYANDU).count()
    for n in range(first, first + posyandus):
        posyandu = Organization.objects.create(
            name=f"Posyandu {n:02d}", kind=OrganizationKind.POSYANDU, area=areas["21.72.03.1005"]
        )
        session = open_month(posyandu, 2026, 3, cadre)
        children = children_of(posyandu, *(f"Anak {n}-{c}" for c in range(children_each)))
        for child in children[::2]:
            weigh(child, session, "9.5", cadre)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [LIST, "/posyandu/"])
def test_queries_do_not_grow_with_children_or_posyandu(client, city_officer, admin_user, areas, url):
    client.force_login(city_officer)
    build(1, 2, admin_user, areas)
    few = count_queries(client, url)
    build(3, 6, admin_user, areas)
    assert count_queries(client, url) == few


def test_home_counts_due_and_referrals_per_posyandu(client, city_officer, admin_user, posyandu, other_posyandu):
    gained, lost, absent = children_of(posyandu, "Gita", "Lukas", "Absen")
    (dahlia_child,) = children_of(other_posyandu, "Dara")
    feb, mar = open_month(posyandu, 2026, 2, admin_user), open_month(posyandu, 2026, 3, admin_user)
    weigh(gained, feb, "9.0", admin_user)
    weigh(gained, mar, "9.6", admin_user)
    weigh(lost, feb, "9.0", admin_user)
    weigh(lost, mar, "8.6", admin_user)
    weigh(absent, feb, "9.0", admin_user)
    client.force_login(city_officer)
    page = client.get("/posyandu/")
    dahlia, kenanga = page.context["cards"]
    assert (dahlia.posyandu, dahlia.children, dahlia.due, dahlia.to_refer) == (other_posyandu, 1, [dahlia_child], [])
    assert kenanga.this_session == mar and kenanga.children == 3
    assert kenanga.due == [absent]
    assert [child for child, _weighing in kenanga.to_refer] == [lost]
    html = page.content.decode()
    for child in (absent, lost, dahlia_child):
        assert f'href="/posyandu/balita/{child.public_id}/"' in html


def test_export_holds_every_child_of_every_page_in_the_same_order(
    client, city_officer, admin_user, posyandu, other_posyandu, settings, monkeypatch
):
    settings.GOTONG_PAGE_SIZE = 2
    monkeypatch.setattr(lists, "CHUNK", 2)  # the export reads the children two at a time
    kids = children_of(posyandu, "Eka", "Dwi", "Tri") + children_of(other_posyandu, "Catur", "Lima")
    jan, feb = open_month(posyandu, 2026, 1, admin_user), open_month(posyandu, 2026, 2, admin_user)
    for n, child in enumerate(kids[:3]):
        weigh(child, jan, "9.0", admin_user)
        weigh(child, feb, f"9.{n + 1}", admin_user)
    client.force_login(city_officer)
    shown, url = [], LIST
    while url:
        html = client.get(url).content.decode()
        shown += names(html)
        url = next_link(html)
    assert shown == ["Catur", "Lima", "Dwi", "Eka", "Tri"]  # Dahlia, then Kenanga: three pages
    response = client.get(reverse("exports:download", kwargs={"key": "posyandu.children", "fmt": "csv"}))
    header, rows = csv_rows(response.content)
    weight = header.index("Berat (kg)")
    assert [row[0] for row in rows] == shown
    assert [row[weight] for row in rows] == ["", "", "9,20", "9,10", "9,30"]


def test_a_large_export_counts_and_writes_every_child(client, city_officer, posyandu, settings, tmp_path):
    from gotong.exports import services as exports
    from gotong.exports.models import ExportJob

    settings.GOTONG_EXPORT_MAX_DIRECT_ROWS = 2
    settings.MEDIA_ROOT = tmp_path
    children_of(posyandu, "Satu", "Dua", "Tiga")
    client.force_login(city_officer)
    response = client.get(reverse("exports:download", kwargs={"key": "posyandu.children", "fmt": "csv"}))
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("exports:job", args=[job.pk])
    job = exports.run_export_job(job.pk)
    assert (job.status, job.rows_total, job.rows_done) == ("selesai", 3, 3)
    _header, rows = csv_rows(job.file.read())
    assert [row[0] for row in rows] == ["Dua", "Satu", "Tiga"]
