"""apply_submission: each kind records once per key, refuses a reused key, shows conflicts, respects scope."""

import uuid
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.activities.models import Attendance
from gotong.casework.models import Visit
from gotong.field.models import FieldSubmission
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.ledger.models import Entry
from gotong.posyandu.models import Weighing
from gotong.wastebank import tallies
from gotong.wastebank.models import Deposit

pytestmark = pytest.mark.django_db
# 53 before issue 24 (SQLite), 44 after its lean pass; +3 since 8 Dec 2026 for the yearly category tally the
# province dashboard reads (old year rows deleted, the year summed from the month rows, the rows written)
DEPOSIT_QUERIES = 47


def weighing_payload(child, kg="9.5", day="2026-03-10"):
    return {"child": str(child.public_id), "measured_on": day, "weight_kg": kg, "length_cm": "78,5",
            "measure": "lying", "muac_cm": None, "oedema": False, "growth_card": True}  # fmt: skip


class TestWeighing:
    def test_a_retried_sync_records_once_and_answers_the_same(self, cadre, child, march):
        key = uuid.uuid4()
        first = apply_submission(cadre, "weighing", key, weighing_payload(child))
        again = apply_submission(cadre, "weighing", key, weighing_payload(child))
        assert first.created and not again.created
        assert again.record == first.record and again.summary == first.summary
        assert Weighing.objects.filter(child=child).count() == 1
        assert Weighing.objects.get(child=child).weight_kg == Decimal("9.5")
        assert FieldSubmission.objects.count() == 1

    def test_the_same_key_with_other_values_is_refused(self, cadre, child, march):
        key = uuid.uuid4()
        apply_submission(cadre, "weighing", key, weighing_payload(child))
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(cadre, "weighing", key, weighing_payload(child, kg="10.1"))
        assert conflict.value.code == "key_reused"
        assert Weighing.objects.get(child=child).weight_kg == Decimal("9.5")

    def test_a_weighing_made_meanwhile_is_a_conflict_with_the_server_values(self, cadre, child, march):
        apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9.5"))
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9.8"), base_version="")
        assert conflict.value.code == "changed_on_server"
        assert conflict.value.server["weight_kg"] == "9.50"
        assert Weighing.objects.get(child=child).weight_kg == Decimal("9.5")  # not overwritten

    def test_a_correction_sent_with_the_server_version_is_applied(self, cadre, child, march):
        apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="9.5"))
        key = uuid.uuid4()
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(cadre, "weighing", key, weighing_payload(child, kg="9.8"))
        result = apply_submission(cadre, "weighing", key, weighing_payload(child, kg="9.8"),
                                  base_version=conflict.value.version)  # fmt: skip
        assert result.created
        assert Weighing.objects.get(child=child).weight_kg == Decimal("9.8")

    def test_the_same_values_recorded_by_someone_else_are_no_conflict(self, cadre, child, march):
        apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child))
        result = apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child))
        assert result.created and Weighing.objects.count() == 1

    def test_another_posyandus_cadre_cannot_weigh_the_child(self, other_cadre, child, march):
        with pytest.raises(PermissionDenied, match="lingkup"):
            apply_submission(other_cadre, "weighing", uuid.uuid4(), weighing_payload(child))
        assert not Weighing.objects.exists() and not FieldSubmission.objects.exists()

    def test_a_partner_and_a_facilitator_elsewhere_are_refused(self, partner, other_facilitator, child, march):
        for user in (partner, other_facilitator):
            with pytest.raises(PermissionDenied):
                apply_submission(user, "weighing", uuid.uuid4(), weighing_payload(child))

    def test_bad_weight_and_a_month_without_session_are_explained(self, cadre, child, march):
        with pytest.raises(ValidationError, match="0,5–40"):
            apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="95"))
        with pytest.raises(ValidationError, match="hari buka"):
            apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, day="2026-04-02"))
        with pytest.raises(ValidationError, match="angka"):
            apply_submission(cadre, "weighing", uuid.uuid4(), weighing_payload(child, kg="sembilan"))
        assert not FieldSubmission.objects.exists()

    def test_a_key_that_is_not_a_uuid_or_an_unknown_kind_is_refused(self, cadre, child, march):
        with pytest.raises(ValidationError, match="UUID"):
            apply_submission(cadre, "weighing", "abc", weighing_payload(child))
        with pytest.raises(ValidationError, match="tidak dikenal"):
            apply_submission(cadre, "panen", uuid.uuid4(), {})

    def test_another_user_cannot_replay_someone_elses_key(self, cadre, admin_user, child, march):
        key = uuid.uuid4()
        apply_submission(cadre, "weighing", key, weighing_payload(child))
        with pytest.raises(SubmissionConflict):
            apply_submission(admin_user, "weighing", key, weighing_payload(child))


