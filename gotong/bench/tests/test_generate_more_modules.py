"""Casework and treasury records of the synthetic city: in the city's households, seen by the right people, booked
in the ledger as the services book them, repeatable."""

import datetime

import pytest
from django.db import transaction
from django.db.models import Count, F, Sum

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.activities.models import Attendance
from gotong.bench.synthetic.store import generate_city
from gotong.casework.models import Case, Frequency, NeedRating, Referral, ReferralStatus, Visit, VisitPlan
from gotong.casework.services.work import ALLOWED_NEXT
from gotong.ledger.models import Account, Transaction
from gotong.ledger.services import check_books, transaction_fingerprint
from gotong.registry.models import Household
from gotong.treasury.models import CashEntry, Installment, Loan, Member, Repayment
from gotong.treasury.services import arrears, loan_state

pytestmark = pytest.mark.django_db
CITY = "21.72"
UNTIL = datetime.date(2026, 11, 23)
WINDOW = (datetime.date(2025, 11, 1), datetime.date(2026, 10, 31))
PERSONS = 4000


@pytest.fixture
def city(areas):
    return generate_city(PERSONS, seed=11, city_code=CITY, until=UNTIL)


def _workers(village):
    return User.objects.filter(role=Role.FACILITATOR, work_assignments__area__code=village)


def test_cases_belong_to_city_households_with_a_team_of_village_workers(city):
    households = Household.objects.filter(area_code__startswith=f"{CITY}.").count()
    cases = Case.objects.all()
    assert city.modules["casework.Case"] == cases.count()
    assert 0.005 * households < cases.count() < 0.02 * households
    assert not cases.exclude(household__area_code=F("area_code")).exists()
    assert not cases.filter(person__isnull=False).exclude(person__household=F("household")).exists()
    assert {"pkh", "tb"} <= set(cases.values_list("program", flat=True))
    # The worker and helpers work the case's village, with unusable passwords.
    for case in cases.prefetch_related("team"):
        village = case.area_code[:13]
        team = {case.worker_id, *(u.pk for u in case.team.all())}
        assert team <= set(_workers(village).values_list("pk", flat=True))
    assert not any(u.has_usable_password() for u in User.objects.filter(username__startswith="psm-"))
    # One to six visits, by the team, while the case was open; health details only on TB cases.
    per_case = Visit.objects.values("case").annotate(n=Count("id")).values_list("n", flat=True)
    assert set(per_case) <= set(range(1, 7)) and len(per_case) == cases.count()
    assert not Visit.objects.filter(visited_on__lt=F("case__opened_on")).exists()
    assert not Visit.objects.filter(visited_on__gt=F("case__closed_on")).exists()
    assert not Visit.objects.exclude(area_code=F("case__area_code")).exists()
    assert not Visit.objects.exclude(case__program="tb").exclude(condition="", adherence="").exists()
    assert not Case.objects.exclude(program="tb").exclude(health_condition="").exists()
    assert (
        Visit.objects.filter(case__program="tb").exclude(adherence="").count()
        == Visit.objects.filter(case__program="tb").count()
    )
    # Open cases have their one active plan, closed ones a stopped plan and a reason.
    assert VisitPlan.objects.filter(is_active=True).count() == cases.filter(closed_on__isnull=True).count()
    assert not VisitPlan.objects.exclude(frequency=Frequency.MONTHLY).exists()
    assert (
        cases.filter(closed_on__isnull=False).exclude(close_reason="").count()
        == cases.exclude(closed_on__isnull=True).count()
    )
    assert not NeedRating.objects.values("assessment").annotate(n=Count("id")).exclude(n=6).exists()
    reachable = set(ALLOWED_NEXT) - {ReferralStatus.REFERRED}
    assert set(Referral.objects.values_list("status", flat=True)) <= reachable | {ReferralStatus.REFERRED}


def test_team_members_see_their_cases_and_a_worker_of_another_village_does_not(city, client):
    case = Case.objects.filter(team__isnull=False).order_by("id").first()
    helper = case.team.first()
    for user in (case.worker, helper):
        assert Case.objects.visible_to(user).filter(pk=case.pk).exists()
    other = User.objects.filter(username__startswith="psm-").exclude(username__startswith=f"psm-{case.area_code[:13]}-")
    stranger = other.order_by("username").first()
    assert not Case.objects.visible_to(stranger).filter(pk=case.pk).exists()
    assert not Case.objects.visible_to(stranger).exclude(area_code__startswith=stranger.username[4:17]).exists()
    client.force_login(case.worker)
    assert client.get(f"/kasus/{case.public_id}/").status_code == 200
    client.force_login(stranger)
    assert client.get(f"/kasus/{case.public_id}/").status_code == 404


