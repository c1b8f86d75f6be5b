"""The lists' name search (`?q=`): same answers on SQLite and PostgreSQL, and on PostgreSQL from trigram indexes.

Run on both: `pytest gotong/registry/tests/test_search_at_scale.py` (SQLite) and with DATABASE_URL set.
"""

import pytest
from django.db import connection, transaction
from django.urls import reverse

from gotong.core import listing
from gotong.core.listing import matching_ids
from gotong.registry.models import Household, Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in


@pytest.fixture
def village(areas):
    bugis = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 2), address="Jl. Bugis No. 7")
    PersonFactory(household=bugis, name="Ahmad Yani")
    PersonFactory(household=bugis, name="Siti Aminah", relationship="istri")
    PersonFactory(household=bugis, name="Aminah Putri", relationship="anak")
    mawar = HouseholdFactory(area=rt_in("21.72.03.1005", 6, 3), address="Gg. Mawar Aminah 3")
    PersonFactory(household=mawar, name="Rudi Hartono")
    # Another city: the same name, never in a Tanjungpinang facilitator's results.
    palembang = HouseholdFactory(area=rt_in("16.71.11.1005", 1, 1), address="Jl. Sudirman 1")
    PersonFactory(household=palembang, name="Siti Aminah")
    return bugis, mawar, palembang


@pytest.fixture(params=["few matches: a list of ids", "a common text: row by row"])
def strategy(request, monkeypatch):
    """Every test below runs with both ways of searching: they must give the same rows."""
    if request.param.startswith("a common text"):
        monkeypatch.setattr(listing, "FEW_MATCHES", 0)
    return request.param


def _found(user, text):
    return list(Household.objects.visible_to(user).search(text).order_by("family_card_number"))


def test_contains_any_case_through_members_and_address_each_household_once(facilitator, village, strategy):
    bugis, mawar, _palembang = village
    # "aminah" is in two members of Bugis and in Mawar's address: each household once.
    assert _found(facilitator, "aMiNaH") == sorted([bugis, mawar], key=lambda h: h.family_card_number)
    assert _found(facilitator, "yani") == [bugis]  # the middle of a name, not only its start
    assert _found(facilitator, "Gg. Mawar") == [mawar]


def test_numbers_by_their_start_as_written_on_the_card(facilitator, village, strategy):
    bugis, _mawar, _palembang = village
    nik = bugis.members.get(name="Ahmad Yani").nik
    spaced = f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"  # as a KTP prints it
    assert _found(facilitator, spaced) == [bugis]
    card = bugis.family_card_number
    assert bugis in _found(facilitator, f"{card[:4]}.{card[4:10]}")


def test_scope_stays_and_no_match_is_empty(facilitator, other_facilitator, village, strategy):
    _bugis, _mawar, palembang = village
    assert palembang not in _found(facilitator, "Siti")
    assert _found(other_facilitator, "Siti") == [palembang]
    assert _found(facilitator, "Zzyzx") == []


def test_list_page_searches_the_same(client, facilitator, village, strategy):
    bugis, mawar, palembang = village
    client.force_login(facilitator)
    content = client.get(reverse("registry:household-list"), {"q": "aminah"}).content.decode()
    assert bugis.address in content and mawar.address in content
    assert palembang.address not in content
    assert "Jl. Bugis No. 7" not in client.get(reverse("registry:household-list"), {"q": "Zzyzx"}).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm indexes exist on PostgreSQL only")
def test_postgresql_answers_a_name_search_from_the_trigram_indexes(facilitator, village):
    """The migration's indexes match the expression `icontains` compares (UPPER(name)), so the planner can use them.

    With a handful of rows a sequential scan is cheaper, so sequential scans are switched off for this one plan:
    what is asked is whether the index *can* answer, which fails if its expression differs from the query's."""
    # The search reads the UNION of the fields' matches first (a rare text then becomes a list of ids).
    queryset = matching_ids(Household, "Zzyzx", contains=("address", "members__name"))
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "person_name_trgm_idx" in plan, plan
    assert "household_address_trgm_idx" in plan, plan
    # The posyandu and waste-bank lists join to the person's name: the same index serves them.
    persons = Person.objects.filter(name__icontains="zzyzx").order_by().values("pk")
    sql, params = persons.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # Also no plain index scans: a full walk of another B-tree would otherwise stand in for a sequential scan.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        assert "person_name_trgm_idx" in "\n".join(row[0] for row in cursor.fetchall())
