"""Count the monthly SKDN tallies of the children and weighings that exist before the tallies did.

Re-runnable: it replaces every row. The counting is `gotong.posyandu.tallies.compute`, on the historical models.
"""

from django.db import migrations
from django.utils import timezone

CHUNK = 100


def fill(apps, schema_editor):
    from gotong.posyandu.tallies import compute

    Child = apps.get_model("posyandu", "Child")
    Weighing = apps.get_model("posyandu", "Weighing")
    MonthTally = apps.get_model("posyandu", "MonthTally")
    Organization = apps.get_model("organizations", "Organization")
    MonthTally.objects.all().delete()
    ids = sorted(set(Child.objects.values_list("posyandu_id", flat=True).distinct()))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        areas = dict(Organization.objects.filter(pk__in=chunk).values_list("pk", "area_code"))
        counts = compute(chunk, timezone.localdate(), child_model=Child, weighing_model=Weighing)
        rows = [MonthTally(posyandu_id=p, month=m, area_code=areas[p], **c) for (p, m), c in counts.items()]
        MonthTally.objects.bulk_create(rows, batch_size=1000)


def empty(apps, schema_editor):
    apps.get_model("posyandu", "MonthTally").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("posyandu", "0002_month_tally")]

    operations = [migrations.RunPython(fill, empty)]
