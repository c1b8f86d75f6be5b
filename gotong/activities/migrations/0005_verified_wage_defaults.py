"""Data: correct the starting UMK figures that were estimates (2024 + 6,5 %) or slightly off, now checked against
the governors' decrees (see `gotong/activities/defaults.py`). A row is corrected only while it still holds the old
unverified default, so a figure a city officer entered or corrected is never touched. The figures are copied here,
not imported, so this migration keeps meaning what it meant when written."""

from django.db import migrations

# city code, year, old default, new figure, source, verified
CORRECTIONS = (
    ("21.72", 2024, 3_402_273, 3_402_492,
     "UMP Kepri 2024, Keputusan Gubernur Kepulauan Riau Nomor 1282 Tahun 2023", True),
    ("21.72", 2025, 3_623_421, 3_623_654,
     "UMP Kepri 2025, Keputusan Gubernur Kepulauan Riau Nomor 1414 Tahun 2024", True),
    ("16.71", 2025, 3_916_634, 3_916_635,
     "UMK Kota Palembang 2025 (SK Gubernur Sumsel, Des 2024; nomor belum dicek)", False),
    ("14.71", 2025, 3_675_937, 3_675_938,
     "Keputusan Gubernur Riau Nomor Kpts. 3777/XII/2024 (Rp3.675.937,97)", True),
)  # fmt: skip


def correct(apps, schema_editor):
    WageRate = apps.get_model("activities", "WageRate")
    for city_code, year, old, new, source, verified in CORRECTIONS:
        WageRate.objects.filter(city_code=city_code, year=year, monthly_wage=old, verified=False).update(
            monthly_wage=new, source=source, verified=verified
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0004_labour_divisor")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