def deposit_payload(member, categories, kg="2,35"):
    return {"member": str(member.public_id), "occurred_on": "2026-01-05",
            "lines": [{"category": str(categories["pet"].pk), "kg": kg}]}  # fmt: skip


class TestDeposit:
    def test_a_retried_deposit_is_booked_once(self, staff, member, categories):
        key = uuid.uuid4()
        version = f"{categories['pet'].pk}:3500"
        first = apply_submission(staff, "deposit", key, deposit_payload(member, categories), base_version=version)
        again = apply_submission(staff, "deposit", key, deposit_payload(member, categories), base_version=version)
        assert first.created and not again.created
        assert Deposit.objects.count() == 1
        deposit = Deposit.objects.get()
        assert (deposit.total_grams, deposit.total_value) == (2350, 8225)
        assert "Rp8.225" in first.summary

    def test_a_price_changed_since_download_is_a_conflict(self, staff, member, categories):
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(staff, "deposit", uuid.uuid4(), deposit_payload(member, categories),
                             base_version=f"{categories['pet'].pk}:3000")  # fmt: skip
        assert conflict.value.server["prices"][0]["price_per_kg"] == 3500
        assert not Deposit.objects.exists()

    def test_only_the_banks_staff_record(self, city_officer, member, categories):
        with pytest.raises(PermissionDenied):
            apply_submission(city_officer, "deposit", uuid.uuid4(), deposit_payload(member, categories))

    def test_zero_kilograms_is_explained(self, staff, member, categories):
        with pytest.raises(ValidationError, match="lebih dari 0"):
            apply_submission(staff, "deposit", uuid.uuid4(), deposit_payload(member, categories, kg="0"))

    def test_a_deposit_is_booked_audited_and_tallied_in_a_bounded_number_of_queries(
        self, staff, member, categories, django_assert_max_num_queries
    ):
        # Every phone's deposit (sync and ODK) is one of the load test's two writes (issue 24): the bank's book,
        # the member's account, the price list and the posted rows are each read once.
        apply_submission(staff, "deposit", uuid.uuid4(), deposit_payload(member, categories))  # policy loaded
        with django_assert_max_num_queries(DEPOSIT_QUERIES):
            result = apply_submission(staff, "deposit", uuid.uuid4(), deposit_payload(member, categories, kg="1"))
        deposit = Deposit.objects.get(public_id=result.record)
        assert (deposit.total_grams, deposit.total_value) == (1000, 3500)
        entries = list(deposit.transaction.entries.select_related("account").order_by("id"))
        logged = LogEntry.objects.get_for_objects(Entry.objects.filter(transaction=deposit.transaction))
        assert sorted(e.object_repr for e in logged) == sorted(f"{e.account}: {e.amount}" for e in entries)
        assert LogEntry.objects.get_for_object(deposit.transaction).get().actor == staff
        assert LogEntry.objects.get_for_object(deposit).exists()
        assert tallies.differences() == []


