import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from gotong.casework import recurrence, schedule, services, tallies
from gotong.casework.models import (
    Assistance,
    AssistanceKind,
    AssistanceSource,
    Case,
    Frequency,
    NeedDomain,
    Program,
    ReferralStatus,
    Visit,
    VisitPlan,
)
from gotong.casework.services.work import compare_needs
from gotong.casework.tests.conftest import TODAY

D = datetime.date


def all_ratings(value, health_note=""):
    return {d: (value, health_note if d == NeedDomain.HEALTH else "") for d in NeedDomain.values}


def test_open_case_outside_scope_or_wrong_person_is_refused(tb_case, other_facilitator, bugis_patient, partner):
    with pytest.raises(ValidationError) as exc:
        services.open_case(
            program=Program.PKH, household=bugis_patient.household, summary="x", opened_reason="y",
            acting_user=other_facilitator,
        )  # fmt: skip
    assert "di luar wilayah kerja" in str(exc.value)
    with pytest.raises(PermissionDenied):
        services.open_case(
            program=Program.PKH, household=bugis_patient.household, summary="x", opened_reason="y", acting_user=partner
        )


def test_close_needs_reason_and_stops_the_plan(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 10), acting_user=facilitator)
    with pytest.raises(ValidationError):
        services.close_case(tb_case, closed_on=D(2026, 3, 1), reason="", acting_user=facilitator)
    case = services.close_case(tb_case, closed_on=D(2026, 3, 1), reason="goal_met", acting_user=facilitator)
    assert not case.is_open
    plan = VisitPlan.objects.get(case=case)
    assert not plan.is_active and plan.stopped_on == D(2026, 3, 1)
    with pytest.raises(PermissionDenied):
        services.log_visit(case, visited_on=D(2026, 3, 2), met_with="x", adherence="yes", acting_user=facilitator)


def test_db_refuses_closed_case_without_reason(tb_case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=tb_case.pk).update(closed_on=D(2026, 2, 1))


def test_new_plan_replaces_old_and_overdue_is_flagged(tb_case, facilitator):
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 1, 5), acting_user=facilitator)
    plan = services.set_visit_plan(
        tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 1, 31), end_on=D(2027, 7, 31), acting_user=facilitator
    )
    assert VisitPlan.objects.filter(case=tb_case, is_active=True).get() == plan
    services.log_visit(
        tb_case, visited_on=D(2026, 1, 30), met_with="Raja Ali", adherence="yes", acting_user=facilitator
    )
    # 28 Feb missed (window closed 27 Mar? no: next due 31 Mar, window closes 27 Mar) → still overdue on 20 Mar.
    row = schedule.schedule_for(Case.objects.get(pk=tb_case.pk), TODAY)
    states = [(s.due_on, s.state) for s in row.statuses[:3]]
    assert states == [
        (D(2026, 1, 31), recurrence.DONE), (D(2026, 2, 28), recurrence.OVERDUE), (D(2026, 3, 31), recurrence.UPCOMING),
    ]  # fmt: skip
    agenda = schedule.agenda(Case.objects.filter(worker=facilitator), TODAY)
    assert [status.due_on for status, _row in agenda["overdue"]] == [D(2026, 2, 28)]


def test_plan_validation(tb_case, facilitator):
    with pytest.raises(ValidationError) as exc:
        services.set_visit_plan(
            tb_case, frequency=Frequency.EVERY_N_DAYS, start_on=D(2026, 2, 1), acting_user=facilitator
        )
    assert "interval_days" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.set_visit_plan(
            tb_case, frequency=Frequency.MONTHLY, start_on=D(2026, 2, 1), end_on=D(2026, 1, 1), acting_user=facilitator
        )
    assert "end_on" in exc.value.message_dict


def test_visit_defaults_come_from_previous_visit(tb_case, facilitator):
    assert services.visit_defaults(tb_case)["met_with"] == "Raja Ali"
    services.log_visit(
        tb_case, visited_on=D(2026, 2, 10), met_with="Ibu Siti (istri)", adherence="partly",
        next_step="Antar ke puskesmas untuk cek dahak", acting_user=facilitator,
    )  # fmt: skip
    defaults = services.visit_defaults(tb_case)
    assert defaults["visited_on"] == TODAY
    assert defaults["met_with"] == "Ibu Siti (istri)"
    assert defaults["previous_next_step"] == "Antar ke puskesmas untuk cek dahak"


