"""Fill `province_code` on the activities tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("activities.Event", "area"),
    ("activities.Attendance", "event"),
    ("activities.Contribution", "event"),
    ("activities.Norm", "area"),
    ("activities.NormWarning", "norm"),
    ("activities.YearTally", "area_code"),
    ("activities.ParticipantTally", "area_code"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("activities", "0008_province_code_column"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
