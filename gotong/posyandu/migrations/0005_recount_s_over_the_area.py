"""Recount every monthly SKDN tally: S now counts the registry's under-fives of each posyandu's area whom no
posyandu follows (`gotong.posyandu.coverage`), not only the enrolled children. The counting of 0003, re-run."""

import importlib

from django.db import migrations

first_fill = importlib.import_module("gotong.posyandu.migrations.0003_fill_month_tally")


class Migration(migrations.Migration):
    dependencies = [("posyandu", "0004_area_code_bytewise"), ("registry", "0007_person_nik_pending_for_newborns")]

    # Backwards the rows stay: 0003's counting (now the area's) is the only one there is.
    operations = [migrations.RunPython(first_fill.fill, migrations.RunPython.noop)]
