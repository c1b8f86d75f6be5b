"""Fill the year rows from the month rows that exist (re-runnable: it replaces every row).

One INSERT … SELECT: the sum of each bank's category month rows per year, with the category's name and the bank's
area and province codes, as `gotong.wastebank.tallies._write_years` writes them; reversed by deleting the rows.
"""

from django.db import connection as default_connection
from django.db import migrations

# The year of a month row's first day, as an integer, in each database's own words.
YEAR_OF_MONTH = {
    "postgresql": "CAST(EXTRACT(YEAR FROM m.month) AS integer)",
    "sqlite": "CAST(strftime('%%Y', m.month) AS integer)",
}


def fill(apps, schema_editor):
    connection = schema_editor.connection if schema_editor is not None else default_connection
    tables = {
        name: connection.ops.quote_name(apps.get_model("wastebank", name)._meta.db_table)
        for name in ("CategoryMonthTally", "CategoryYearTally", "WasteCategory", "WasteBank")
    }
    year = YEAR_OF_MONTH[connection.vendor]
    empty(apps, schema_editor)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {tables["CategoryYearTally"]}
                (bank_id, category_id, year, name, grams, area_code, province_code)
            SELECT m.bank_id, m.category_id, {year}, c.name, SUM(m.grams), b.area_code, b.province_code
            FROM {tables["CategoryMonthTally"]} m
            JOIN {tables["WasteCategory"]} c ON c.id = m.category_id
            JOIN {tables["WasteBank"]} b ON b.id = m.bank_id
            GROUP BY m.bank_id, m.category_id, {year}, c.name, b.area_code, b.province_code
            """,
            [],
        )


def empty(apps, schema_editor):
    apps.get_model("wastebank", "CategoryYearTally").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("wastebank", "0008_category_year_tally")]

    operations = [migrations.RunPython(fill, empty)]
