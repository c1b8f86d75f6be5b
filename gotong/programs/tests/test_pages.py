import csv
import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from gotong.programs import services
from gotong.programs.models import Enrolment


def test_pages_per_persona(client, cohort, households, city_officer, facilitator, other_facilitator, partner,
                           admin_user):  # fmt: skip
    program = cohort.program
    urls = [reverse("programs:detail", args=[program.pk]), reverse("programs:cohort", args=[cohort.public_id])]
    for user, status in ((city_officer, 200), (facilitator, 200), (admin_user, 200), (other_facilitator, 404),
                         (partner, 404)):  # fmt: skip
        client.force_login(user)
        home = client.get(reverse("programs:home")).content.decode()
        assert ("Pelatihan menjahit" in home) == (status == 200), user
        for url in urls:
            assert client.get(url).status_code == status, (user, url)
    client.force_login(partner)
    assert client.get(reverse("programs:left-out")).status_code == 403


def test_enrol_attendance_and_outcome_pages(client, cohort, households, facilitator):
    client.force_login(facilitator)
    url = reverse("programs:cohort", args=[cohort.public_id])
    html = client.get(url).content.decode()
    assert "Daftarkan" in html and "Peserta baru" in html
    person = households["A"][1]
    assert client.post(url, {"enrol": str(person.public_id)}).status_code == 302
    enrolment = Enrolment.objects.get(person=person)
    session = services.add_session(cohort, held_on=datetime.date(2025, 1, 20), topic="Pola", hours=2,
                                   acting_user=facilitator)  # fmt: skip
    attend = reverse("programs:session-attendance", args=[session.pk])
    assert client.post(attend, {"enrolment": [enrolment.pk]}).status_code == 302
    assert session.attendance.count() == 1
    outcome = reverse("programs:outcome", args=[enrolment.public_id])
    bad = client.post(outcome, {"status": "lulus", "income_before": "1.500.000,5", "income_after": "2000000"})
    assert "tanpa sen" in bad.content.decode()
    ok = client.post(outcome, {"status": "lulus", "certified": "on", "income_before": "1.500.000",
                               "income_after": "2000000"})  # fmt: skip
    assert ok.status_code == 302
    html = client.get(reverse("programs:detail", args=[cohort.program.pk])).content.decode()
    assert "Rp500.000" in html and "100.0%" in html.replace(",", ".")


def test_left_out_page_and_exports(client, cohort, households, facilitator):
    services.enrol(cohort, person=households["C"][1], enrolled_on=cohort.starts_on, acting_user=facilitator)
    client.force_login(facilitator)
    url = reverse("programs:left-out")
    html = client.get(url, {"max_decile": "3"}).content.decode()
    assert "Kepala A" in html and "Kepala E" in html and "Kepala C" not in html and "Kepala D" not in html
    full_kk = households["A"][0].family_card_number
    assert full_kk not in html
    response = client.get(url, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "No. KK" and [r[1] for r in rows[1:]] == ["Kepala A", "Kepala E", "Kepala B", "Kepala D"]
    assert all(full_kk not in ";".join(r) for r in rows)
    book = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx", "max_decile": "2"}).content))
    sheet = book.active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Kepala A", "Kepala E"]


def test_resident_sees_no_program_records(client, cohort, households):
    from gotong.accounts.models import User

    resident = User.objects.create_user(username="warga", password="x", role="resident", person=households["A"][1])
    officer = User.objects.get(username="siti")
    services.enrol(cohort, person=households["A"][1], enrolled_on=cohort.starts_on, acting_user=officer)
    client.force_login(resident)
    assert "Pelatihan menjahit" not in client.get(reverse("programs:home")).content.decode()
    assert client.get(reverse("programs:cohort", args=[cohort.public_id])).status_code == 404
    assert client.get(reverse("programs:left-out")).status_code == 403
