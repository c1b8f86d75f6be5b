"""A city's household export built by the worker, streamed as plain values: every row, right cells, both formats."""

from pathlib import Path

import pytest
from django.db.models import Count

from gotong.bench.exportbench import count_data_rows
from gotong.bench.synthetic.store import generate_city
from gotong.exports.models import ExportJob
from gotong.exports.services import iterate, run_export_job
from gotong.exports.specs import get_spec
from gotong.exports.tests.helpers import csv_rows, xlsx_rows
from gotong.registry.choices import Relationship
from gotong.registry.models import Household, Person
from gotong.registry.nik import mask_family_card_number, mask_nik

pytestmark = pytest.mark.django_db
CITY = "21.72"


@pytest.fixture
def city(areas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.GOTONG_EXPORT_PROGRESS_EVERY = 500
    generate_city(3000, seed=5, city_code=CITY, modules=False)
    return Household.objects.filter(area_code__startswith=f"{CITY}.")


def _expected(households) -> list[list]:
    """What each row must say, worked out from the registry on its own (not through the export's code)."""
    heads = {p.household_id: p for p in Person.objects.filter(relationship=Relationship.HEAD)}
    sizes = dict(Person.objects.values_list("household").annotate(n=Count("pk")).values_list("household", "n"))
    rows = []
    for h in households.select_related("area__parent").order_by("area_code", "family_card_number", "pk"):
        head = heads.get(h.pk)
        rows.append([
            head.name if head else "", mask_nik(head.nik) if head else "",
            mask_family_card_number(h.family_card_number),
            h.address, h.area_code, f"{h.area.parent.name} {h.area.name}", h.welfare_decile,
            "ya" if h.pkh_recipient else "", "ya" if h.bpnt_recipient else "", sizes.get(h.pk, 0),
        ])  # fmt: skip
    return rows


def _run(city_officer, fmt: str) -> tuple[ExportJob, bytes]:
    job = ExportJob.objects.create(owner=city_officer, list_key="registry.households", filters={}, format=fmt)
    job = run_export_job(job.pk)
    assert job.status == ExportJob.Status.DONE, job.error
    return job, Path(job.file.path).read_bytes()


def test_the_csv_holds_every_household_of_the_city_with_its_cells(city, city_officer):
    job, content = _run(city_officer, "csv")
    expected = _expected(city)
    assert len(expected) > 700 and job.rows_done == job.rows_total == len(expected)
    headers, rows = csv_rows(content)
    assert headers[:3] == ["Kepala keluarga", "NIK", "Nomor KK"]
    as_text = [["" if v is None else str(v) for v in row] for row in expected]
    assert rows == as_text
    assert count_data_rows(Path(job.file.path), "csv") == len(expected)  # the benchmark's own read-back


def test_the_xlsx_holds_every_household_with_typed_cells(city, city_officer):
    job, content = _run(city_officer, "xlsx")
    expected = _expected(city)
    headers, rows = xlsx_rows(content)
    assert headers[-1] == "Anggota" and len(rows) == job.rows_done == len(expected)
    # Empty text comes back as None from a spreadsheet; numbers stay numbers (decile, members).
    assert rows == [[v if v != "" else None for v in row] for row in expected]
    assert all(isinstance(row[-1], int) and row[-1] >= 1 for row in rows)
    assert count_data_rows(Path(job.file.path), "xlsx") == len(expected)


def test_rows_are_streamed_as_plain_values_not_model_instances(city, city_officer):
    spec = get_spec("registry.households")
    first = next(iterate(spec.rows(city_officer, {}), spec))
    assert isinstance(first, dict) and set(first) == set(spec.values)
