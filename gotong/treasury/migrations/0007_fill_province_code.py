"""Fill `province_code` on the treasury tables, parents first (gotong/core/province_backfill.py)."""

from functools import partial

from django.db import migrations

from gotong.core.province_backfill import fill_province_codes

# (model, where its province comes from): its own area code or the foreign key to its parent, as of this migration.
STEPS = (
    ("treasury.CashEntry", "organization"),
    ("treasury.Category", "organization"),
    ("treasury.Loan", "organization"),
    ("treasury.Installment", "loan"),
    ("treasury.LoanProduct", "organization"),
    ("treasury.Member", "organization"),
    ("treasury.MonthClose", "organization"),
    ("treasury.Repayment", "loan"),
    ("treasury.SavingsMovement", "member"),
)


class Migration(migrations.Migration):
    atomic = False  # each batch commits on PostgreSQL, so a stopped backfill resumes where it stopped

    dependencies = [
        ("treasury", "0006_province_code_column"),
    ]

    operations = [
        migrations.RunPython(partial(fill_province_codes, steps=STEPS), migrations.RunPython.noop, elidable=True),
    ]
