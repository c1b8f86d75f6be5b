import datetime

import pytest
from django.core.exceptions import ValidationError

from gotong.programs import leftout, outcomes, services
from gotong.programs.models import Enrolment


def _enrol(cohort, person, user):
    return services.enrol(cohort, person=person, enrolled_on=cohort.starts_on, acting_user=user)


def test_outcome_summary_by_hand(cohort, households, city_officer):
    people = [households[n][1] for n in "ABCDE"]
    enrolments = [_enrol(cohort, p, city_officer) for p in people]
    plan = [  # status, certified, business, before, after
        ("lulus", True, True, 500_000, 1_500_000),  # +1.000.000
        ("lulus", True, False, 800_000, 1_000_000),  # +200.000
        ("lulus", False, False, 1_000_000, 1_100_000),  # +100.000
        ("keluar", False, False, 700_000, 650_000),  # −50.000
        ("aktif", False, False, None, None),  # cohort ended: counted as not finished
    ]
    for enrolment, (status, cert, business, before, after) in zip(enrolments, plan, strict=True):
        services.record_outcome(enrolment, status=status, certified=cert, started_business=business,
                                income_before=before, income_after=after, acting_user=city_officer)  # fmt: skip
    summary = outcomes.summarize(Enrolment.objects.all(), today=datetime.date(2025, 6, 1))
    assert (summary.enrolled, summary.finished, summary.completed) == (5, 5, 3)
    assert str(summary.completion_percent) == "60.0"
    assert (summary.certified, summary.businesses, summary.with_income) == (2, 1, 4)
    # median of −50.000, 100.000, 200.000, 1.000.000 = (100.000 + 200.000) / 2
    assert summary.median_income_change == 150_000
    # While the cohort runs, an active learner is not yet a non-completer.
    running = outcomes.summarize(Enrolment.objects.all(), today=datetime.date(2025, 2, 1))
    assert running.finished == 4 and str(running.completion_percent) == "75.0"


def test_enrolment_rules(cohort, households, city_officer, other_facilitator):
    head = households["A"][1]
    _enrol(cohort, head, city_officer)
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        _enrol(cohort, head, city_officer)
    with pytest.raises(ValidationError, match="tidak berwenang"):
        _enrol(cohort, households["B"][1], other_facilitator)
    enrolment = Enrolment.objects.get()
    with pytest.raises(ValidationError, match="Sertifikat hanya"):
        services.record_outcome(enrolment, status="keluar", certified=True, acting_user=city_officer)
    with pytest.raises(ValidationError):
        services.add_session(cohort, held_on=datetime.date(2026, 1, 1), topic="x", hours=2, acting_user=city_officer)


def test_capacity_is_enforced(program, households, city_officer):
    small = services.create_cohort(program, name="Kecil", starts_on=datetime.date(2025, 1, 1),
                                   ends_on=datetime.date(2025, 2, 1), capacity=1, acting_user=city_officer)  # fmt: skip
    _enrol(small, households["A"][1], city_officer)
    with pytest.raises(ValidationError, match="penuh"):
        _enrol(small, households["B"][1], city_officer)


def test_session_attendance_is_idempotent(cohort, households, city_officer):
    enrolments = [_enrol(cohort, households[n][1], city_officer) for n in "AB"]
    session = services.add_session(cohort, held_on=datetime.date(2025, 1, 13), topic="Pola dasar", hours=3,
                                   acting_user=city_officer)  # fmt: skip
    assert services.record_session_attendance(session, present_enrolments=enrolments, acting_user=city_officer) == 2
    services.record_session_attendance(session, present_enrolments=enrolments, acting_user=city_officer)
    assert session.attendance.count() == 2
    services.record_session_attendance(session, present_enrolments=enrolments[:1], acting_user=city_officer)
    assert list(session.attendance.values_list("enrolment_id", flat=True)) == [enrolments[0].pk]


def test_left_out_report_numbers(cohort, households, city_officer, facilitator, other_facilitator):
    # B's child is enrolled: the whole household B is reached.
    child_b = households["B"][0].members.get(relationship="anak")
    _enrol(cohort, child_b, city_officer)
    _enrol(cohort, households["E"][1], city_officer)
    names = [str(h.head) for h in leftout.left_out_households(facilitator)]
    assert names == ["Kepala A", "Kepala C", "Kepala D"]  # decile 1, 5, unknown last
    assert [str(h.head) for h in leftout.left_out_households(facilitator, max_decile=3)] == ["Kepala A"]
    units = {u.code: (u.households, u.left_out) for u in leftout.counts_by_unit(facilitator)}
    assert units["21.72.03.1005"] == (5, 3)
    assert units["21.72.03.1005.006"] == (5, 3)
    assert units["21.72.03.1005.006.001"] == (2, 1)
    assert units["21.72.03.1005.006.002"] == (3, 2)
    assert leftout.left_out_households(other_facilitator).count() == 0
    assert leftout.counts_by_unit(other_facilitator) == []
