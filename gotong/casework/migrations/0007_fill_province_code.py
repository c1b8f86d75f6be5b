"""Fill `province_code` on the casework tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("casework.Case", "household"),
    ("casework.Assistance", "case"),
    ("casework.NeedsAssessment", "case"),
    ("casework.NeedRating", "assessment"),
    ("casework.OverdueTally", "case"),
    ("casework.Referral", "case"),
    ("casework.SingleVisit", "case"),
    ("casework.Visit", "case"),
    ("casework.VisitPlan", "case"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("casework", "0006_province_code_column"),
        ("registry", "0012_fill_province_code"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
