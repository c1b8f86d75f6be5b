"""Trigram indexes for the lists' "contains" search of names and addresses (issue 24), on PostgreSQL only.

`?q=siti` asks `UPPER(name) LIKE '%SITI%'`, which no B-tree can answer: over a city of 2.5 M persons it read every
row (0.9–7 s; a text nobody has was the slowest). A GIN index of the trigrams of `UPPER(name)` — the very
expression Django's `icontains` compares on PostgreSQL — finds the rows holding all of the text's trigrams
(pg_trgm, https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX). SQLite has no such index: there the
same query reads the table, as before. The indexes live here and not in the models' Meta because SQLite cannot
create them; the test `test_search_at_scale` proves PostgreSQL uses them.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = (
    ("registry_person", "name", "person_name_trgm_idx"),
    ("registry_household", "address", "household_address_trgm_idx"),
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, name in INDEXES:
        # Plain SQL: Django's GinIndex(OpClass(Upper(...))) wraps the operator class inside the expression's
        # parentheses, which PostgreSQL rejects.
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("registry", "0007_person_nik_pending_for_newborns")]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION IF NOT EXISTS pg_trgm; does nothing on SQLite
        migrations.RunPython(create, drop, elidable=False),
    ]
