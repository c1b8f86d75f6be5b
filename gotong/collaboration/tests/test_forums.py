"""Forums and meetings: services, attendance on the page, decisions into commitments, scope per persona."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.collaboration.models import Commitment, Meeting, Participant
from gotong.collaboration.services import forums
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def forum(areas, orgs, city_officer):
    return forums.create_forum(
        name="Forum KOTAKU Kampung Bugis",
        kind="routine",
        area=areas["21.72.03.1005"],
        convener=orgs["bkm"],
        members=orgs.values(),
        acting_user=city_officer,
    )


@pytest.fixture
def meeting(forum, city_officer):
    return forums.create_meeting(
        forum, held_on=datetime.date(2018, 1, 15), place="Kantor Lurah", agenda="Pemetaan", acting_user=city_officer
    )


def test_meeting_invites_forum_members(meeting, orgs):
    invited = {p.organization for p in meeting.participants.all()}
    assert invited == set(orgs.values())
    assert all(p.attended is None for p in meeting.participants.all())
    assert meeting.area_code == "21.72.03.1005"


def test_forum_name_unique_in_area(forum, areas, city_officer):
    with pytest.raises(ValidationError) as exc:
        forums.create_forum(name="forum kotaku kampung bugis", kind="routine", area=areas["21.72.03.1005"],
                            acting_user=city_officer)  # fmt: skip
    assert exc.value.message_dict["name"] == ["Sudah ada forum bernama itu di wilayah ini."]


def test_participants_person_or_name(meeting, areas, orgs, city_officer):
    with pytest.raises(ValidationError) as exc:
        forums.add_participant(meeting, acting_user=city_officer)
    assert exc.value.messages == ["Pilih organisasi, penduduk, atau tulis nama peserta."]
    with pytest.raises(ValidationError) as exc:
        forums.add_participant(meeting, organization=orgs["bkm"], acting_user=city_officer)
    assert exc.value.message_dict["organization"] == ["Organisasi ini sudah diundang."]
    person = PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2)), name="Raja Hamzah")
    one = forums.add_participant(meeting, person=person, organization=orgs["bkm"], acting_user=city_officer)
    assert one.display_name == "Raja Hamzah (BKM Kampung Bugis)"
    with pytest.raises(ValidationError):
        forums.add_participant(meeting, person=person, acting_user=city_officer)
    lurah = forums.add_participant(meeting, name="Lurah Kampung Bugis", acting_user=city_officer)
    assert lurah.display_name == "Lurah Kampung Bugis"


def test_attendance_and_future_meeting(meeting, forum, city_officer):
    ids = list(meeting.participants.values_list("pk", flat=True))
    changed = forums.record_attendance(meeting, attendance={ids[0]: True, ids[1]: False}, acting_user=city_officer)
    assert changed == 2
    assert forums.record_attendance(meeting, attendance={ids[0]: True}, acting_user=city_officer) == 0
    future = forums.create_meeting(forum, held_on=datetime.date.today() + datetime.timedelta(days=3), place="Aula",
                                   agenda="Rapat", acting_user=city_officer)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        forums.record_attendance(future, attendance={future.participants.first().pk: True}, acting_user=city_officer)
    assert "setelah tanggal pertemuan" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        forums.record_attendance(meeting, attendance={future.participants.first().pk: True}, acting_user=city_officer)


def test_decision_becomes_commitment(meeting, agreement, orgs, city_officer):
    with pytest.raises(ValidationError) as exc:
        forums.add_decision(meeting, text="X", due_on=datetime.date(2017, 1, 1), acting_user=city_officer)
    assert exc.value.message_dict["due_on"] == ["Tenggat tidak boleh sebelum tanggal pertemuan."]
    vague = forums.add_decision(meeting, text="Koordinasi", acting_user=city_officer)
    with pytest.raises(ValidationError) as exc:
        forums.decision_to_commitment(vague, agreement, acting_user=city_officer)
    assert "penanggung jawab dan tenggat" in exc.value.messages[0]
    decision = forums.add_decision(meeting, text="Usulan APBD 2019", owner=orgs["perkim"],
                                   due_on=datetime.date(2018, 10, 31), acting_user=city_officer)  # fmt: skip
    commitment = forums.decision_to_commitment(decision, agreement, acting_user=city_officer)
    assert (commitment.actor, commitment.what, commitment.due_on) == (orgs["perkim"], "Usulan APBD 2019",
                                                                      datetime.date(2018, 10, 31))  # fmt: skip
    decision.refresh_from_db()
    assert decision.commitment == commitment
    with pytest.raises(ValidationError):
        forums.decision_to_commitment(decision, agreement, acting_user=city_officer)
    assert Commitment.objects.count() == 1


def test_attendance_page_saves_choices(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("collaboration:attendance", args=[meeting.pk])
    html = client.get(url).content.decode()
    assert "Hadir" in html and "Tidak hadir" in html and "BKM Kampung Bugis" in html
    first, second, third = meeting.participants.order_by("pk")
    response = client.post(url, {f"p_{first.pk}": "1", f"p_{second.pk}": "0"})
    assert response.status_code == 302
    states = dict(Participant.objects.values_list("pk", "attended"))
    assert (states[first.pk], states[second.pk], states[third.pk]) == (True, False, None)
    detail = client.get(reverse("collaboration:meeting-detail", args=[meeting.pk])).content.decode()
    assert "Peserta (1 hadir dari 3)" in detail


def test_meeting_forms_through_pages(client, facilitator, forum, orgs):
    client.force_login(facilitator)
    url = reverse("collaboration:meeting-create", args=[forum.pk])
    response = client.post(url, {"held_on": "2018-03-01", "place": "", "agenda": "Rembug"})
    assert response.context["form"].errors["place"]
    response = client.post(url, {"held_on": "2018-03-01", "place": "Balai RW 006", "agenda": "Rembug warga"})
    meeting = Meeting.objects.get(place="Balai RW 006")
    assert response.url == reverse("collaboration:meeting-detail", args=[meeting.pk])
    edit = reverse("collaboration:meeting-edit", args=[meeting.pk])
    client.post(edit, {"held_on": "2018-03-01", "place": "Balai RW 006", "agenda": "Rembug warga",
                       "minutes": "Warga setuju jalan beton."})  # fmt: skip
    meeting.refresh_from_db()
    assert meeting.minutes == "Warga setuju jalan beton."
    decision = reverse("collaboration:decision-add", args=[meeting.pk])
    response = client.post(decision, {"text": "Kerja bakti", "owner": orgs["bkm"].pk, "due_on": "2018-01-01"})
    assert response.context["form"].errors["due_on"] == ["Tenggat tidak boleh sebelum tanggal pertemuan."]
    response = client.post(decision, {"text": "Kerja bakti", "owner": orgs["bkm"].pk, "due_on": "2018-04-01"})
    assert response.status_code == 302 and meeting.decisions.get().text == "Kerja bakti"
    participant = reverse("collaboration:participant-add", args=[meeting.pk])
    assert client.post(participant, {"name": "Ketua RT 002"}).status_code == 302


def test_forum_scope_per_persona(client, city_officer, other_facilitator, partner, meeting, forum):
    client.force_login(city_officer)
    assert [f.name for f in client.get(reverse("collaboration:forum-list")).context["forums"]] == [forum.name]
    client.force_login(other_facilitator)
    assert list(client.get(reverse("collaboration:forum-list")).context["forums"]) == []
    for name, pk in (("forum-detail", forum.pk), ("meeting-detail", meeting.pk), ("attendance", meeting.pk),
                     ("meeting-edit", meeting.pk), ("meeting-create", forum.pk)):  # fmt: skip
        assert client.get(reverse(f"collaboration:{name}", args=[pk])).status_code == 404, name
    client.force_login(partner)
    assert client.get(reverse("collaboration:attendance", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("collaboration:forum-create")).status_code == 403
    assert client.get(reverse("collaboration:forum-list")).status_code == 403
    assert client.get(reverse("collaboration:meeting-detail", args=[meeting.pk])).status_code == 404


def test_forum_create_page(client, facilitator, areas, orgs):
    client.force_login(facilitator)
    url = reverse("collaboration:forum-create")
    form = client.get(url).context["form"]
    assert list(form.fields["area"].queryset) == [areas["21.72.03.1005"]]
    # A facilitator can pick city bodies (Perkim, Korkot) as members, not organisations elsewhere.
    assert set(form.fields["members"].queryset) == set(orgs.values())
    response = client.post(url, {"name": "Forum RW 006", "kind": "incidental", "area": areas["21.72.03.1005"].pk,
                                 "members": [orgs["bkm"].pk]})  # fmt: skip
    assert response.status_code == 302
    response = client.post(url, {"name": "Forum RW 006", "kind": "incidental", "area": areas["21.72.03.1005"].pk})
    assert response.context["form"].errors["name"] == ["Sudah ada forum bernama itu di wilayah ini."]
