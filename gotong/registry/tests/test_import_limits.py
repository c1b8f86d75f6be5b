"""Hostile import files are refused with a clear Indonesian message on the page, never a 500, and save nothing."""

import zipfile

import pytest

from gotong.registry.models import Household
from gotong.registry.tests.test_import_page import upload
from gotong.registry.tests.test_import_support import family, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def test_csv_with_a_15_mb_field_is_refused_with_a_message(client, facilitator, tmp_path):
    client.force_login(facilitator)
    rows = family(1)
    rows[0]["alamat"] = "A" * (15 * 1024 * 1024)
    response = upload(client, write_csv(tmp_path / "kk.csv", rows))
    assert response.status_code == 200
    assert "terlalu panjang" in response.text and "Baris 2" in response.text
    assert not Household.objects.exists()


def test_xlsx_whose_shared_strings_expand_to_200_mb_is_refused_before_reading(client, facilitator, tmp_path):
    client.force_login(facilitator)
    good = write_xlsx(tmp_path / "kk.xlsx", family(1))
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if not item.filename.endswith("sharedStrings.xml"):
                target.writestr(item, source.read(item))
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            block = b"A" * (1024 * 1024)
            for _ in range(200):
                part.write(block)
            part.write(b"</t></si></sst>")
    assert bomb.stat().st_size < 1024 * 1024  # a small upload
    response = upload(client, bomb)
    assert response.status_code == 200
    assert "terlalu besar setelah dibuka" in response.text
    assert not Household.objects.exists()
