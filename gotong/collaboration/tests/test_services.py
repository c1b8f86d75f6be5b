"""Services: overdue and kept-on-time arithmetic (hand-checked), integer budgets, the done_on rule."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gotong.collaboration.models import Commitment, ProjectBudget
from gotong.collaboration.services import (
    add_commitment,
    create_project,
    kept_on_time_rate,
    overdue_commitments,
    update_commitment_status,
)
from gotong.core.money import format_rupiah

D = datetime.date
TODAY = D(2019, 7, 1)


def _add(agreement, actor, due, user, status="planned", done_on=None):
    c = add_commitment(agreement, actor=actor, what=f"Komitmen {due}", due_on=due, acting_user=user)
    if status != "planned":
        update_commitment_status(c, status=status, done_on=done_on, acting_user=user)
    return c


@pytest.fixture
def mixed(agreement, orgs, city_officer):
    """BKM: on time, late, overdue (in progress), dropped past due, not yet due. Perkim: one not yet due."""
    bkm, u = orgs["bkm"], city_officer
    return {
        "on_time": _add(agreement, bkm, D(2018, 12, 31), u, "done", D(2018, 12, 20)),
        "late": _add(agreement, bkm, D(2019, 3, 31), u, "done", D(2019, 4, 15)),
        "overdue": _add(agreement, bkm, D(2019, 6, 30), u, "in_progress"),
        "dropped": _add(agreement, bkm, D(2019, 1, 31), u, "dropped"),
        "future": _add(agreement, bkm, D(2019, 12, 31), u),
        "due_today": _add(agreement, bkm, TODAY, u),
        "perkim_future": _add(agreement, orgs["perkim"], D(2020, 1, 31), u),
    }


def test_overdue_is_open_and_past_due(mixed):
    overdue = overdue_commitments(Commitment.objects.all(), TODAY)
    assert list(overdue) == [mixed["overdue"]]  # due today is not overdue yet; dropped and done are closed
    assert list(overdue_commitments(Commitment.objects.all(), D(2018, 1, 1))) == []


def test_kept_on_time_rate_hand_checked(mixed, orgs):
    # Counted for BKM: on_time, late, overdue, dropped (done or past due) = 4; kept on time: 1 → 25.0 %.
    assert kept_on_time_rate(orgs["bkm"], Commitment.objects.all(), TODAY) == Decimal("25.0")
    # On 2019-02-01: on_time and late (both done), dropped (past due) = 3; kept 1 → 33.3 %.
    assert kept_on_time_rate(orgs["bkm"], Commitment.objects.all(), D(2019, 2, 1)) == Decimal("33.3")
    assert kept_on_time_rate(orgs["perkim"], Commitment.objects.all(), TODAY) is None  # nothing due
    assert kept_on_time_rate(orgs["korkot"], Commitment.objects.all(), TODAY) is None  # nothing at all


def test_done_needs_done_on_and_nothing_else_has_one(commitment, city_officer):
    with pytest.raises(ValidationError) as exc:
        update_commitment_status(commitment, status="done", acting_user=city_officer)
    assert exc.value.message_dict["done_on"] == ["Isi tanggal selesai bila status komitmen selesai."]
    with pytest.raises(ValidationError):
        update_commitment_status(commitment, status="in_progress", done_on=D(2019, 1, 1), acting_user=city_officer)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on) == ("planned", None)
    done = {"status": "done", "done_on": D(2019, 6, 1), "evidence": "Foto"}
    update_commitment_status(commitment, **done, acting_user=city_officer)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on, commitment.evidence) == ("done", D(2019, 6, 1), "Foto")
    assert LogEntry.objects.get_for_object(commitment).filter(actor=city_officer).exists()


def test_database_enforces_done_on_iff_done(commitment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(status="done")
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(done_on=D(2019, 1, 1))


def test_commitment_actor_must_be_a_party(agreement, areas, city_officer):
    from gotong.organizations.services import create_organization

    outsider = create_organization(
        name="Bank Sampah", kind="bank_sampah", area=areas["21.72"], acting_user=city_officer
    )
    with pytest.raises(ValidationError):
        add_commitment(agreement, actor=outsider, what="x", due_on=D(2019, 1, 1), acting_user=city_officer)


def test_budgets_are_whole_rupiah_with_exact_totals(areas, city_officer):
    project = create_project(
        name="Jalan beton RT 002 RW 006",
        kind="jalan_beton",
        area=areas["21.72.03.1005"],
        volume="2002.38",
        unit="m",
        year=2018,
        budgets={"apbn": 19_762_620_000, "swadaya": 1},
        acting_user=city_officer,
    )
    amounts = dict(project.budgets.values_list("source", "amount_rupiah"))
    assert amounts == {"apbn": 19_762_620_000, "swadaya": 1}
    assert all(type(a) is int for a in amounts.values())
    assert sum(amounts.values()) == 19_762_620_001
    assert ProjectBudget.objects.get(source="apbn").area_code == "21.72.03.1005"
    assert format_rupiah(19_762_620_000) == "Rp19.762.620.000" and format_rupiah(0) == "Rp0"


@pytest.mark.parametrize("budgets", [{"apbn": 1.5}, {"apbn": Decimal("10")}, {"apbn": -1}, {"hibah": 10}])
def test_bad_budgets_are_refused(areas, city_officer, budgets):
    with pytest.raises(ValidationError) as exc:
        create_project(
            name="X", kind="drainase", area=areas["21.72.03.1005"], volume=10, unit="m", year=2018,
            budgets=budgets, acting_user=city_officer,
        )  # fmt: skip
    assert "budgets" in exc.value.message_dict
    assert not ProjectBudget.objects.exists()


def test_project_must_be_at_village_or_below(areas, city_officer):
    with pytest.raises(ValidationError) as exc:
        create_project(
            name="X", kind="drainase", area=areas["21.72"], volume=10, unit="m", year=2018, budgets={},
            acting_user=city_officer,
        )  # fmt: skip
    assert "area" in exc.value.message_dict
