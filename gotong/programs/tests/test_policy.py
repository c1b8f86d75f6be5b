"""Issue 17, as the users hit it: who runs programs is the access policy's answer (`programs.manage`)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.accounts.models import User
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.programs import services
from gotong.programs.models import Program, SessionAttendance

DAY = datetime.date(2020, 1, 1)


def _member_of(organization, username, member_role, **extra):
    user = User.objects.create_user(username=username, password="x", **extra)
    Membership.objects.create(organization=organization, user=user, role=member_role, started_on=DAY)
    return user


def _new_program(program):
    return {"name": "Pelatihan sablon", "kind": "keterampilan", "organization": program.organization_id,
            "area": program.area_id}  # fmt: skip


def test_partner_neither_opens_nor_submits_the_create_form(client, program, partner):
    client.force_login(partner)
    url = reverse("programs:create")
    assert client.get(url).status_code == 403
    assert client.post(url, _new_program(program)).status_code == 403
    assert list(Program.objects.values_list("name", flat=True)) == ["Pelatihan menjahit"]
    home = client.get(reverse("programs:home"))
    assert home.status_code == 403 and "Program baru" not in home.content.decode()


def test_plain_anggota_cannot_create_a_program(client, program, households):
    """A resident added to the running organisation as a plain anggota created a program; now 403, nothing made."""
    anggota = _member_of(program.organization, "anggota", MemberRole.MEMBER, role="resident",
                         person=households["A"][1])  # fmt: skip
    client.force_login(anggota)
    assert client.get(reverse("programs:create")).status_code == 403
    assert client.post(reverse("programs:create"), _new_program(program)).status_code == 403
    assert not Program.objects.filter(name="Pelatihan sablon").exists()
    with pytest.raises(ValidationError, match="tidak berwenang"):
        services.create_program(name="Pelatihan sablon", kind="keterampilan", organization=program.organization,
                                area=program.area, acting_user=anggota)  # fmt: skip


def test_ketua_and_pengelola_run_their_organisations_programs(client, cohort, households):
    program = cohort.program
    for role, status in ((MemberRole.CHAIR, 200), (MemberRole.MANAGER, 200), (MemberRole.SECRETARY, 403),
                         (MemberRole.STAFF, 403)):  # fmt: skip
        user = _member_of(program.organization, f"dinsos-{role}", role, role="org_staff")
        client.force_login(user)
        assert client.get(reverse("programs:detail", args=[program.pk])).status_code == 200, role
        assert client.get(reverse("programs:create")).status_code == status, role
        cohort_page = client.get(reverse("programs:cohort", args=[cohort.public_id])).content.decode()
        assert ("Tambah pertemuan" in cohort_page or "Daftarkan" in cohort_page) == (status == 200), role
    ketua = User.objects.get(username=f"dinsos-{MemberRole.CHAIR}")
    client.force_login(ketua)
    assert client.post(reverse("programs:create"), _new_program(program)).status_code == 302
    assert Program.objects.get(name="Pelatihan sablon").organization == program.organization


def test_session_attendance_changes_only_the_participants_the_user_sees(cohort, households, city_officer,
                                                                       facilitator):  # fmt: skip
    andi, budi = (services.enrol(cohort, person=households[n][1], enrolled_on=cohort.starts_on,
                                 acting_user=city_officer) for n in "AB")  # fmt: skip
    session = services.add_session(cohort, held_on=datetime.date(2025, 1, 13), topic="Pola", hours=2,
                                   acting_user=city_officer)  # fmt: skip
    services.record_session_attendance(session, present_enrolments=[andi, budi], acting_user=city_officer)
    # Budi's enrolment is out of the facilitator's view (a stand-in for a participant from another village).
    type(budi).objects.filter(pk=budi.pk).update(area_code="21.72.01.1001")
    services.record_session_attendance(session, present_enrolments=[], acting_user=facilitator)
    assert list(SessionAttendance.objects.filter(session=session).values_list("enrolment_id", flat=True)) == [budi.pk]
