"""The demo (every module's records, written by the services and the demo's bulk paths) passes the check."""

import pytest
from django.db import connection

from gotong.core.distribution_check import province_mismatches
from gotong.core.distribution_rules import province_distributed_models
from gotong.core.province_code import has_province_column


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_world")
def test_every_demo_row_carries_the_province_its_placement_derives():
    assert province_mismatches() == []

    filled = []
    with connection.cursor() as cursor:
        for model in province_distributed_models():
            if has_province_column(model):
                cursor.execute(f"SELECT DISTINCT province_code FROM {model._meta.db_table}")
                codes = {code for (code,) in cursor.fetchall()}
                if codes:
                    filled.append(model._meta.label)
                    assert codes <= {"12", "14", "16", "21"}, model._meta.label  # the four demo cities' provinces
    # Not a check of empty tables: most province-distributed tables hold demo rows, the link tables among them.
    assert len(filled) >= 60, sorted(filled)
    assert set(LINK_TABLES) <= set(filled), sorted(set(LINK_TABLES) - set(filled))


# The many-to-many link tables (explicit through models) the demo fills through the services' `set()`; its
# programmes have no partners and its cases no helpers, so `test_province_code.py` covers those two.
LINK_TABLES = (
    "slums.SlumLocationUnit",
    "collaboration.AgreementParty",
    "collaboration.ForumMember",
    "collaboration.ActivityProject",
)
