"""Who reads and records a treasury is the access policy's answer: `treasury.view` (the summary),
`treasury.view_records` (named records) and `treasury.record` (bendahara, ketua)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.accounts.models import User
from gotong.api.testing import listed
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.treasury import services
from gotong.treasury.models import CashEntry, Loan
from gotong.treasury.tests.conftest import cempako_category, key, person_in

pytestmark = pytest.mark.django_db
DAY = datetime.date(2020, 1, 1)


def _account(organization, username, role):
    user = User.objects.create_user(username=username, password="x", role="org_staff")
    Membership.objects.create(organization=organization, user=user, role=role, started_on=DAY)
    return user


@pytest.mark.parametrize("role", [MemberRole.MEMBER, MemberRole.SECRETARY, MemberRole.CADRE])
def test_members_and_officers_read_the_summary_not_the_books(client, loan, funded, role):
    user = _account(funded, "pengurus", role)
    client.force_login(user)
    summary = client.get(reverse("treasury:summary", args=[funded.pk]))
    assert summary.status_code == 200 and "Rahmawati" not in summary.content.decode()
    assert "Kampung Sayur Cempako" in client.get(reverse("treasury:home")).content.decode()
    for name in ("treasury:cash-book", "treasury:members", "treasury:loans", "treasury:cash-entry-new"):
        assert client.get(reverse(name, args=[funded.pk])).status_code == 403, name
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 404
    assert listed(user, "/api/v1/kas/buku/") == [] and listed(user, "/api/v1/kas/pinjaman/") == []


def test_the_ketua_keeps_the_books_with_the_bendahara(client, funded):
    ketua = _account(funded, "ketua", MemberRole.CHAIR)
    client.force_login(ketua)
    url = reverse("treasury:cash-book", args=[funded.pk])
    assert "Catat kas" in client.get(url).content.decode()
    services.record_cash_entry(
        funded, category=cempako_category(funded, "Iuran & lain-lain"), occurred_on=datetime.date(2026, 1, 2),
        amount=50_000, description="Iuran Januari", key=key(), acting_user=ketua,
    )  # fmt: skip
    assert CashEntry.objects.filter(description="Iuran Januari").exists()


def test_the_services_refuse_whoever_does_not_keep_the_books(loan, member, funded, other_facilitator, partner):
    cash = cempako_category(funded, "Penjualan hasil panen")
    secretary = _account(funded, "sekretaris", MemberRole.SECRETARY)
    for user in (other_facilitator, partner, secretary):
        with pytest.raises(ValidationError, match="tidak berwenang"):
            services.record_cash_entry(funded, category=cash, occurred_on=datetime.date(2026, 1, 2), amount=1_000,
                                       description="x", key=key(), acting_user=user)  # fmt: skip
        with pytest.raises(ValidationError, match="tidak berwenang"):
            services.record_repayment(loan, amount=1_000, paid_on=datetime.date(2026, 1, 10), key=key(),
                                      acting_user=user)  # fmt: skip
        with pytest.raises(ValidationError, match="tidak berwenang"):
            services.record_savings(member, kind="sukarela", amount=1_000, occurred_on=datetime.date(2026, 1, 2),
                                    key=key(), acting_user=user)  # fmt: skip


def test_an_org_account_that_saves_reads_its_own_loan(client, funded, cempako_rt, product, treasurer, loan, areas):
    """A kader of a posyandu who borrows from the KSM: her own loan, not her neighbours'."""
    from gotong.organizations.services import create_organization

    posyandu = create_organization(name="Posyandu Cempako", kind="posyandu", area=cempako_rt,
                                   acting_user=User.objects.get(username="admin"))  # fmt: skip
    kader = _account(posyandu, "kader", MemberRole.CADRE)
    kader.person = person_in(cempako_rt, "Sri Wahyuni")
    kader.save()
    saver = services.add_member(funded, person=kader.person, joined_on=datetime.date(2025, 1, 2),
                                acting_user=treasurer)  # fmt: skip
    own = services.disburse_loan(
        saver, product=product, principal=500_000, term_months=2, disbursed_on=datetime.date(2025, 12, 12),
        key=key(), acting_user=treasurer,
    )  # fmt: skip
    client.force_login(kader)
    assert client.get(reverse("treasury:loan-detail", args=[own.public_id])).status_code == 200
    assert client.get(reverse("treasury:loan-detail", args=[loan.public_id])).status_code == 404
    assert "Pinjaman usaha" in client.get(reverse("treasury:mine")).content.decode()
    assert set(Loan.objects.visible_to(kader)) == {own}
