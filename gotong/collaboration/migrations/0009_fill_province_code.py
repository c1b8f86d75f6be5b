"""Fill `province_code` on the collaboration tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("collaboration.Target", "area"),
    ("collaboration.ActionPlan", "target"),
    ("collaboration.Activity", "plan"),
    ("collaboration.ActivityUpdate", "activity"),
    ("collaboration.Agreement", "area"),
    ("collaboration.Commitment", "agreement"),
    ("collaboration.CommitmentEvidence", "commitment"),
    ("collaboration.DataSharing", "area"),
    ("collaboration.Forum", "area"),
    ("collaboration.Meeting", "forum"),
    ("collaboration.Decision", "meeting"),
    ("collaboration.Participant", "meeting"),
    ("collaboration.Partnership", "community"),
    ("collaboration.Project", "area"),
    ("collaboration.ProjectBudget", "project"),
    ("collaboration.ProjectPhoto", "project"),
    ("collaboration.Reciprocity", "partnership"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("collaboration", "0008_province_code_column"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
