"""Passwords: every user changes their own; a city officer resets the accounts inside their work areas (never a
superuser's, never another city officer's) with a temporary password that must be replaced at the next login;
e-mail reset exists only where mail is configured."""

import re

import pytest
from django.core import mail

from gotong.accounts import managed
from gotong.accounts.models import User
from gotong.accounts.testing import urls_with_mail
from gotong.core.policy import can

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post("/akun/masuk/", {"username": username, "password": password})


def test_every_user_changes_their_own_password_from_the_account_menu(client, facilitator):
    client.force_login(facilitator)
    page = client.get("/api/token/").content.decode()
    assert "/akun/kata-sandi/" in page  # the account menu of every page
    wrong = client.post(
        "/akun/kata-sandi/", {"old_password": "salah", "new_password1": "Kampung-Bugis-2026", "new_password2": "x"}
    )
    assert wrong.status_code == 200 and "is-invalid" in wrong.content.decode()
    done = client.post(
        "/akun/kata-sandi/",
        {"old_password": "rahasia-123", "new_password1": "Kampung-Bugis-2026", "new_password2": "Kampung-Bugis-2026"},
    )
    assert done.status_code == 302
    facilitator.refresh_from_db()
    assert facilitator.check_password("Kampung-Bugis-2026")
    # Still signed in after the change (the session follows the new password).
    assert client.get("/akun/kata-sandi/").status_code == 200


def test_the_password_page_needs_a_login(client):
    assert client.get("/akun/kata-sandi/")["Location"].startswith("/akun/masuk/")


def test_an_officer_manages_the_accounts_inside_their_city_only(city_officer, facilitator, other_facilitator, cadre):
    mine = managed.managed_accounts(city_officer)
    assert facilitator in mine and cadre in mine
    assert other_facilitator not in mine  # Palembang
    assert can(city_officer, "accounts.manage", managed.place_of_account(facilitator))
    assert not can(city_officer, "accounts.manage", managed.place_of_account(other_facilitator))


def test_no_officer_manages_a_superuser_or_another_city_officer(city_officer, admin_user, areas):
    colleague = User.objects.create_user("tono", password="rahasia-123", role="city_officer")
    colleague.work_assignments.create(area=areas["21.72.03"])
    assert not managed.may_manage(city_officer, colleague)
    assert not managed.may_manage(city_officer, admin_user)
    assert colleague not in managed.managed_accounts(city_officer)
    assert managed.may_manage(admin_user, colleague)  # a superuser manages officers
    assert admin_user not in managed.managed_accounts(admin_user)


def test_an_account_spanning_an_outside_area_is_not_the_officers(city_officer, facilitator, areas):
    facilitator.work_assignments.create(area=areas["16.71.11.1005"])  # also Palembang
    assert not managed.may_manage(city_officer, facilitator)


def test_facilitators_and_residents_manage_no_one(client, facilitator, cadre):
    client.force_login(facilitator)
    assert client.get("/akun/pengguna/").status_code == 403
    assert client.post(f"/akun/pengguna/{cadre.pk}/atur-ulang/").status_code == 403
    cadre.refresh_from_db()
    assert cadre.check_password("rahasia-123")


def test_reset_gives_a_temporary_password_once_and_forces_a_new_one_at_login(client, city_officer, cadre):
    client.force_login(city_officer)
    listing = client.get("/akun/pengguna/").content.decode()
    assert f"/akun/pengguna/{cadre.pk}/atur-ulang/" in listing
    assert "/akun/pengguna/" in client.get("/akun/kata-sandi/").content.decode()  # in the account menu
    response = client.post(f"/akun/pengguna/{cadre.pk}/atur-ulang/")
    temporary = response.context["password"]
    assert temporary in response.content.decode()
    assert temporary not in client.get(f"/akun/pengguna/{cadre.pk}/atur-ulang/").content.decode()
    cadre.refresh_from_db()
    assert cadre.must_change_password and cadre.check_password(temporary)
    assert not cadre.check_password("rahasia-123")

    client.logout()
    assert _login(client, "kader", temporary)["Location"] == "/akun/kata-sandi/"
    # Every other page sends the user back until they choose their own password.
    assert client.get("/posyandu/")["Location"] == "/akun/kata-sandi/"
    form = client.get("/akun/kata-sandi/")
    assert form.status_code == 200 and "kata sandi sementara" in form.content.decode()
    client.post(
        "/akun/kata-sandi/",
        {"old_password": temporary, "new_password1": "Posyandu-Kenanga-7", "new_password2": "Posyandu-Kenanga-7"},
    )
    cadre.refresh_from_db()
    assert not cadre.must_change_password
    assert client.get("/posyandu/").status_code == 200


