"""Pages per persona: who sees the bank, who records, and what a double submit does."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.ledger.services import balance
from gotong.wastebank import services
from gotong.wastebank.models import Deposit, Withdrawal

from .conftest import JAN, key

FEB = datetime.date(2026, 2, 10)


@pytest.fixture
def history(bank, staff, categories, member):
    services.record_cash_in(bank, source="Hibah", amount=300_000, occurred_on=JAN, key=key(), acting_user=staff)
    services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 2_350), (categories["besi"], 10_000)],
        key=key(), acting_user=staff,
    )  # fmt: skip
    services.record_sale(
        bank, buyer="UD Deli Jaya", occurred_on=FEB, lines=[(categories["pet"], 2_350, 4_000)], key=key(),
        acting_user=staff,
    )  # fmt: skip
    services.record_withdrawal(bank, member=member, occurred_on=FEB, amount=20_000, key=key(), acting_user=staff)
    return member


def _urls(bank, member):
    return [
        reverse("wastebank:bank", args=[bank.pk]),
        reverse("wastebank:members", args=[bank.pk]),
        reverse("wastebank:prices", args=[bank.pk]),
        reverse("wastebank:report", args=[bank.pk]) + "?bulan=2026-02",
        reverse("wastebank:cash-book", args=[bank.pk]),
        reverse("wastebank:member", args=[member.public_id]),
        reverse("wastebank:passbook-pdf", args=[member.public_id]),
    ]


@pytest.mark.parametrize("persona", ["staff", "city_officer", "facilitator", "admin_user"])
def test_bank_pages_open_for_those_in_scope(client, request, bank, history, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in _urls(bank, history):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["other_facilitator", "partner"])
def test_bank_pages_hidden_outside_scope(client, request, bank, history, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in _urls(bank, history):
        assert client.get(url).status_code == 404, url
    page = client.get(reverse("wastebank:home"))
    # A partner has no `wastebank.view` at all: the module refuses; another city's pendamping sees no bank here.
    assert page.status_code == (403 if persona == "partner" else 200)
    assert "Halimah" not in page.content.decode() and "Bugis Bersih" not in page.content.decode()


def test_resident_sees_only_own_passbook(client, bank, staff, history, resident):
    from gotong.registry.tests.factories import PersonFactory

    neighbour = services.register_member(bank, person=PersonFactory(name="Tetangga"), acting_user=staff)
    client.force_login(resident)
    home = client.get(reverse("wastebank:home"))
    assert home.status_code == 302 and home.url == reverse("wastebank:member", args=[history.public_id])
    page = client.get(home.url)
    assert page.status_code == 200
    assert "Rp8.225" in page.content.decode() or "8.225" in page.content.decode()
    assert client.get(reverse("wastebank:member", args=[neighbour.public_id])).status_code == 404
    assert client.get(reverse("wastebank:bank", args=[bank.pk])).status_code == 404
    assert client.get(reverse("wastebank:deposit-create", args=[bank.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["city_officer", "facilitator"])
def test_area_workers_see_but_do_not_record(client, request, bank, history, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("wastebank:deposit-create", args=[bank.pk])).status_code == 403
    page = client.get(reverse("wastebank:bank", args=[bank.pk])).content.decode()
    assert "Catat setoran" not in page


def test_staff_records_deposit_once_on_double_submit(client, bank, staff, categories, member):
    client.force_login(staff)
    url = reverse("wastebank:deposit-create", args=[bank.pk])
    form = client.get(url + f"?anggota={member.public_id}")
    assert "Rp3.500" in form.content.decode()  # the day's price is shown
    request_key = form.context["form"].initial["request_key"]
    data = {
        "request_key": request_key, "member": member.pk, "occurred_on": "2026-02-10",
        f"kg_{categories['pet'].pk}": "2,35", f"kg_{categories['kardus'].pk}": "1.5",
    }  # fmt: skip
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first.url == reverse("wastebank:member", args=[member.public_id])
    assert Deposit.objects.count() == 1
    assert balance(member.account) == 8_225 + 3_000
    passbook = client.get(first.url).content.decode()
    assert "11.225" in passbook


def test_deposit_form_errors_are_specific(client, bank, staff, categories, member):
    client.force_login(staff)
    url = reverse("wastebank:deposit-create", args=[bank.pk])
    data = {
        "request_key": key(),
        "member": member.pk,
        "occurred_on": "2026-02-10",
        f"kg_{categories['pet'].pk}": "2.350,5",
    }
    page = client.post(url, data)
    assert "satu tanda desimal" in page.content.decode()
    data[f"kg_{categories['pet'].pk}"] = ""
    assert "sedikitnya satu jenis" in client.post(url, data).content.decode()
    data[f"kg_{categories['pet'].pk}"] = "1"
    data["occurred_on"] = "2025-06-01"
    assert "belum punya harga" in client.post(url, data).content.decode()
    assert not Deposit.objects.exists()


def test_withdrawal_refused_with_available_balance(client, bank, staff, history):
    client.force_login(staff)
    url = reverse("wastebank:withdrawal-create", args=[bank.pk])
    data = {"request_key": key(), "member": history.pk, "occurred_on": "2026-02-11", "kind": "cash", "amount": "50.000"}
    page = client.post(url, data).content.decode()
    assert "tidak cukup" in page and "Rp28.225" in page
    data["amount"] = "28.225"
    assert client.post(url, data).status_code == 302
    assert Withdrawal.objects.filter(amount=28_225).exists()


def test_price_fragment_follows_the_date(client, bank, staff, categories):
    services.set_price(categories["pet"], price_per_kg=4_100, valid_from=FEB, acting_user=staff)
    client.force_login(staff)
    url = reverse("wastebank:price-box", args=[bank.pk])
    assert "Rp3.500" in client.get(url + "?occurred_on=2026-01-20").content.decode()
    assert "Rp4.100" in client.get(url + "?occurred_on=2026-02-20").content.decode()


def test_cancel_from_receipt(client, bank, staff, categories, member):
    deposit = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 1_000)], key=key(), acting_user=staff
    )
    client.force_login(staff)
    url = reverse("wastebank:record", args=["setoran", deposit.public_id])
    assert "Batalkan catatan ini" in client.get(url).content.decode()
    client.post(reverse("wastebank:record-cancel", args=["setoran", deposit.public_id]),
                {"request_key": key(), "reason": "Salah anggota"})  # fmt: skip
    deposit.refresh_from_db()
    assert deposit.is_cancelled
    assert balance(member.account) == 0


def test_report_pdf_and_xlsx(client, bank, staff, history):
    client.force_login(staff)
    page = client.get(reverse("wastebank:report", args=[bank.pk]) + "?bulan=2026-02")
    report = page.context["report"]
    assert report.deposited_grams == 12_350 and report.deposited_value == 8_225 + 40_000
    assert report.sold_value == 9_400 and report.members_active == 1
    assert report.cash_open == 300_000 and report.cash_close == 300_000 + 9_400 - 20_000
    assert report.savings_close == 48_225 - 20_000
    pdf = client.get(reverse("wastebank:report-pdf", args=[bank.pk]) + "?bulan=2026-02")
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    text = pages[0].extract_text()
    assert "Botol PET" in text and "12,35" in text and len(pages) == 1
    xlsx = client.get(reverse("wastebank:report-xlsx", args=[bank.pk]) + "?bulan=2026-02")
    sheet = load_workbook(io.BytesIO(xlsx.content))["Ringkasan"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Kas akhir bulan (Rp)"] == 289_400


def test_passbook_pdf_masks_nik(client, bank, staff, history):
    client.force_login(staff)
    pdf = client.get(reverse("wastebank:passbook-pdf", args=[history.public_id]))
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    assert "Halimah" in text and "28.225" in text
    assert history.person.nik not in text


def test_register_member_from_registry(client, bank, staff):
    from gotong.registry.tests.factories import PersonFactory

    person = PersonFactory(name="Rukiah")
    client.force_login(staff)
    url = reverse("wastebank:members", args=[bank.pk])
    form = client.get(url).context["form"]
    # The picker searches the bank's kecamatan for the staff's scope: Rukiah is found by the start of her name.
    found = client.get(form.fields["person"].widget.search_url + "&q=ruk").content.decode()
    assert "Rukiah" in found and str(person.public_id) in found
    response = client.post(url, {"person": str(person.public_id), "joined_on": "2026-01-05"})
    assert response.status_code == 302
    assert bank.members.get().person == person


def test_member_list_pages_by_number_without_counting(client, bank, staff, settings):
    """A city's large bank has thousands of members: the list shows a page at a time, the export holds them all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gotong.registry.tests.factories import PersonFactory

    settings.GOTONG_PAGE_SIZE = 3
    for n in range(5):
        services.register_member(bank, person=PersonFactory(name=f"Anggota {n}"), joined_on=JAN, acting_user=staff)
    client.force_login(staff)
    url = reverse("wastebank:members", args=[bank.pk])
    with CaptureQueriesContext(connection) as captured:
        first = client.get(url)
    assert not any("COUNT(" in q["sql"] and "wastebank_member" in q["sql"] for q in captured)
    assert [m.number for m in first.context["members"]] == sorted(m.number for m in bank.members.all())[:3]
    assert first.context["members"].has_next() and 'rel="next"' in first.content.decode()
    second = client.get(url, {"page": 2}).context["members"]
    assert len(second) == 2 and not second.has_next()
    export = reverse("exports:download", kwargs={"key": "wastebank.members", "fmt": "csv"})
    rows = client.get(export, {"bank_id": bank.pk})
    assert rows.status_code == 200 and rows.content.decode("utf-8-sig").count("Anggota ") == 5
