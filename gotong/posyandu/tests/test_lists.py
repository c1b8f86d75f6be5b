"""The under-five list and the posyandu home at a city's scale: pages without counting, the same few queries
however many children, each child's latest weighing, and an export that still holds every child."""

import datetime
import re
from urllib.parse import urljoin

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gotong.exports.tests.helpers import page_rows
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import services
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


@pytest.mark.parametrize("url", ["/posyandu/"])
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
