from django.db import migrations, models


class Migration(migrations.Migration):
    """Once older rows are consistent (0005), the database keeps "Bukan kumuh" at 0 ha remaining slum area."""

    dependencies = [("slums", "0005_not_slum_has_no_remaining_area")]

    operations = [
        migrations.AddConstraint(
            model_name="assessment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("slum_class", "none"), _negated=True), ("affected_area_ha", 0), _connector="OR"
                ),
                name="slum_not_slum_has_no_remaining_area",
            ),
        ),
    ]
