"""One open membership per person and per account in an organisation.

Before the constraints are added, any duplicates already stored are resolved: the membership that started last stays
open and the earlier ones end the day before it started (or on their own first day, if that is later).
"""

import datetime

from django.db import migrations, models


def end_duplicate_open_memberships(apps, schema_editor):
    Membership = apps.get_model("organizations", "Membership")
    for field in ("person_id", "user_id"):
        duplicates = (
            Membership.objects.filter(ended_on__isnull=True, **{f"{field}__isnull": False})
            .values("organization_id", field)
            .annotate(open_count=models.Count("pk"))
            .filter(open_count__gt=1)
        )
        for row in duplicates:
            rows = list(
                Membership.objects.filter(
                    ended_on__isnull=True, organization_id=row["organization_id"], **{field: row[field]}
                ).order_by("-started_on", "-pk")
            )
            kept = rows[0]
            for older in rows[1:]:
                older.ended_on = max(older.started_on, kept.started_on - datetime.timedelta(days=1))
                older.save(update_fields=["ended_on"])


class Migration(migrations.Migration):

    dependencies = [
        ("organizations", "0002_area_code_bytewise"),
    ]

    operations = [
        migrations.RunPython(end_duplicate_open_memberships, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ended_on__isnull", True)),
                fields=("organization", "person"),
                name="one_open_membership_per_person",
                violation_error_message="Orang ini sudah menjadi anggota aktif organisasi ini.",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ended_on__isnull", True)),
                fields=("organization", "user"),
                name="one_open_membership_per_user",
                violation_error_message="Akun ini sudah menjadi anggota aktif organisasi ini.",
            ),
        ),
    ]
