"""Count the registry rows that exist before the tallies did (re-runnable: it replaces every row).

The same counting as `gotong.dashboards.aggregates.live_tallies`, on the historical models.
"""

from django.db import migrations
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

ADULT_AGE = 17


def fill(apps, schema_editor):
    Household = apps.get_model("registry", "Household")
    Person = apps.get_model("registry", "Person")
    AreaTally = apps.get_model("dashboards", "AreaTally")
    AreaBirths = apps.get_model("dashboards", "AreaBirths")
    adult_year = timezone.localdate().year - ADULT_AGE
    tallies, births = {}, {}
    for row in (
        Household.objects.values("area_code")
        .order_by()
        .annotate(
            households=Count("pk"),
            pkh=Count("pk", filter=Q(pkh_recipient=True)),
            bpnt=Count("pk", filter=Q(bpnt_recipient=True)),
            **{f"decile_{d}": Count("pk", filter=Q(welfare_decile=d)) for d in range(1, 11)},
        )
    ):
        code = row.pop("area_code")
        tallies[code] = AreaTally(area_code=code, adult_year=adult_year, **row)
        births[code] = AreaBirths(area_code=code, birth_years={}, adult_year_birthdays={})
    persons = Person.objects.values(code=F("household__area_code")).order_by()
    for row in persons.annotate(
        year=ExtractYear("birth_date"),
        n=Count("pk"),
        female=Count("pk", filter=Q(sex="P")),
        disabled=Count("pk", filter=~Q(disability="tidak")),
    ):
        tally = tallies[row["code"]]
        tally.persons += row["n"]
        tally.female += row["female"]
        tally.with_disability += row["disabled"]
        if row["year"] < adult_year:
            tally.born_before_adult_year += row["n"]
        births[row["code"]].birth_years[str(row["year"])] = row["n"]
    boundary = persons.filter(birth_date__year=adult_year).values("code", "birth_date").annotate(n=Count("pk"))
    for row in boundary:
        births[row["code"]].adult_year_birthdays[row["birth_date"].strftime("%m%d")] = row["n"]
    AreaTally.objects.all().delete()
    AreaBirths.objects.all().delete()
    AreaTally.objects.bulk_create(tallies.values(), batch_size=500)
    AreaBirths.objects.bulk_create(births.values(), batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("dashboards", "0001_area_tally"), ("registry", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