def test_an_officer_cannot_reset_an_account_outside_their_areas(client, city_officer, other_facilitator, admin_user):
    client.force_login(city_officer)
    assert client.post(f"/akun/pengguna/{other_facilitator.pk}/atur-ulang/").status_code == 403
    assert client.post(f"/akun/pengguna/{admin_user.pk}/atur-ulang/").status_code == 404
    other_facilitator.refresh_from_db()
    assert other_facilitator.check_password("rahasia-123") and not other_facilitator.must_change_password


def test_reset_lifts_a_lockout_from_failed_logins(client, city_officer, facilitator, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "budi", "salah")
    officer = type(client)()
    officer.force_login(city_officer)
    temporary = officer.post(f"/akun/pengguna/{facilitator.pk}/atur-ulang/").context["password"]
    assert _login(client, "budi", temporary)["Location"] == "/akun/kata-sandi/"


@pytest.fixture
def mail_urls(settings):
    """The URLs as a server with EMAIL_HOST set builds them (they are left out without it)."""
    with urls_with_mail(settings):
        yield


def test_without_mail_there_is_no_email_reset(client, settings, areas):
    assert not settings.EMAIL_HOST
    assert client.get("/akun/lupa-kata-sandi/").status_code == 404
    page = client.get("/akun/masuk/").content.decode()
    assert "/akun/lupa-kata-sandi/" not in page and "petugas" in page


def test_with_mail_a_user_resets_their_password_by_email(client, mail_urls, facilitator):
    facilitator.email = "budi@example.id"
    facilitator.must_change_password = True
    facilitator.save()
    assert "/akun/lupa-kata-sandi/" in client.get("/akun/masuk/").content.decode()
    response = client.post("/akun/lupa-kata-sandi/", {"email": "budi@example.id"})
    assert response["Location"] == "/akun/lupa-kata-sandi/terkirim/"
    assert len(mail.outbox) == 1 and "Gotong" in mail.outbox[0].subject
    link = next(line for line in mail.outbox[0].body.splitlines() if "/akun/lupa-kata-sandi/" in line).strip()
    form = client.get(link, follow=True)
    assert form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Kampung-Bugis-2026", "new_password2": "Kampung-Bugis-2026"}
    )
    assert done["Location"] == "/akun/lupa-kata-sandi/selesai/"
    facilitator.refresh_from_db()
    assert facilitator.check_password("Kampung-Bugis-2026") and not facilitator.must_change_password


def test_the_reset_mail_is_indonesian_and_its_link_works_once(client, mail_urls, facilitator):
    facilitator.email = "budi@example.id"
    facilitator.save()
    client.post("/akun/lupa-kata-sandi/", {"email": "budi@example.id"})
    message = mail.outbox[0]
    assert message.to == ["budi@example.id"]
    assert message.subject == "Atur ulang kata sandi Gotong"
    assert "Halo budi" in message.body and "kata sandi baru" in message.body and "Abaikan" in message.body
    link = next(line for line in message.body.splitlines() if "/akun/lupa-kata-sandi/" in line).strip()
    form = client.get(link, follow=True)
    chosen = {"new_password1": "Kampung-Bugis-2026", "new_password2": "Kampung-Bugis-2026"}
    client.post(form.redirect_chain[-1][0], chosen)

    # The same link a second time (a forwarded mail, a browser's history): refused in Indonesian, password kept.
    again = client.get(link, follow=True)
    assert not again.context["validlink"]
    page = again.content.decode()
    assert 'lang="id"' in page and "new_password1" not in page
    client.post(
        again.redirect_chain[-1][0] if again.redirect_chain else link,
        {"new_password1": "Orang-Lain-2026", "new_password2": "Orang-Lain-2026"},
    )
    facilitator.refresh_from_db()
    assert facilitator.check_password("Kampung-Bugis-2026")


def _per_response(response) -> str:
    return re.sub(r'(nonce|value|content)="[^"]*"|"X-CSRFToken": "[^"]*"', "", response.content.decode())


def test_the_reset_page_does_not_tell_whether_an_address_has_an_account(client, mail_urls, facilitator):
    facilitator.email = "budi@example.id"
    facilitator.save()
    known = client.post("/akun/lupa-kata-sandi/", {"email": "budi@example.id"}, follow=True)
    unknown = client.post("/akun/lupa-kata-sandi/", {"email": "tidak-ada@example.id"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [("/akun/lupa-kata-sandi/terkirim/", 302)]
    # The same page, but for what differs on every response anyway (the script nonce, the CSRF token).
    assert _per_response(known) == _per_response(unknown)
    assert len(mail.outbox) == 1  # only the real account got a mail


def test_the_list_reads_each_relation_once(
    client, city_officer, cadre, facilitator, areas, django_assert_max_num_queries
):
    for number in range(5):
        user = User.objects.create_user(f"warga{number}", password="rahasia-123", role="facilitator")
        user.work_assignments.create(area=areas["21.72.03.1005"])
    client.force_login(city_officer)
    with django_assert_max_num_queries(15):
        page = client.get("/akun/pengguna/").content.decode()
    assert "warga4" in page and "kader" in page
