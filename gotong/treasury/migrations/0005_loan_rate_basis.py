"""Loan rates as the lender states them: `monthly_rate` (2 decimals, per month) becomes `rate` (4 decimals) plus
`rate_period` ("bulan" or "tahun").

Every stored rate so far was a monthly rate, so renaming keeps its value and the new column is filled with
"bulan" for every existing product and loan (the default below is used for the existing rows only, not kept on
the model: a new product must say per what its rate is). Schedules already stored are not recomputed: a loan's
instalments are what was agreed on the day it was paid out. Reversible: going back, a yearly rate is divided by
12 into the old 2-decimal monthly column.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations, models
from django.db.models import Q

RATE_RANGE = Q(rate__gte=0) & (
    (Q(rate_period="bulan") & Q(rate__lte=10)) | (Q(rate_period="tahun") & Q(rate__lte=120))
)
PERIODS = [("bulan", "per bulan"), ("tahun", "per tahun")]


def yearly_back_to_monthly(apps, schema_editor):
    for name in ("LoanProduct", "Loan"):
        model = apps.get_model("treasury", name)
        for row in model.objects.filter(rate_period="tahun"):
            row.rate = (row.rate / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            row.rate_period = "bulan"
            row.save(update_fields=["rate", "rate_period"])


class Migration(migrations.Migration):
    dependencies = [
        ("treasury", "0004_month_close"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="loanproduct", name="treasury_product_rate_range"),
        migrations.RenameField(model_name="loanproduct", old_name="monthly_rate", new_name="rate"),
        migrations.RenameField(model_name="loan", old_name="monthly_rate", new_name="rate"),
        migrations.AlterField(
            model_name="loanproduct",
            name="rate",
            field=models.DecimalField(decimal_places=4, max_digits=7, verbose_name="bunga (%)"),
        ),
        migrations.AlterField(
            model_name="loan",
            name="rate",
            field=models.DecimalField(decimal_places=4, max_digits=7, verbose_name="bunga (%)"),
        ),
        migrations.AddField(
            model_name="loanproduct",
            name="rate_period",
            field=models.CharField(choices=PERIODS, default="bulan", max_length=5, verbose_name="bunga dinyatakan"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="loan",
            name="rate_period",
            field=models.CharField(choices=PERIODS, default="bulan", max_length=5, verbose_name="bunga dinyatakan"),
            preserve_default=False,
        ),
        # Only the way back needs data work (see the module docstring).
        migrations.RunPython(migrations.RunPython.noop, yearly_back_to_monthly),
        migrations.AddConstraint(
            model_name="loanproduct",
            constraint=models.CheckConstraint(condition=RATE_RANGE, name="treasury_product_rate_range"),
        ),
        migrations.AddConstraint(
            model_name="loan",
            constraint=models.CheckConstraint(condition=RATE_RANGE, name="treasury_loan_rate_range"),
        ),
    ]
