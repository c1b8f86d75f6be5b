"""Count today's overdue visits of the cases that exist before the tally did.

Re-runnable: it replaces every row. The counting is `gotong.casework.tallies.compute`, on the historical models.
"""

from django.db import migrations
from django.utils import timezone

CHUNK = 1000


def fill(apps, schema_editor):
    from gotong.casework.tallies import compute

    Case = apps.get_model("casework", "Case")
    VisitPlan = apps.get_model("casework", "VisitPlan")
    Visit = apps.get_model("casework", "Visit")
    OverdueTally = apps.get_model("casework", "OverdueTally")
    OverdueTally.objects.all().delete()
    today = timezone.localdate()
    ids = list(Case.objects.filter(closed_on__isnull=True).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        counts = compute(
            Case.objects.filter(pk__in=chunk), today, plan_model=VisitPlan, visit_model=Visit, single_model=None
        )
        rows = [OverdueTally(case_id=pk, counted_on=today, overdue_visits=counts.get(pk, 0)) for pk in chunk]
        OverdueTally.objects.bulk_create(rows, batch_size=1000)


def empty(apps, schema_editor):
    apps.get_model("casework", "OverdueTally").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_overdue_tally")]

    operations = [migrations.RunPython(fill, empty)]
