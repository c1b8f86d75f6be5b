"""Raising, numbering, routing, deadlines, answering and abuse reports: through the services, as each role."""

import datetime
import threading
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from PIL import Image

from gotong.participation.models import (
    Aspiration,
    AspirationCategory,
    AspirationRoute,
    AspirationStatus,
    Moderation,
)
from gotong.participation.services import aspirations as services

TODAY = datetime.date(2026, 3, 2)


def _raise(user, **kwargs):
    kwargs.setdefault("category", AspirationCategory.INFRASTRUCTURE)
    kwargs.setdefault("text", "Drainase di Gang Mawar tersumbat, air masuk rumah saat hujan.")
    return services.raise_aspiration(acting_user=user, today=TODAY, **kwargs)


def _jpeg_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (40, 30), "green")
    exif = Image.Exif()
    exif[0x8825] = {2: (0.0, 55.0, 0.0)}  # GPSInfo: a latitude a phone would write
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("rumah-pak-darto.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_resident_raises_for_herself_at_her_household_rt(resident, bugis_rt):
    aspiration = _raise(resident)
    assert aspiration.raised_for == resident.person
    assert aspiration.area == bugis_rt
    assert aspiration.number == "ASP-2026-000001"
    assert aspiration.status == AspirationStatus.RECEIVED
    # UU 25/2009 Pasal 50 ayat (2): 14 days to respond.
    assert aspiration.deadline == datetime.date(2026, 3, 16)
    assert aspiration.responsible_organization is None


def test_numbers_follow_each_other_and_restart_each_year(resident):
    first, second = _raise(resident), _raise(resident)
    later = services.raise_aspiration(
        category="waste", text="Sampah menumpuk", acting_user=resident, today=datetime.date(2027, 1, 2)
    )
    assert [first.number, second.number, later.number] == ["ASP-2026-000001", "ASP-2026-000002", "ASP-2027-000001"]


def test_a_resident_may_not_raise_about_another_kelurahan(resident, far_rt):
    with pytest.raises(ValidationError) as error:
        _raise(resident, area=far_rt)
    assert "kelurahan tempat Anda tinggal" in error.value.message_dict["area"][0]
    assert not Aspiration.objects.exists()


def test_empty_text_is_refused_with_a_clear_message(resident):
    with pytest.raises(ValidationError) as error:
        _raise(resident, text="   ")
    assert error.value.message_dict["text"] == ["Tuliskan isi aspirasi atau pengaduan Anda."]


def test_an_rt_head_records_for_a_resident_without_a_phone(rt_head, phoneless, bugis_rt):
    aspiration = _raise(rt_head, raised_for=phoneless)
    assert (aspiration.raised_by, aspiration.raised_for, aspiration.area) == (rt_head, phoneless, bugis_rt)


def test_the_facilitator_records_only_inside_her_areas(facilitator, other_facilitator, phoneless):
    assert _raise(facilitator, raised_for=phoneless).raised_by == facilitator
    with pytest.raises(PermissionDenied):
        _raise(other_facilitator, raised_for=phoneless)


def test_partners_and_plain_members_raise_nothing(partner, plain_member, bugis_rt):
    for user in (partner, plain_member):
        with pytest.raises(PermissionDenied):
            _raise(user, area=bugis_rt)


def test_the_routing_table_names_the_unit_and_the_deadline(resident, bkm, areas):
    # Waste in the whole city goes to the BKM within 7 days; a more specific row (the kelurahan) wins over it.
    AspirationRoute.objects.create(category="", area=areas["21.72"], organization=bkm, follow_up_days=30)
    AspirationRoute.objects.create(category="waste", area=areas["21.72.03.1005"], organization=bkm, follow_up_days=7)
    waste = _raise(resident, category="waste")
    other = _raise(resident, category="health")
    assert (waste.responsible_organization, waste.deadline) == (bkm, datetime.date(2026, 3, 9))
    assert (other.responsible_organization, other.deadline) == (bkm, datetime.date(2026, 4, 1))


def test_the_photo_is_stored_without_its_gps_tag_or_file_name(resident):
    aspiration = _raise(resident, photo=_jpeg_with_gps())
    assert "pak-darto" not in aspiration.photo.name
    with Image.open(aspiration.photo.open("rb")) as stored:
        assert 0x8825 not in stored.getexif()


def test_a_file_that_is_not_a_picture_is_refused(resident):
    fake = SimpleUploadedFile("foto.jpg", b"bukan gambar", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        _raise(resident, photo=fake)
    assert error.value.message_dict["photo"] == ["Berkas ini bukan gambar yang bisa dibaca."]


def test_answers_move_the_status_and_a_rejection_needs_a_reason(resident, facilitator):
    aspiration = _raise(resident)
    answer = services.answer_aspiration(
        aspiration, text="Sudah dicek, masuk rencana kerja bakti.", status="in_progress", acting_user=facilitator,
        answered_on=TODAY,
    )  # fmt: skip
    aspiration.refresh_from_db()
    assert (aspiration.status, aspiration.first_answered_on) == ("in_progress", TODAY)
    assert aspiration.answered_on_time is True
    assert answer.answered_on == TODAY
    with pytest.raises(ValidationError) as error:
        services.answer_aspiration(aspiration, text="", status="rejected", acting_user=facilitator, answered_on=TODAY)
    assert error.value.message_dict["text"] == ["Alasan penolakan wajib diisi."]
    services.answer_aspiration(aspiration, text="Selesai dibersihkan.", status="done", acting_user=facilitator,
                               answered_on=TODAY)  # fmt: skip
    with pytest.raises(ValidationError):
        services.answer_aspiration(aspiration, text="Lagi", status="in_progress", acting_user=facilitator)


def test_residents_and_other_areas_may_not_answer(resident, neighbour, other_facilitator, rt_head):
    aspiration = _raise(resident)
    for user in (resident, neighbour, rt_head):
        with pytest.raises(PermissionDenied):
            services.answer_aspiration(aspiration, text="Oke", status="done", acting_user=user)
    with pytest.raises(Http404):  # outside her areas the aspiration does not exist for her
        services.answer_aspiration(aspiration, text="Oke", status="done", acting_user=other_facilitator)


def test_the_responsible_organisations_officer_answers(resident, bkm, rt_head, areas):
    AspirationRoute.objects.create(category="waste", area=areas["21.72.03.1005"], organization=bkm)
    aspiration = _raise(resident, category="waste", is_public=False)
    assert aspiration in Aspiration.objects.visible_to(rt_head)  # private, but the BKM handles it
    services.answer_aspiration(aspiration, text="Diangkut Sabtu.", status="done", acting_user=rt_head)
    assert services.may_see_complainant(rt_head, aspiration)


def test_who_sees_public_and_private_aspirations(
    resident, neighbour, far_resident, facilitator, other_facilitator, city_officer, rt_head, partner
):
    public = _raise(resident)
    private = _raise(resident, is_public=False, text="Keluhan tentang petugas kelurahan.")

    def seen(user):
        return set(Aspiration.objects.visible_to(user))

    assert seen(resident) == {public, private}
    assert seen(facilitator) == seen(city_officer) == {public, private}
    assert seen(neighbour) == {public}  # the kelurahan's public text
    assert seen(rt_head) == {public}  # officer of the area, not the handling unit
    assert seen(far_resident) == seen(other_facilitator) == seen(partner) == set()
    assert services.may_see_complainant(facilitator, public)
    assert not services.may_see_complainant(neighbour, public)
    assert not services.may_see_complainant(rt_head, public)


def test_reports_hold_a_public_text_until_a_handler_reviews_it(resident, neighbour, rt_head, city_officer, facilitator):
    from gotong.accounts.models import User

    aspiration = _raise(resident)
    eka = User.objects.create_user(username="eka", role="resident", person=_neighbour(resident))
    readers = [neighbour, rt_head, eka]
    for reader in readers[:2]:
        services.report_abuse(aspiration, acting_user=reader, reason="Menyebut nama orang")
    aspiration.refresh_from_db()
    assert aspiration.moderation == Moderation.SHOWN
    with pytest.raises(ValidationError):  # one report per reader
        services.report_abuse(aspiration, acting_user=neighbour)
    services.report_abuse(aspiration, acting_user=readers[2])
    aspiration.refresh_from_db()
    assert aspiration.moderation == Moderation.HELD
    assert aspiration not in Aspiration.objects.visible_to(neighbour)
    assert aspiration in Aspiration.objects.visible_to(resident)  # the complainant still sees her own
    with pytest.raises(Http404):  # the handler reviews; to readers a held text is gone
        services.review_reports(aspiration, keep_shown=True, acting_user=rt_head)
    services.review_reports(aspiration, keep_shown=True, acting_user=facilitator)
    assert aspiration in Aspiration.objects.visible_to(neighbour)
    services.review_reports(aspiration, keep_shown=False, acting_user=facilitator)
    assert aspiration not in Aspiration.objects.visible_to(neighbour)


def _neighbour(resident):
    from gotong.registry.tests.factories import PersonFactory

    return PersonFactory(household=resident.person.household, name="Eka", relationship="famili")


def test_the_complainant_and_handlers_do_not_report(resident, facilitator):
    aspiration = _raise(resident)
    for user in (resident, facilitator):
        with pytest.raises(PermissionDenied):
            services.report_abuse(aspiration, acting_user=user)


def test_overdue_means_unanswered_past_the_deadline(resident, facilitator):
    late, answered = _raise(resident), _raise(resident)
    services.answer_aspiration(answered, text="Ditinjau", status="in_progress", acting_user=facilitator,
                               answered_on=TODAY)  # fmt: skip
    after = TODAY + datetime.timedelta(days=15)
    assert list(Aspiration.objects.overdue(after)) == [late]
    assert list(services.handled_by(facilitator).overdue(after)) == [late]


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_numbers(resident):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers itself; the row lock matters on PostgreSQL")
    numbers, errors = [], []

    def submit():
        try:
            numbers.append(_raise(resident).number)
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == [f"ASP-2026-{n:06d}" for n in range(1, 9)]
