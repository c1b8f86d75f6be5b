"""Fill `province_code` on the posyandu tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("posyandu.Pregnancy", "posyandu"),
    ("posyandu.AncVisit", "pregnancy"),
    ("posyandu.Child", "posyandu"),
    ("posyandu.Session", "posyandu"),
    ("posyandu.DayVisit", "session"),
    ("posyandu.Deworming", "child"),
    ("posyandu.Feeding", "child"),
    ("posyandu.Immunisation", "child"),
    ("posyandu.MonthTally", "posyandu"),
    ("posyandu.VitaminADose", "child"),
    ("posyandu.Weighing", "session"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("posyandu", "0009_province_code_column"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
