"""Two recorders correcting one attendance list offline: each one's additions and removals, nobody else's lost."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gotong.activities.models import Attendance
from gotong.activities.services import merge_attendance, record_attendance
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.field.services.kinds.attendance import version_of

pytestmark = pytest.mark.django_db


def present(event) -> set[str]:
    return set(Attendance.objects.filter(event=event).values_list("person__name", flat=True))


def entry(event, people, seen, *, guests=0, guest_hours="0", seen_guests=0, seen_hours="0"):
    """What the phone sends: the ticked people, and what its list showed (`seen`) when the entry was made."""
    return {
        "event": str(event.public_id),
        "present": [{"person": str(p.public_id), "hours": None} for p in people],
        "guests": guests,
        "guest_hours": guest_hours,
        "seen": {"present": [str(p.public_id) for p in seen], "guests": seen_guests, "guest_hours": seen_hours},
    }


@pytest.fixture
def listed(event, residents, city_officer):
    """Andi and Bayu on the list; both phones downloaded it at this version."""
    andi, bayu = residents["adults"][:2]
    record_attendance(event, hours_by_person={andi: None, bayu: None}, acting_user=city_officer)
    return version_of(event)


def test_a_correction_keeps_the_resident_another_user_added_meanwhile(bkm_secretary, city_officer, event,
                                                                      residents, listed):  # fmt: skip
    andi, bayu, citra, dewi = residents["adults"]
    # Online, the officer adds Citra.
    apply_submission(city_officer, "attendance", uuid.uuid4(), entry(event, [andi, bayu, citra], [andi, bayu]),
                     base_version=listed)  # fmt: skip
    # Offline since the download, the secretary added Dewi and unticked Bayu.
    result = apply_submission(bkm_secretary, "attendance", uuid.uuid4(), entry(event, [andi, dewi], [andi, bayu]),
                              base_version=listed)  # fmt: skip
    assert present(event) == {"Andi", "Citra", "Dewi"}
    assert result.data["present"] == 3 and "3 orang" in result.summary


def test_only_a_resident_the_phone_had_seen_is_removed(bkm_secretary, city_officer, event, residents, listed):
    andi, bayu, citra, _dewi = residents["adults"]
    record_attendance(event, hours_by_person={andi: None, bayu: None, citra: None}, acting_user=city_officer)
    # The phone never saw Citra (she was added after its download), so its list without her removes nobody.
    apply_submission(bkm_secretary, "attendance", uuid.uuid4(), entry(event, [andi, bayu], [andi, bayu]),
                     base_version=listed)  # fmt: skip
    assert present(event) == {"Andi", "Bayu", "Citra"}


def test_a_retry_of_a_merged_entry_changes_nothing(bkm_secretary, event, residents, listed):
    andi, bayu, citra, _dewi = residents["adults"]
    key, payload = uuid.uuid4(), entry(event, [andi, bayu, citra], [andi, bayu])
    first = apply_submission(bkm_secretary, "attendance", key, payload, base_version=listed)
    again = apply_submission(bkm_secretary, "attendance", key, payload, base_version=listed)
    assert first.created and not again.created and present(event) == {"Andi", "Bayu", "Citra"}


def test_the_hours_already_recorded_are_kept(bkm_secretary, city_officer, event, residents, listed):
    andi, bayu, citra, _dewi = residents["adults"]
    record_attendance(event, hours_by_person={andi: "3", bayu: None}, acting_user=city_officer)
    apply_submission(bkm_secretary, "attendance", uuid.uuid4(), entry(event, [andi, bayu, citra], [andi, bayu]),
                     base_version=listed)  # fmt: skip
    assert Attendance.objects.get(event=event, person=andi).hours == Decimal("3")
    assert Attendance.objects.get(event=event, person=citra).hours == event.default_hours


def test_guest_figures_changed_on_both_sides_are_a_conflict_the_user_decides(bkm_secretary, city_officer, event,
                                                                             residents, listed):  # fmt: skip
    andi, bayu, citra, _dewi = residents["adults"]
    apply_submission(city_officer, "attendance", uuid.uuid4(), entry(event, [andi, bayu], [andi, bayu], guests=3,
                     guest_hours="6"), base_version=listed)  # fmt: skip
    key, payload = uuid.uuid4(), entry(event, [andi, bayu, citra], [andi, bayu], guests=5, guest_hours="10")
    with pytest.raises(SubmissionConflict) as caught:
        apply_submission(bkm_secretary, "attendance", key, payload, base_version=listed)
    rows = {row["label"]: (row["mine"], row["server"]) for row in caught.value.rows}
    assert rows == {"Peserta tidak terdaftar": ("5", "3"), "Total jam mereka": ("10", "6")}
    assert present(event) == {"Andi", "Bayu"}  # nothing written before the user decides
    # "Keep mine": the same entry over the version the conflict gave; Citra is still merged in, not the list replaced.
    apply_submission(bkm_secretary, "attendance", key, payload, base_version=caught.value.version)
    event.refresh_from_db()
    assert (event.guests, event.guest_hours) == (5, Decimal("10"))
    assert present(event) == {"Andi", "Bayu", "Citra"}


def test_guest_figures_changed_on_one_side_only_take_that_side(bkm_secretary, city_officer, event, residents, listed):
    andi, bayu, _citra, _dewi = residents["adults"]
    apply_submission(city_officer, "attendance", uuid.uuid4(), entry(event, [andi, bayu], [andi, bayu], guests=3,
                     guest_hours="6"), base_version=listed)  # fmt: skip
    apply_submission(bkm_secretary, "attendance", uuid.uuid4(), entry(event, [andi], [andi, bayu]),
                     base_version=listed)  # fmt: skip
    event.refresh_from_db()
    assert (event.guests, event.guest_hours) == (3, Decimal("6")) and present(event) == {"Andi"}


def test_an_entry_without_what_it_saw_is_still_a_conflict_with_labels(bkm_secretary, city_officer, event,
                                                                      residents, listed):  # fmt: skip
    andi, bayu, citra, _dewi = residents["adults"]
    record_attendance(event, hours_by_person={andi: None}, acting_user=city_officer)
    payload = entry(event, [andi, bayu, citra], [])
    del payload["seen"]  # as ODK sends it: the whole list, only over the version it was made from
    with pytest.raises(SubmissionConflict) as caught:
        apply_submission(bkm_secretary, "attendance", uuid.uuid4(), payload, base_version=listed)
    (people,) = [row for row in caught.value.rows if row["name"] == "present"]
    assert (people["label"], people["mine"], people["server"]) == ("Warga yang hadir", "Andi, Bayu, Citra", "Andi")
    assert present(event) == {"Andi"}


def test_merge_refuses_wrong_hours_and_people_out_of_scope(bkm_secretary, event, residents):
    andi = residents["adults"][0]
    with pytest.raises(ValidationError, match="24"):
        merge_attendance(event, add={andi: "30"}, acting_user=bkm_secretary)
    assert not present(event)