def test_visit_rules(tb_case, facilitator, helper_colleague):
    with pytest.raises(ValidationError) as exc:
        services.log_visit(tb_case, visited_on=D(2026, 2, 10), met_with="Raja Ali", acting_user=facilitator)
    assert "adherence" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.log_visit(tb_case, visited_on=D(2026, 3, 21), met_with="x", adherence="yes", acting_user=facilitator)
    services.log_visit(tb_case, visited_on=D(2026, 2, 10), met_with="x", adherence="yes", acting_user=facilitator)
    with pytest.raises(ValidationError) as exc:
        services.log_visit(tb_case, visited_on=D(2026, 2, 10), met_with="x", adherence="yes", acting_user=facilitator)
    assert "sudah tercatat" in str(exc.value)
    with pytest.raises(PermissionDenied):
        services.log_visit(
            tb_case, visited_on=D(2026, 2, 11), met_with="x", adherence="yes", acting_user=helper_colleague
        )
    assert Visit.objects.count() == 1
    assert Visit.objects.get().area_code == tb_case.area_code == "21.72.03.1005.002.003"


def test_needs_first_vs_latest(tb_case, facilitator):
    services.record_assessment(
        tb_case, assessed_on=D(2026, 1, 6), ratings=all_ratings(4, "batuk darah"), acting_user=facilitator
    )
    services.record_assessment(tb_case, assessed_on=D(2026, 3, 6), ratings=all_ratings(2), acting_user=facilitator)
    rows = {row["domain"].value: row for row in compare_needs(tb_case)}
    assert rows["health"]["first"].rating == 4 and rows["health"]["latest"].rating == 2
    assert rows["food"]["change"] == -2
    with pytest.raises(ValidationError) as exc:
        ratings = all_ratings(1)
        del ratings["documents"]
        services.record_assessment(tb_case, assessed_on=D(2026, 3, 7), ratings=ratings, acting_user=facilitator)
    assert "Dokumen" in str(exc.value)


def test_referral_status_flow(tb_case, facilitator):
    referral = services.refer(
        tb_case, service="dukcapil", service_name="Disdukcapil Tanjungpinang", reason="KTP hilang",
        referred_on=D(2026, 2, 1), acting_user=facilitator,
    )  # fmt: skip
    referral = services.update_referral(
        referral, status=ReferralStatus.ACCEPTED, status_on=D(2026, 2, 3), acting_user=facilitator
    )
    with pytest.raises(ValidationError):
        services.update_referral(
            referral, status=ReferralStatus.ACCEPTED, status_on=D(2026, 2, 4), acting_user=facilitator
        )
    with pytest.raises(ValidationError):
        services.update_referral(
            referral, status=ReferralStatus.COMPLETED, status_on=D(2026, 1, 4), acting_user=facilitator
        )
    referral = services.update_referral(
        referral, status=ReferralStatus.COMPLETED, status_on=D(2026, 2, 20), outcome="KTP jadi", acting_user=facilitator
    )
    assert referral.status == ReferralStatus.COMPLETED and referral.outcome == "KTP jadi"


@pytest.fixture
def tuah_tb(areas):
    from gotong.organizations.models import Organization

    return Organization.objects.create(name="Tuah TB", kind="support_group", area=areas["21.72"])


