"""Data: count the gotong royong tallies of the events and attendance recorded before the tallies existed
(re-runnable: it replaces every row). Residents' areas are read 500 at a time, so a province's attendance is never
held in memory at once; the counting is `gotong.activities.tallies`, on the historical models."""

from django.db import migrations


def fill(apps, schema_editor):
    from gotong.activities.tallies import rebuild

    rebuild(
        event_model=apps.get_model("activities", "Event"),
        attendance_model=apps.get_model("activities", "Attendance"),
        person_model=apps.get_model("registry", "Person"),
        year_model=apps.get_model("activities", "YearTally"),
        participant_model=apps.get_model("activities", "ParticipantTally"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_year_and_participant_tallies"),
        ("registry", "0010_household_decile_area_index"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
