"""Work-area assignment: city officers hand out areas inside their own city, audited."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from gotong.areas.models import WorkAssignment

URL = reverse("areas:assignments")


@pytest.fixture
def newcomer(areas):
    from gotong.accounts.models import User

    return User.objects.create_user("andi", password="x", role="facilitator", first_name="Andi")


def test_city_officer_assigns_inside_own_city(client, city_officer, newcomer):
    client.force_login(city_officer)
    response = client.post(URL, {"user": newcomer.pk, "area": "21.72.01.1001"})
    assert response.status_code == 302
    assignment = WorkAssignment.objects.get(user=newcomer)
    assert assignment.area.code == "21.72.01.1001"
    assert assignment.assigned_by == city_officer
    entry = LogEntry.objects.get_for_object(assignment).get()
    assert entry.actor == city_officer
    assert entry.action == LogEntry.Action.CREATE


def test_area_can_be_given_by_name(client, city_officer, newcomer):
    client.force_login(city_officer)
    client.post(URL, {"user": newcomer.pk, "area": "Kampung Bugis"})
    assert WorkAssignment.objects.get(user=newcomer).area.code == "21.72.03.1005"


def test_cannot_assign_outside_own_scope(client, city_officer, newcomer):
    client.force_login(city_officer)
    before = LogEntry.objects.count()
    response = client.post(URL, {"user": newcomer.pk, "area": "16.71.11.1005"})
    assert response.status_code == 200
    assert "di luar wilayah kerja Anda" in response.content.decode()
    assert not WorkAssignment.objects.filter(user=newcomer).exists()
    assert LogEntry.objects.count() == before


def test_unknown_code_and_ambiguous_name_are_explained(client, city_officer, newcomer):
    client.force_login(city_officer)
    html = client.post(URL, {"user": newcomer.pk, "area": "21.72.99"}).content.decode()
    assert "Kode wilayah 21.72.99 tidak dikenal." in html
    html = client.post(URL, {"user": newcomer.pk, "area": "Tanjung"}).content.decode()
    assert "Beberapa wilayah cocok" in html
    assert not WorkAssignment.objects.filter(user=newcomer).exists()


def test_only_staff_roles_can_be_assigned(client, city_officer, partner):
    client.force_login(city_officer)
    html = client.post(URL, {"user": partner.pk, "area": "21.72.03.1005"}).content.decode()
    assert "Pengguna ini tidak bisa diberi wilayah kerja." in html
    assert not WorkAssignment.objects.filter(user=partner).exists()


def test_list_shows_assignments_inside_scope_only(client, city_officer, facilitator, other_facilitator):
    client.force_login(city_officer)
    response = client.get(URL)
    users = [row["user"] for row in response.context["page"]]
    assert facilitator in users
    assert other_facilitator not in users  # Rina works in Palembang


def test_city_officer_removes_an_assignment(client, city_officer, facilitator):
    assignment = WorkAssignment.objects.get(user=facilitator)
    client.force_login(city_officer)
    response = client.post(reverse("areas:assignment-remove", args=[assignment.pk]))
    assert response.status_code == 302
    assert not WorkAssignment.objects.filter(user=facilitator).exists()
    entry = LogEntry.objects.filter(action=LogEntry.Action.DELETE).get()
    assert entry.actor == city_officer


def test_cannot_remove_assignment_outside_scope(client, city_officer, other_facilitator):
    assignment = WorkAssignment.objects.get(user=other_facilitator)
    client.force_login(city_officer)
    # Work areas are no secret, but Palembang's are not Siti's to hand out or take away.
    assert client.post(reverse("areas:assignment-remove", args=[assignment.pk])).status_code == 403
    assert WorkAssignment.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("persona", ["facilitator", "partner"])
def test_others_get_403(client, request, persona, facilitator):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"user": facilitator.pk, "area": "21.72.03.1005"}).status_code == 403
    assignment = WorkAssignment.objects.get(user=facilitator)
    assert client.post(reverse("areas:assignment-remove", args=[assignment.pk])).status_code == 403


def test_superuser_assigns_anywhere(client, admin_user, newcomer):
    client.force_login(admin_user)
    client.post(URL, {"user": newcomer.pk, "area": "16.71.11.1005"})
    assert WorkAssignment.objects.get(user=newcomer).area.code == "16.71.11.1005"


def test_officer_cannot_remove_own_assignment(client, city_officer):
    assignment = WorkAssignment.objects.get(user=city_officer)
    client.force_login(city_officer)
    response = client.post(reverse("areas:assignment-remove", args=[assignment.pk]), follow=True)
    assert "tidak bisa mencabut wilayah kerja Anda sendiri" in response.content.decode()
    assert WorkAssignment.objects.filter(pk=assignment.pk).exists()


def test_picker_lists_only_whom_the_officer_may_assign(client, city_officer, newcomer, facilitator, other_facilitator):
    """Siti's picker listed every user in the country: now only Tanjungpinang's staff and those without an area."""
    client.force_login(city_officer)
    choices = set(client.get(URL).context["form"].fields["user"].queryset)
    assert {newcomer, facilitator} <= choices
    assert other_facilitator not in choices  # Rina works in Palembang
    assert not any(user.is_superuser for user in choices)
    html = client.get(URL).content.decode()
    assert "rina" not in html


def test_posted_user_from_another_city_or_a_superuser_is_refused(client, city_officer, other_facilitator, admin_user):
    client.force_login(city_officer)
    for user in (other_facilitator, admin_user):
        html = client.post(URL, {"user": user.pk, "area": "21.72.03.1005"}).content.decode()
        assert "Pengguna ini tidak bisa diberi wilayah kerja." in html
        assert not WorkAssignment.objects.filter(user=user, area__code="21.72.03.1005").exists()


def test_service_refuses_the_same_without_the_form(city_officer, other_facilitator, newcomer):
    from django.core.exceptions import PermissionDenied, ValidationError

    from gotong.areas.models import Area
    from gotong.areas.services import assign_work_area

    with pytest.raises(ValidationError):
        assign_work_area(other_facilitator, Area.objects.get(code="21.72.03.1005"), acting_user=city_officer)
    with pytest.raises(PermissionDenied):
        assign_work_area(newcomer, Area.objects.get(code="16.71.11.1005"), acting_user=city_officer)
    assert not WorkAssignment.objects.filter(user=newcomer).exists()
    assert not WorkAssignment.objects.filter(user=other_facilitator, area__code__startswith="21.72").exists()
