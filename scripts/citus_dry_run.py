"""Dry run of docs/scaling.md Step 4 on a real Citus: apply the placement map to Gotong's migrated schema and compare
what Citus accepts and refuses with what `gotong.core.distribution` predicts.

Needs an empty database on a PostgreSQL with Citus loaded whose coordinator may hold shards (single node):
    CREATE EXTENSION citus; SELECT citus_set_coordinator_host('127.0.0.1', <port>);
    SELECT citus_set_node_property('127.0.0.1', <port>, 'shouldhaveshards', true);
then `DATABASE_URL=<that database> gotong migrate` and
    CITUS_URL=<that database> DATABASE_URL=<that database> python scripts/citus_dry_run.py
It rewrites the schema (drops and re-adds every foreign key and unique index): never point it at real data.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gotong.settings")
django.setup()

import psycopg  # noqa: E402

from gotong.core.distribution import KNOWN_GAPS, ByOwnKey, ByProvince, Reference  # noqa: E402
from gotong.core.distribution_rules import foreign_keys, models_to_place, placement_of  # noqa: E402
from gotong.core.province_code import has_province_column  # noqa: E402

conn = psycopg.connect(os.environ["CITUS_URL"], autocommit=True)


def q(sql, *args):
    return conn.execute(sql, args or None)


q("SET citus.shard_count = 4")
models = models_to_place()
table_of = {m: m._meta.db_table for m in models}

# 1. drop every foreign key between Gotong's tables (re-added below in the cluster's form)
for table, name in q("""SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f'""").fetchall():
    q(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')

# 2. province-distributed tables: every key led by province_code. The migrations made the column (filled by the
# application, NOT NULL) on every one, the m2m link tables included; a table placed without it would get it here.
for m in models:
    p, t = placement_of(m), table_of[m]
    if not isinstance(p, ByProvince):
        continue
    if not has_province_column(m):
        q(f"ALTER TABLE {t} ADD COLUMN province_code varchar(2) NOT NULL DEFAULT '00'")
    for name, definition, is_constraint in q(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid), c.conname IS NOT NULL
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid
        WHERE x.indrelid = %s::regclass AND x.indisunique""",
        t,
    ).fetchall():
        if is_constraint:
            q(f'ALTER TABLE {t} DROP CONSTRAINT "{name}"')
        else:
            q(f'DROP INDEX "{name}"')
        q(definition.replace("USING btree (", "USING btree (province_code, ", 1))
    pk = m._meta.pk.column
    index = q(
        "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        " WHERE x.indrelid = %s::regclass AND pg_get_indexdef(x.indexrelid) LIKE %s",
        t,
        f"%(province_code, {pk})",
    ).fetchone()[0]
    q(f'ALTER TABLE {t} ADD CONSTRAINT {t[:50]}_pk PRIMARY KEY USING INDEX "{index}"')

# 3. distribute
first = None
for m in models:
    p, t = placement_of(m), table_of[m]
    if isinstance(p, Reference):
        q("SELECT create_reference_table(%s)", t)
for m in models:
    p, t = placement_of(m), table_of[m]
    if isinstance(p, ByProvince):
        q("SELECT create_distributed_table(%s, 'province_code', colocate_with => %s)", t, first or "default")
        first = first or t
    elif isinstance(p, ByOwnKey):
        q("SELECT create_distributed_table(%s, %s, colocate_with => 'none')", t, p.column)
print(q("SELECT citus_table_type, count(*) FROM citus_tables GROUP BY 1 ORDER BY 1").fetchall())

# 4. foreign keys back, in the cluster's form; compare with the map's prediction
surprises, accepted, refused = [], 0, 0
for m in models:
    p, t = placement_of(m), table_of[m]
    for f in foreign_keys(m):
        target = f.related_model
        tp, tt = placement_of(target), table_of.get(target)
        if tt is None:
            continue
        predicted_gap = (m._meta.label, f"fk {f.name}") in KNOWN_GAPS
        colocated = isinstance(p, ByProvince) and isinstance(tp, ByProvince) and not predicted_gap
        if colocated:
            sql = (
                f"ALTER TABLE {t} ADD FOREIGN KEY (province_code, {f.column})"
                f" REFERENCES {tt} (province_code, {target._meta.pk.column})"
            )
        else:
            sql = f"ALTER TABLE {t} ADD FOREIGN KEY ({f.column}) REFERENCES {tt} ({f.target_field.column})"
        try:
            q(sql)
            ok = True
            accepted += 1
        except psycopg.Error as e:
            ok = False
            refused += 1
            error = str(e).splitlines()[0]
        if ok == predicted_gap:
            surprises.append((m._meta.label, f.name, "accepted" if ok else f"refused: {error}"))
print(f"foreign keys: {accepted} accepted, {refused} refused; differing from the map's prediction: {len(surprises)}")
for s in surprises:
    print("  ", *s)