def visit_payload(case, **changes):
    return {"case": str(case.public_id), "visited_on": "2026-03-18", "met_with": "Raja Ali", "condition": "membaik",
            "adherence": "yes", "issues": "", "next_step": "antar ke puskesmas", **changes}  # fmt: skip


class TestVisit:
    def test_a_retried_visit_is_logged_once_without_health_details_in_the_answer(self, facilitator, tb_case):
        key = uuid.uuid4()
        first = apply_submission(facilitator, "visit", key, visit_payload(tb_case))
        again = apply_submission(facilitator, "visit", key, visit_payload(tb_case))
        assert first.created and not again.created
        assert Visit.objects.count() == 1
        assert "membaik" not in str(first.as_json())

    def test_a_second_visit_the_same_day_with_other_notes_is_a_conflict(self, facilitator, tb_case):
        apply_submission(facilitator, "visit", uuid.uuid4(), visit_payload(tb_case))
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(facilitator, "visit", uuid.uuid4(), visit_payload(tb_case, next_step="rujuk"))
        assert conflict.value.server["next_step"] == "antar ke puskesmas"

    def test_only_the_case_team_logs_visits(self, other_facilitator, partner, tb_case, areas):
        from conftest import _user

        colleague = _user("andi", "facilitator", work_areas=["21.72.03.1005"])
        for user in (other_facilitator, partner, colleague):
            with pytest.raises(PermissionDenied):
                apply_submission(user, "visit", uuid.uuid4(), visit_payload(tb_case))
        assert not Visit.objects.exists()

    def test_a_tb_visit_without_adherence_is_explained(self, facilitator, tb_case):
        with pytest.raises(ValidationError, match="kepatuhan"):
            apply_submission(facilitator, "visit", uuid.uuid4(), visit_payload(tb_case, adherence=""))


def attendance_payload(event, people, hours=None):
    return {"event": str(event.public_id), "present": [{"person": str(p.public_id), "hours": hours} for p in people],
            "guests": 2, "guest_hours": "4"}  # fmt: skip


class TestAttendance:
    def test_a_retried_list_is_saved_once(self, bkm_secretary, event, residents):
        key = uuid.uuid4()
        payload = attendance_payload(event, residents["adults"][:3])
        first = apply_submission(bkm_secretary, "attendance", key, payload)
        again = apply_submission(bkm_secretary, "attendance", key, payload)
        assert first.created and not again.created
        assert Attendance.objects.filter(event=event).count() == 3

    def test_a_list_changed_on_the_server_is_a_conflict_showing_it(self, bkm_secretary, city_officer, event, residents):
        adults = residents["adults"]
        seen = apply_submission(city_officer, "attendance", uuid.uuid4(), attendance_payload(event, adults[:2]))
        apply_submission(city_officer, "attendance", uuid.uuid4(), attendance_payload(event, adults[:1]),
                         base_version=seen.version)  # fmt: skip
        with pytest.raises(SubmissionConflict) as conflict:
            apply_submission(bkm_secretary, "attendance", uuid.uuid4(), attendance_payload(event, adults),
                             base_version=seen.version)  # fmt: skip
        assert [row["name"] for row in conflict.value.server["present"]] == [adults[0].name]
        assert Attendance.objects.filter(event=event).count() == 1

    def test_someone_outside_the_event_cannot_record(self, other_facilitator, partner, bkm_staff, event, residents):
        # A staf of the organising BKM reads the event; recording is for its ketua, pengelola and sekretaris.
        for user in (other_facilitator, partner, bkm_staff):
            with pytest.raises(PermissionDenied):
                apply_submission(user, "attendance", uuid.uuid4(), attendance_payload(event, residents["adults"]))

    def test_wrong_hours_are_explained(self, bkm_secretary, event, residents):
        with pytest.raises(ValidationError, match="24"):
            apply_submission(bkm_secretary, "attendance", uuid.uuid4(),
                             attendance_payload(event, residents["adults"][:1], hours="30"))  # fmt: skip