def test_money_assistance_is_booked_in_the_organisation_ledger(tb_case, facilitator, tuah_tb):
    from gotong.ledger import services as ledger
    from gotong.ledger.models import Account

    Case.objects.filter(pk=tb_case.pk).update(organization=tuah_tb)
    tb_case.refresh_from_db()
    passed_on = services.give_assistance(
        tb_case, given_on=D(2026, 2, 10), kind=AssistanceKind.TRANSPORT, value=150_000,
        source=AssistanceSource.HEALTH_FACILITY, source_name="Puskesmas", acting_user=facilitator,
    )  # fmt: skip
    assert passed_on.ledger_transaction is not None
    expense = Account.objects.get(book__organization=tuah_tb, code="beban-bantuan-kasus")
    assert ledger.balance(expense) == 150_000
    # From the organisation's own cash: refused while the cash box is empty, nothing saved.
    with pytest.raises(ValidationError):
        services.give_assistance(
            tb_case, given_on=D(2026, 2, 11), kind=AssistanceKind.CASH, value=200_000,
            source=AssistanceSource.ORGANIZATION, acting_user=facilitator,
        )  # fmt: skip
    assert Assistance.objects.count() == 1
    goods = services.give_assistance(
        tb_case, given_on=D(2026, 2, 11), kind=AssistanceKind.NUTRITION, value=250_000,
        source=AssistanceSource.PARTNER, source_name="BAZNAS", acting_user=facilitator,
    )  # fmt: skip
    assert goods.ledger_transaction is None
    assert ledger.balance(expense) == 150_000


def test_assistance_value_must_be_positive_whole_rupiah(tb_case, facilitator):
    for bad in (0, -5, 1.5):
        with pytest.raises(ValidationError):
            services.give_assistance(
                tb_case, given_on=D(2026, 2, 10), kind="goods", value=bad, source="program", acting_user=facilitator
            )


def test_health_fields_are_masked_in_the_audit_trail(tb_case, facilitator):
    services.log_visit(
        tb_case, visited_on=D(2026, 2, 10), met_with="Raja Ali", condition="Mual berat efek obat",
        adherence="partly", acting_user=facilitator,
    )  # fmt: skip
    text = " ".join(str(e.changes) for e in LogEntry.objects.all())
    assert "Mual berat" not in text and "resisten obat" not in text
    assert "Raja Ali" in text


def test_team_change_grants_and_revokes_access(tb_case, facilitator, helper_colleague, city_officer):
    assert not Case.objects.visible_to(helper_colleague).filter(pk=tb_case.pk).exists()
    services.update_team(tb_case, team=[helper_colleague], supervisor=city_officer, acting_user=facilitator)
    assert Case.objects.visible_to(helper_colleague).filter(pk=tb_case.pk).exists()
    services.log_visit(tb_case, visited_on=D(2026, 2, 2), met_with="x", adherence="yes", acting_user=helper_colleague)
    with pytest.raises(PermissionDenied):
        services.update_team(tb_case, team=[], acting_user=helper_colleague)
    with pytest.raises(ValidationError):
        services.update_team(tb_case, team=[], supervisor=facilitator, acting_user=facilitator)
    services.update_team(tb_case, team=[], supervisor=city_officer, acting_user=facilitator)
    assert not Case.objects.visible_to(helper_colleague).filter(pk=tb_case.pk).exists()


def test_dashboard_summary_counts_overdue_like_the_full_schedule(tb_case, facilitator):
    """The city dashboard reads plain values and open windows only; on every day it must count as the agenda does."""
    services.set_visit_plan(tb_case, frequency=Frequency.WEEKLY, start_on=D(2026, 1, 5), acting_user=facilitator)
    for day in (D(2026, 1, 5), D(2026, 1, 13), D(2026, 2, 9)):
        services.log_visit(tb_case, visited_on=day, met_with="Raja Ali", adherence="yes", acting_user=facilitator)
    cases = Case.objects.filter(pk=tb_case.pk)
    for today in (D(2026, 1, 20), D(2026, 2, 11), D(2026, 3, 18), TODAY, D(2026, 5, 1)):
        rows = schedule.schedules(cases.open(), today)
        expected = {
            "open": len(rows),
            "closed": 0,
            "overdue_visits": sum(len(row.overdue) for row in rows),
            "cases_overdue": sum(1 for row in rows if row.overdue),
        }
        assert tallies.overdue_totals(cases, today) == expected, today
    # 16 March's weekly visit is overdue until its window closes on the 19th, then missed.
    assert tallies.overdue_totals(cases, D(2026, 3, 18))["overdue_visits"] == 1
    assert tallies.overdue_totals(cases, TODAY)["overdue_visits"] == 0
