"""The schema stays ready for Citus: every table has a placement, and nothing Citus would refuse goes unlisted.

A new model fails here until someone decides where it lives (`gotong.core.distribution.PLACEMENT`); a new unique
constraint or foreign key that a distributed cluster could not enforce fails until it is fixed or listed, with its
reason and planned fix, in `KNOWN_GAPS` (docs/scaling.md, "Step 4").
"""

import pytest
from django.apps import apps

from gotong.core import distribution
from gotong.core.distribution import KNOWN_GAPS, PLACEMENT, ByProvince, Reference
from gotong.core.distribution_rules import (
    placements_without_model,
    province_distributed_models,
    province_source,
    readiness_gaps,
    unplaced_models,
)


def _listing(gaps) -> str:
    return "\n".join(f"  {label} / {item}: {problem}" for (label, item), problem in sorted(gaps.items()))


def test_every_table_has_a_placement():
    assert unplaced_models() == [], "decide where these live in gotong/core/distribution.py"
    assert placements_without_model() == [], "these placements name no model any more"


def test_every_distributed_row_can_tell_its_province():
    sources = {m._meta.label: province_source(m) for m in province_distributed_models()}

    assert sources["registry.Person"] == "areas.Area.code"  # person → household → area
    assert sources["posyandu.Weighing"] == "organizations.Organization.area_code"  # → session → posyandu
    assert sources["dashboards.AreaTally"] == "dashboards.AreaTally.area_code"
    assert all(source.endswith((".code", ".area_code")) for source in sources.values())


def test_nothing_citus_would_refuse_goes_unlisted():
    gaps = readiness_gaps()

    new = {key: problem for key, problem in gaps.items() if key not in KNOWN_GAPS}
    assert not new, f"fix these or list them with a reason in KNOWN_GAPS:\n{_listing(new)}"
    gone = sorted(key for key in KNOWN_GAPS if key not in gaps)
    assert not gone, f"these gaps are closed; remove them from KNOWN_GAPS: {gone}"


def test_every_listed_gap_says_why_and_how_it_will_be_fixed():
    for key, reason in KNOWN_GAPS.items():
        assert "fix:" in reason, key


def test_the_hot_tables_are_distributed_by_province_and_the_shared_ones_replicated():
    hot = ["registry.Person", "registry.Household", "posyandu.Weighing", "ledger.Entry", "casework.Visit"]
    assert all(isinstance(PLACEMENT[label], ByProvince) for label in hot)
    shared = ["areas.Area", "accounts.User", "organizations.Organization"]
    assert all(isinstance(PLACEMENT[label], Reference) for label in shared)


@pytest.fixture
def placement(monkeypatch):
    """Change one model's placement for a test: the rules must notice what that breaks."""

    def place(label, new):
        monkeypatch.setitem(distribution.PLACEMENT, label, new)

    return place


def test_a_model_without_a_decision_is_reported(monkeypatch):
    monkeypatch.delitem(distribution.PLACEMENT, "registry.Dwelling")

    assert unplaced_models() == ["registry.Dwelling"]


def test_a_unique_rule_that_does_not_fix_the_province_is_a_gap(placement):
    # Named per area: once the row's province is read from its own area_code instead of the area itself, the
    # constraint (name, area) no longer visibly contains anything that fixes the province.
    placement("collaboration.Forum", ByProvince("area_code"))

    assert ("collaboration.Forum", "unique unique_forum_name_in_area") in readiness_gaps()


def test_a_link_to_another_provinces_row_is_a_gap(placement):
    # A weighing whose child is not declared to be kept in the session's posyandu could join two provinces.
    placement("posyandu.Weighing", ByProvince("session"))

    assert readiness_gaps()["posyandu.Weighing", "fk child"] == "posyandu.Child may sit in another province"


def test_a_replicated_table_cannot_point_at_a_distributed_one(placement):
    placement("registry.Dwelling", Reference("test"))

    assert ("registry.Dwelling", "fk household") in readiness_gaps()


def test_a_broken_province_derivation_is_refused(placement):
    placement("registry.Dwelling", ByProvince("roof"))  # a plain field: neither an area code nor a link

    with pytest.raises(ValueError, match="neither an area code nor a foreign key"):
        province_source(apps.get_model("registry.Dwelling"))
