"""Fill `province_code` on the wastebank tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("wastebank.WasteBank", "organization"),
    ("wastebank.BankMonthTally", "bank"),
    ("wastebank.BankTally", "bank"),
    ("wastebank.CashIn", "bank"),
    ("wastebank.CategoryMonthTally", "bank"),
    ("wastebank.Deposit", "bank"),
    ("wastebank.DepositLine", "deposit"),
    ("wastebank.Member", "bank"),
    ("wastebank.WasteCategory", "bank"),
    ("wastebank.Price", "category"),
    ("wastebank.Sale", "bank"),
    ("wastebank.SaleLine", "sale"),
    ("wastebank.Withdrawal", "bank"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("wastebank", "0005_province_code_column"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
