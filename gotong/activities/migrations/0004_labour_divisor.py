"""The hours a month's UMK is divided by become an explicit choice per city and year: `hours_per_month` is renamed
`labour_divisor` with the two divisors the law has, 173 (PP 35/2021 Pasal 32 ayat 2, overtime basis) and 126
(PP 36/2021 Pasal 16, part-time hourly wage); see `gotong/activities/models.py`. Stored values are kept as they are
(all defaults were 173)."""

from django.db import migrations, models

DIVISORS = [
    (173, "173 — upah sejam dasar lembur (PP 35/2021 Pasal 32 ayat 2)"),
    (126, "126 — upah per jam kerja paruh waktu (PP 36/2021 Pasal 16)"),
]


class Migration(migrations.Migration):
    dependencies = [("activities", "0003_area_code_bytewise")]

    operations = [
        migrations.RemoveConstraint(model_name="wagerate", name="wage_rate_hours_positive"),
        migrations.RenameField(model_name="wagerate", old_name="hours_per_month", new_name="labour_divisor"),
        migrations.AlterField(
            model_name="wagerate",
            name="labour_divisor",
            field=models.PositiveSmallIntegerField(
                choices=DIVISORS,
                default=173,
                help_text=(
                    "Nilai sejam gotong royong = UMK ÷ pembagi. 173: dasar upah lembur pekerja penuh waktu "
                    "(PP 35/2021); 126: upah per jam pekerja paruh waktu (PP 36/2021)."
                ),
                verbose_name="pembagi upah sejam",
            ),
        ),
        migrations.AddConstraint(
            model_name="wagerate",
            constraint=models.CheckConstraint(condition=models.Q(labour_divisor__gt=0), name="wage_rate_hours_positive"),
        ),
    ]
