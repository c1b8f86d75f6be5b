"""The treasurer's, the partner's and the saver's homes over one community treasury (Kampung Sayur Cempako)."""

import datetime

import pytest

from gotong.accounts.models import User
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership
from gotong.organizations.services import create_organization
from gotong.treasury import services
from gotong.treasury.tests.conftest import (  # noqa: F401 (fixtures)
    bri,
    cempako,
    cempako_category,
    cempako_rt,
    funded,
    key,
    loan,
    member,
    product,
    treasurer,
)

pytestmark = pytest.mark.django_db


def test_treasurer_sees_cash_arrears_and_the_month_to_close(client, treasurer, loan):  # noqa: F811
    client.force_login(treasurer)
    html = client.get("/").content.decode()
    org = loan.organization
    assert 'data-home="treasurer"' in html and "Kas Kampung Sayur Cempako" in html
    # The loan of December 2025 ran three months: a year on, all of it is in arrears.
    assert f"/kas/{org.pk}/tunggakan/" in html and "1 pinjaman menunggak" in html
    assert f"/kas/{org.pk}/kas/?bulan=" in html


def _aid(treasury, partner, amount, description, bookkeeper):
    services.record_cash_entry(
        treasury, category=cempako_category(treasury, "Bantuan mitra"), occurred_on=datetime.date(2026, 1, 10),
        amount=amount, description=description, partner=partner, key=key(), acting_user=bookkeeper,
    )  # fmt: skip


def test_partner_sees_what_its_organisation_gave_and_nothing_named(client, funded, bri, treasurer, admin_user):  # noqa: F811
    _aid(funded, bri, 5_000_000, "Bantuan tunai kebun sayur", treasurer)
    other = create_organization(name="PT Lain Sekali", kind=OrganizationKind.PARTNER_CSR, area=bri.area,
                                acting_user=admin_user)  # fmt: skip
    _aid(funded, other, 777_000, "Bantuan lain", treasurer)
    partner = User.objects.create_user(username="dewi", password="x-rahasia-1", role="partner")
    since = datetime.date(2024, 1, 1)
    Membership.objects.create(organization=bri, user=partner, role=MemberRole.STAFF, started_on=since)
    client.force_login(partner)
    html = client.get("/").content.decode()
    assert "Kontribusi BRI Sumatera Selatan" in html and "Rp5.000.000" in html
    assert f"/kas/{funded.pk}/" in html
    # Another partner's gift and the cash book's own words (a named record) are not the partner's to read.
    assert "Rp777.000" not in html and "Bantuan tunai kebun sayur" not in html


def test_saver_reaches_own_savings_and_loans(client, member, loan):  # noqa: F811
    saver = User.objects.create_user(username="rahma", password="x-rahasia-1", role="resident", person=member.person)
    client.force_login(saver)
    html = client.get("/").content.decode()
    assert 'data-home="resident"' in html and "/kas/saya/" in html and "Kampung Sayur Cempako" in html
    assert "Tunggakan" in html  # her loan is late
    assert "Nur Aini" not in html  # the treasurer, another member: not hers to see
