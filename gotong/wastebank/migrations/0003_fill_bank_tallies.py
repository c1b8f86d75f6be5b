"""Tally the deposits that exist before the tallies did (re-runnable: it replaces every row).

The same counting as `gotong.wastebank.tallies.live`, on the historical models; reversed by deleting the rows.
"""

from django.db import migrations
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

BATCH = 500


def fill(apps, schema_editor):
    WasteBank = apps.get_model("wastebank", "WasteBank")
    Deposit = apps.get_model("wastebank", "Deposit")
    DepositLine = apps.get_model("wastebank", "DepositLine")
    BankTally = apps.get_model("wastebank", "BankTally")
    BankMonthTally = apps.get_model("wastebank", "BankMonthTally")
    CategoryMonthTally = apps.get_model("wastebank", "CategoryMonthTally")
    codes = dict(WasteBank.objects.order_by().values_list("pk", "area_code"))
    deposits = Deposit.objects.filter(cancellation__isnull=True).order_by()
    lines = DepositLine.objects.filter(deposit__cancellation__isnull=True).order_by()
    banks = [
        BankTally(
            bank_id=row["bank"], area_code=codes[row["bank"]], deposits=row["n"], grams=row["g"], depositors=row["m"]
        )
        for row in deposits.values("bank").annotate(
            n=Count("pk"), g=Sum("total_grams"), m=Count("member", distinct=True)
        )
    ]
    months = [
        BankMonthTally(
            bank_id=row["bank"], month=row["month"], area_code=codes[row["bank"]], deposits=row["n"], grams=row["g"]
        )
        for row in deposits.values("bank", month=TruncMonth("occurred_on")).annotate(
            n=Count("pk"), g=Sum("total_grams")
        )
    ]
    categories = [
        CategoryMonthTally(
            bank_id=row["bank"], category_id=row["category"], month=row["month"], area_code=codes[row["bank"]],
            grams=row["g"],
        )
        for row in lines.values(
            "category", bank=F("deposit__bank"), month=TruncMonth("deposit__occurred_on")
        ).annotate(g=Sum("grams"))
    ]
    empty(apps, schema_editor)
    BankTally.objects.bulk_create(banks, batch_size=BATCH)
    BankMonthTally.objects.bulk_create(months, batch_size=BATCH)
    CategoryMonthTally.objects.bulk_create(categories, batch_size=BATCH)


def empty(apps, schema_editor):
    for name in ("BankTally", "BankMonthTally", "CategoryMonthTally"):
        apps.get_model("wastebank", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("wastebank", "0002_bank_month_category_tallies")]

    operations = [migrations.RunPython(fill, empty)]
