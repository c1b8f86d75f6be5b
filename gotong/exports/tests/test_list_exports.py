"""Each export holds exactly the rows the user sees on the page: same scope, filters, order and masking."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gotong.core.money import parse_rupiah
from gotong.exports.tests.helpers import csv_rows, page_rows, xlsx_rows
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.wastebank import services as wastebank
from gotong.wastebank.tests.conftest import bank, categories, key, member, staff  # noqa: F401 — fixtures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def households(areas):
    """Three Bugis households (two in decile 1) and one in Palembang."""
    made = []
    for n, decile in enumerate([1, 1, 3]):
        household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, n + 1), welfare_decile=decile)
        made.append((household, PersonFactory(household=household, name=f"Kepala {n}")))
    far = HouseholdFactory(area=rt_in("16.71.11.1005"), welfare_decile=1)
    PersonFactory(household=far, name="Warga Palembang")
    return made


def _download(client, key, fmt, **params):
    response = client.get(reverse("exports:download", kwargs={"key": key, "fmt": fmt}), params)
    assert response.status_code == 200, response.status_code
    return response


def test_household_export_equals_page_with_masked_nik(client, facilitator, households):
    client.force_login(facilitator)
    page = client.get(reverse("registry:household-list"), {"desil": "1"}).content.decode()
    shown = [row[:4] for row in page_rows(page)]
    assert len(shown) == 2
    assert 'href="/ekspor/unduh/registry.households.xlsx?desil=1"' in page

    response = _download(client, "registry.households", "xlsx", desil="1")
    assert response["Content-Type"] == XLSX
    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="rumah-tangga-{today}.xlsx"'
    headers, rows = xlsx_rows(response.content)
    assert headers[:4] == ["Kepala keluarga", "NIK", "Nomor KK", "Alamat"]
    assert [r[:4] for r in rows] == shown
    assert [r[6] for r in rows] == [1, 1]  # decile stays a number
    for household, head in households[:2]:
        assert head.nik not in str(rows) and household.family_card_number not in str(rows)

    headers, rows = csv_rows(_download(client, "registry.households", "csv", desil="1").content)
    assert [r[:4] for r in rows] == shown


def test_another_persona_exports_only_their_scope(client, other_facilitator, households):
    client.force_login(other_facilitator)
    _headers, rows = xlsx_rows(_download(client, "registry.households", "xlsx").content)
    assert [r[0] for r in rows] == ["Warga Palembang"]


def test_wastebank_members_export_keeps_rupiah_as_numbers(client, staff, bank, member, categories):  # noqa: F811
    wastebank.record_deposit(
        bank, member=member, occurred_on=datetime.date(2026, 1, 10), lines=[(categories["pet"], 2000)], key=key(),
        acting_user=staff,
    )  # fmt: skip
    client.force_login(staff)
    page = client.get(reverse("wastebank:members", args=[bank.pk])).content.decode()
    [shown] = page_rows(page)
    assert parse_rupiah(shown[3]) == 7000

    _headers, [row] = xlsx_rows(_download(client, "wastebank.members", "xlsx", bank_id=bank.pk).content)
    assert row == [shown[0], "Halimah", None, datetime.datetime(2026, 1, 1), 7000]
    _headers, [row] = csv_rows(_download(client, "wastebank.members", "csv", bank_id=bank.pk).content)
    assert row == [shown[0], "Halimah", "", "2026-01-01", "7000"]


def test_wastebank_export_of_a_bank_out_of_scope_is_404(client, other_facilitator, bank):  # noqa: F811
    client.force_login(other_facilitator)
    url = reverse("exports:download", kwargs={"key": "wastebank.members", "fmt": "csv"})
    assert client.get(url, {"bank_id": bank.pk}).status_code == 404


@pytest.fixture
def cases(areas, facilitator, city_officer):
    from gotong.casework import services as casework
    from gotong.casework.models import Program

    made = []
    for name in ["Raja Ali", "Siti Aisyah"]:
        person = PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1005", 2, 3)), name=name)
        made.append(
            casework.open_case(
                program=Program.TB,
                household=person.household,
                person=person,
                summary="Pendampingan minum obat",
                opened_reason="Rujukan puskesmas",
                opened_on=datetime.date(2026, 1, 5),
                supervisor=city_officer,
                health_condition="TBC resisten obat",
                acting_user=facilitator,
            )  # fmt: skip
        )
    return made


def test_case_export_equals_page_and_leaves_out_health(client, facilitator, other_facilitator, cases):
    client.force_login(facilitator)
    shown = page_rows(client.get(reverse("casework:list")).content.decode())
    assert len(shown) == 2
    for fmt, read in (("xlsx", xlsx_rows), ("csv", csv_rows)):
        response = _download(client, "casework.cases", fmt, status="open")
        headers, rows = read(response.content)
        assert [r[0] for r in rows] == [r[0] for r in shown]
        assert [r[1] for r in rows] == [r[1] for r in shown]  # masked NIK, as on the page
        assert "TBC resisten" not in response.content.decode("utf-8", "ignore")
        assert "TBC" not in " ".join(map(str, headers))
    client.force_login(other_facilitator)
    _headers, rows = xlsx_rows(_download(client, "casework.cases", "xlsx").content)
    assert rows == []


def test_decimal_and_unknown_list(client, facilitator, areas):
    from gotong.exports.writers import csv_cell, typed_value

    assert typed_value("12.50", "decimal") == Decimal("12.50")
    assert csv_cell(Decimal("12.50")) == "12,50"
    client.force_login(facilitator)
    url = reverse("exports:download", kwargs={"key": "tidak.ada", "fmt": "xlsx"})
    assert client.get(url).status_code == 404
    url = reverse("exports:download", kwargs={"key": "registry.households", "fmt": "pdf"})
    assert client.get(url).status_code == 404


def test_every_registered_list_downloads_with_its_headers(client, admin_user, bank):  # noqa: F811
    from gotong.exports.specs import all_specs

    client.force_login(admin_user)
    path_values = {"bank_id": bank.pk, "org_id": bank.organization_id}
    keys = []
    for spec in all_specs():
        if not set(spec.path_params) <= set(path_values):
            continue  # e.g. a cohort's participants: covered with its own data in test_every_export_scoped
        params = {name: path_values[name] for name in spec.path_params}
        headers, _rows = csv_rows(_download(client, spec.key, "csv", **params).content)
        assert headers == spec.headers, spec.key
        keys.append(spec.key)
    assert len(keys) >= 8
