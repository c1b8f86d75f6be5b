"""Fill `province_code` on the collaboration link tables from the owning row (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): the foreign key to the owner, whose province_code is filled already.
STEPS = (
    ("collaboration.AgreementParty", "agreement"),
    ("collaboration.ForumMember", "forum"),
    ("collaboration.ActivityProject", "activity"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("collaboration", "0011_parties_members_projects_link_model"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
