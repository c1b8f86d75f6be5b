"""The upload page: editors within their work area only, NIK masked on screen, report and templates."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gotong.registry.models import Household
from gotong.registry.tests.test_import_support import family, kk, write_csv, write_xlsx

pytestmark = pytest.mark.django_db
URL = reverse("registry:import")


def upload(client, path, **flags):
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), **{k: "on" for k, v in flags.items() if v}}
    return client.post(URL, data)


def test_facilitator_imports_a_file_in_their_village(client, facilitator, tmp_path):
    client.force_login(facilitator)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Periksa saja (dry run)" in page.text and "Simpan baris yang valid" in page.text

    response = upload(client, write_xlsx(tmp_path / "kk.xlsx", family(1) + family(2)))
    assert response.status_code == 200
    assert Household.objects.count() == 2
    assert "Semua baris disimpan." in response.text
    assert "Unduh laporan" not in response.text  # nothing to report


def test_rows_outside_the_facilitators_area_are_refused(client, facilitator, tmp_path):
    client.force_login(facilitator)
    rows = family(1) + family(2, kode_wilayah="21.72.03.1001")
    response = upload(client, write_csv(tmp_path / "kk.csv", rows))
    assert "Wilayah di luar wilayah kerja Anda." in response.text
    assert "Tidak ada yang disimpan" in response.text
    assert not Household.objects.exists()

    response = upload(client, write_csv(tmp_path / "kk.csv", rows), skip_invalid=True)
    assert list(Household.objects.values_list("family_card_number", flat=True)) == [kk(1)]


def test_city_officer_may_import_anywhere_in_the_city(client, city_officer, tmp_path):
    client.force_login(city_officer)
    rows = family(1) + family(2, kode_wilayah="21.72.03.1001")
    upload(client, write_csv(tmp_path / "kk.csv", rows))
    assert Household.objects.count() == 2
    rows = family(3, kode_wilayah="16.71.11.1005")
    response = upload(client, write_csv(tmp_path / "kk.csv", rows))
    assert "Wilayah di luar wilayah kerja Anda." in response.text
    assert Household.objects.count() == 2


def test_page_masks_nik_but_the_report_keeps_the_value(client, facilitator, tmp_path):
    client.force_login(facilitator)
    rows = family(1)
    rows[2]["nik"] = rows[1]["nik"]
    response = upload(client, write_csv(tmp_path / "kk.csv", rows))
    assert "NIK sama dengan baris 3." in response.text
    assert rows[1]["nik"] not in response.text
    assert "2172********" in response.text

    report = client.get(URL, {"laporan": "1"})
    assert report["Content-Type"].startswith("text/csv")
    lines = report.content.decode().splitlines()
    assert lines[0] == "row,field,value,reason"
    assert lines[1] == f"4,nik,{rows[1]['nik']},NIK sama dengan baris 3."


def test_dry_run_from_the_page_saves_nothing(client, facilitator, tmp_path):
    client.force_login(facilitator)
    response = upload(client, write_csv(tmp_path / "kk.csv", family(1)), dry_run=True)
    assert "Periksa saja: tidak ada yang disimpan." in response.text
    assert not Household.objects.exists()


def test_wrong_file_type_is_a_form_error(client, facilitator):
    client.force_login(facilitator)
    response = client.post(URL, {"file": SimpleUploadedFile("kk.pdf", b"%PDF-1.4")})
    assert "Pilih file .csv atau .xlsx." in response.text


def test_partner_gets_403_and_anonymous_must_log_in(client, partner, tmp_path):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(partner)
    assert client.get(URL).status_code == 403
    assert upload(client, write_csv(tmp_path / "kk.csv", family(1))).status_code == 403
    assert client.get(reverse("registry:import-template", args=["csv"])).status_code == 403
    assert not Household.objects.exists()


def test_report_download_without_an_import_is_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(URL, {"laporan": "1"}).status_code == 404


def test_templates_download(client, facilitator):
    from openpyxl import load_workbook

    client.force_login(facilitator)
    csv_file = client.get(reverse("registry:import-template", args=["csv"]))
    assert csv_file.status_code == 200
    assert csv_file.content.startswith(b"\xef\xbb\xbfno_kk;nik;nama;")
    lines = csv_file.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 3 and "21.72.03.1005" in lines[1] and "15/06/1985" in lines[1]

    xlsx_file = client.get(reverse("registry:import-template", args=["xlsx"]))
    assert xlsx_file["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx_file.content), read_only=True).worksheets[0]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    assert rows[0][:2] == ("no_kk", "nik") and len(rows) == 3

    assert client.get(reverse("registry:import-template", args=["pdf"])).status_code == 404
