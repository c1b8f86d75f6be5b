"""Statement pages, PDF and XLSX per persona; the close form; the treasurer's home page."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.accounts.models import User
from gotong.organizations.choices import MemberRole
from gotong.organizations.services import add_member as add_org_member
from gotong.treasury.models import MonthClose
from gotong.treasury.tests.conftest import person_in

pytestmark = pytest.mark.django_db

JANUARY = "?periode=2026-01"


@pytest.fixture
def plain_member(two_months, cempako_rt, admin_user):
    """A resident who is a plain anggota of the group: reads the statements, closes nothing."""
    person = person_in(cempako_rt, "Siti Aminah")
    user = User.objects.create_user(username="siti", password="x", role="resident", person=person)
    add_org_member(two_months, user=user, person=person, role=MemberRole.MEMBER,
                   started_on=datetime.date(2025, 1, 1), acting_user=admin_user)  # fmt: skip
    return user


def _key_from(response) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', response.content.decode()).group(1)


def test_member_reads_statements_but_cannot_close(client, plain_member, two_months):
    client.force_login(plain_member)
    page = client.get(reverse("treasury:statements", args=[two_months.pk]) + JANUARY)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Rp365.000" in text and "Rp4.865.000" in text and "Sisa hasil usaha (SHU)" in text
    assert "Rahmawati" not in text  # aggregates only
    assert 'data-status="open"' in text  # January is not signed off yet: provisional figures
    close_url = reverse("treasury:month-close", args=[two_months.pk])
    assert client.get(close_url).status_code == 403
    posted = {"month": "2026-01", "counted_cash": "365000", "idempotency_key": "k"}
    assert client.post(close_url, posted).status_code == 403
    assert not MonthClose.objects.exists()
    # The summary a member sees links to the statements.
    summary = client.get(reverse("treasury:summary", args=[two_months.pk])).content.decode()
    assert reverse("treasury:statements", args=[two_months.pk]) in summary


def test_partner_reads_statements_of_totals(client, partner, two_months):
    client.force_login(partner)
    page = client.get(reverse("treasury:statements", args=[two_months.pk]) + JANUARY)
    assert page.status_code == 200 and "Rahmawati" not in page.content.decode()
    assert client.get(reverse("treasury:month-close", args=[two_months.pk])).status_code == 403


def test_treasurer_closes_january_then_statements_say_who(client, treasurer, two_months):
    client.force_login(treasurer)
    url = reverse("treasury:month-close", args=[two_months.pk])
    form = client.get(url)
    assert "Tutup buku Januari 2026" in form.content.decode() and "Rp365.000" in form.content.decode()
    # A count that differs with no explanation: a specific error, nothing saved, the typed count kept.
    bad = client.post(url, {"month": "2026-01", "counted_cash": "360.000", "idempotency_key": _key_from(form)})
    assert bad.status_code == 200 and "jelaskan selisihnya" in bad.content.decode()
    assert 'value="360.000"' in bad.content.decode() and not MonthClose.objects.exists()
    done = client.post(url, {"month": "2026-01", "counted_cash": "360.000", "explanation": "Uang receh hilang",
                             "idempotency_key": _key_from(form)})  # fmt: skip
    assert done.status_code == 302 and done["Location"].endswith("?periode=2026-01")
    close = MonthClose.objects.get()
    assert (close.book_cash, close.counted_cash, close.difference) == (365_000, 360_000, -5_000)
    # The same form sent again (a double tap, a retry) answers with the first close, never an error page.
    replay = client.post(url, {"month": "2026-01", "counted_cash": "360.000", "explanation": "Uang receh hilang",
                               "idempotency_key": _key_from(form)})  # fmt: skip
    assert replay.status_code == 302 and replay["Location"] == done["Location"]
    assert MonthClose.objects.count() == 1
    page = client.get(done["Location"]).content.decode()
    assert 'data-status="closed"' in page and "Januari 2026 ditutup oleh bendahara" in page
    assert "Uang receh hilang" in page
    # The next month to close is February.
    assert "Tutup buku Februari 2026" in client.get(url).content.decode()


def test_pdf_and_xlsx_hold_the_figures(client, treasurer, two_months):
    client.force_login(treasurer)
    pdf = client.get(reverse("treasury:statements-pdf", args=[two_months.pk]) + JANUARY)
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for figure in ("Rp365.000", "Rp2.165.000", "Rp1.800.000", "Rp4.715.000", "Rp4.865.000", "Januari 2026"):
        assert figure in text, figure
    assert "belum ditutup" in text
    xlsx = client.get(reverse("treasury:statements-xlsx", args=[two_months.pk]) + JANUARY)
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cash = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert cash["Pinjaman disalurkan"] == 1_500_000 and cash["Saldo kas akhir (31 Jan 2026)"] == 365_000
    surplus = {row[0]: row[1] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert surplus["Sisa hasil usaha (SHU)"] == 4_715_000
    sheet = {row[0]: row[1] for row in workbook.worksheets[2].iter_rows(min_row=2, values_only=True)}
    assert sheet["Jumlah aset"] == sheet["Jumlah kewajiban dan ekuitas"] == 4_865_000


def test_bad_period_falls_back_to_the_default(client, treasurer, two_months):
    client.force_login(treasurer)
    page = client.get(reverse("treasury:statements", args=[two_months.pk]) + "?periode=2026-13")
    assert page.status_code == 200


def test_treasurer_home_shows_the_month_to_close(client, treasurer, two_months):
    client.force_login(treasurer)
    home = client.get("/").content.decode()
    assert 'data-action="month-close"' in home and "Tutup buku Januari 2026" in home
    assert "Belum ada bulan yang ditutup" in home


def test_xlsx_of_a_group_that_shares_no_surplus(client, treasurer, cempako):
    """No savings members: the surplus is "Surplus / defisit", a name Excel would refuse for a sheet."""
    client.force_login(treasurer)
    xlsx = client.get(reverse("treasury:statements-xlsx", args=[cempako.pk]) + JANUARY)
    assert xlsx.status_code == 200
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames == ["Arus kas", "Surplus", "Neraca", "Tutup buku"]
    rows = {row[0]: row[1] for row in workbook["Surplus"].iter_rows(min_row=2, values_only=True)}
    assert rows["Surplus / defisit"] == 0