def test_loans_balances_equal_the_ledger(city):
    assert check_books() == []
    loans = Loan.objects.select_related("receivable", "member__person")
    assert loans.count() >= 10
    for loan in loans:
        state = loan_state(loan, today=UNTIL)
        assert loan.receivable.balance == state.principal_outstanding
        assert WINDOW[0] <= loan.disbursed_on <= WINDOW[1]
        assert loan.area_code == loan.organization.area_code == loan.member.area_code
        assert loan.member.person.area_code.startswith(f"{loan.area_code}.")
    paid = Repayment.objects.aggregate(p=Sum("principal_part"), i=Sum("interest_part"))
    installments = Installment.objects.aggregate(p=Sum("principal_paid"), i=Sum("interest_paid"))
    assert (paid["p"], paid["i"]) == (installments["p"], installments["i"])
    # Some borrowers are late, a few in arrears, most in good standing.
    late_loans = {row.loan.pk for row in arrears(Loan.objects.all(), today=UNTIL)}
    assert 0 < len(late_loans) < 0.5 * loans.count()
    # Each posting's fingerprint is the one the ledger service computes from its entries.
    for txn in Transaction.objects.filter(book__organization__kind="bkm").prefetch_related("entries")[:200]:
        lines = [(e.account, e.amount) for e in txn.entries.all()]
        assert txn.fingerprint == transaction_fingerprint(
            lines=lines, occurred_on=txn.occurred_on, memo=txn.memo, kind=txn.kind, reverses_id=None
        )
    # The cash box never went below zero (the check constraint) and holds the fund less what is lent out.
    for entry in CashEntry.objects.all():
        cash = Account.objects.get(book__organization=entry.organization, code="KAS")
        lent = Loan.objects.filter(organization=entry.organization)
        out = sum(loan_state(loan, today=UNTIL).principal_outstanding for loan in lent)
        fees = lent.aggregate(f=Sum("admin_fee"))["f"] or 0
        interest = Repayment.objects.filter(loan__in=lent).aggregate(i=Sum("interest_part"))["i"] or 0
        assert cash.balance == entry.amount - out + fees + interest  # the admin fee stays in the box at disbursement
        assert cash.balance >= 0


def test_treasury_records_are_scoped_to_the_village(city, client):
    loan = Loan.objects.order_by("id").first()
    village = loan.area_code
    worker = _workers(village).first()
    assert Loan.objects.visible_to(worker).filter(pk=loan.pk).exists()
    assert not Loan.objects.visible_to(worker).exclude(area_code=village).exists()
    treasurer = User.objects.get(username=f"bendahara-bkm-{village}")
    assert set(Member.objects.visible_to(treasurer).values_list("area_code", flat=True)) == {village}
    stranger = User.objects.filter(username__startswith="psm-").exclude(work_assignments__area__code=village).first()
    assert not Loan.objects.visible_to(stranger).filter(pk=loan.pk).exists()
    client.force_login(treasurer)
    assert client.get("/kas/").status_code == 200


def test_same_seed_and_until_give_the_same_rows(areas):
    def snapshot():
        return (
            list(Case.objects.order_by("id").values_list("public_id", "program", "household__family_card_number",
                                                         "worker__username", "opened_on", "closed_on")),
            list(Visit.objects.order_by("id").values_list("case__public_id", "visited_on", "worker__username")),
            list(Loan.objects.order_by("id").values_list("member__person__nik", "principal", "disbursed_on")),
            list(Repayment.objects.order_by("id").values_list("loan__public_id", "paid_on", "amount")),
            list(Account.objects.order_by("id").values_list("code", "balance")),
            list(Attendance.objects.order_by("id").values_list("event__public_id", "person__nik", "hours")),
        )  # fmt: skip

    shots = []
    for _run in range(2):
        with transaction.atomic():
            generate_city(1500, seed=4, city_code=CITY, until=UNTIL)
            shots.append(snapshot())
            transaction.set_rollback(True)
    assert shots[0] == shots[1]
    assert all(shots[0])
