"""An organisation's name is unique within its area whatever the letter case ("Posyandu Melati" = "POSYANDU MELATI").

Names already stored twice in one area (ignoring case) keep the oldest as is; the later ones get " (2)", " (3)"…
so the constraint can be added; an operator can then merge or rename them.
"""

import django.db.models.functions.text
from django.db import migrations, models


def number_names_differing_only_in_case(apps, schema_editor):
    Organization = apps.get_model("organizations", "Organization")
    seen: dict[tuple[str, int], set[str]] = {}
    taken: dict[int, set[str]] = {}
    for pk, name, area_id in Organization.objects.order_by("pk").values_list("pk", "name", "area_id"):
        taken.setdefault(area_id, set()).add(name.lower())
        seen.setdefault((name.lower(), area_id), set()).add(pk)
    for (lowered, area_id), pks in seen.items():
        if len(pks) < 2:
            continue
        for pk in sorted(pks)[1:]:
            organization = Organization.objects.get(pk=pk)
            number = 2
            while f"{lowered} ({number})" in taken[area_id]:
                number += 1
            suffix = f" ({number})"
            organization.name = organization.name[: 200 - len(suffix)] + suffix
            taken[area_id].add(organization.name.lower())
            organization.save(update_fields=["name"])


class Migration(migrations.Migration):

    dependencies = [
        ("organizations", "0003_one_open_membership_per_person_and_account"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="organization",
            name="unique_organization_name_in_area",
        ),
        migrations.RunPython(number_names_differing_only_in_case, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                models.F("area"),
                name="organization_name_unique_in_area_ignoring_case",
                violation_error_message="Sudah ada organisasi dengan nama ini di wilayah tersebut.",
            ),
        ),
    ]
