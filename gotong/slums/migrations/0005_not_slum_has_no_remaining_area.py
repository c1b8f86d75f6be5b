from django.db import migrations


def not_slum_has_no_remaining_area(apps, schema_editor):
    """Before this migration "Bukan kumuh" could be saved with hectares "still slum" (total 13 next to 3,20 ha).
    A location classed not slum has left the slum list as a whole, so its remaining slum area is 0 ha; the
    progress figures add these hectares up, so the contradiction is resolved here rather than on every page."""
    Assessment = apps.get_model("slums", "Assessment")
    Assessment.objects.filter(slum_class="none", affected_area_ha__gt=0).update(affected_area_ha=0)


class Migration(migrations.Migration):
    dependencies = [("slums", "0004_assessment_counts")]

    operations = [
        migrations.RunPython(not_slum_has_no_remaining_area, migrations.RunPython.noop),
    ]
