"""Lists that show balances read them in one query per page: the count does not grow with the members."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.treasury import services
from gotong.treasury.tests.conftest import key, person_in

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add_members(organization, rt, treasurer, upto):
    from gotong.treasury.models import Member

    for n in range(Member.objects.filter(organization=organization).count(), upto):
        member = services.add_member(organization, person=person_in(rt, f"Anggota {n}"),
                                     joined_on=datetime.date(2025, 1, 2), acting_user=treasurer)  # fmt: skip
        services.record_savings(member, kind="pokok", amount=100_000, occurred_on=datetime.date(2025, 2, 1), key=key(),
                                acting_user=treasurer)  # fmt: skip


def test_member_list_queries_do_not_grow_with_members(client, funded, cempako_rt, treasurer):
    client.force_login(treasurer)
    url = reverse("treasury:members", args=[funded.pk])
    export = reverse("exports:download", args=["treasury.members", "csv"]) + f"?org_id={funded.pk}"
    _add_members(funded, cempako_rt, treasurer, 5)
    five, five_export = _queries(client, url), _queries(client, export)
    _add_members(funded, cempako_rt, treasurer, 25)
    page = client.get(url)
    assert page.context["total"] == 25 * 100_000
    assert all(row["savings"]["pokok"] == 100_000 for row in page.context["rows"])
    assert _queries(client, url) == five
    assert _queries(client, export) == five_export


def test_treasury_list_queries_do_not_grow_with_treasuries(client, admin_user, cempako_rt):
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.services import create_organization

    client.force_login(admin_user)
    url = reverse("treasury:home")

    def add_treasuries(upto):
        from gotong.treasury.models import Category

        for n in range(Category.objects.values("organization").distinct().count(), upto):
            org = create_organization(name=f"KSM {n}", kind=OrganizationKind.COMMUNITY_ENTERPRISE, area=cempako_rt,
                                      acting_user=admin_user)  # fmt: skip
            services.ensure_setup(org, acting_user=admin_user)

    add_treasuries(2)
    two = _queries(client, url)
    add_treasuries(6)
    assert len(client.get(url).context["rows"]) == 6
    assert _queries(client, url) == two
