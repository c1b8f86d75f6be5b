"""Data: the starting UMK figures (unverified) so labour can be valued from day one."""

from django.db import migrations


def add_rates(apps, schema_editor):
    from gotong.activities.defaults import install_default_rates

    install_default_rates(apps.get_model("activities", "WageRate"))


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(add_rates, migrations.RunPython.noop)]
