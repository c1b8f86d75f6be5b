"""A collaboration's health over a period: every indicator by stage, a headline per stage and its trend against
the previous period of the same length. Pages, PDF, XLSX and the home page all read this."""

import datetime

from gotong.collaboration.health import commitment, dialogue, small_wins, trust, understanding
from gotong.collaboration.health.definitions import STAGES
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration


def measure(collab: Collaboration, period: Period, today: datetime.date) -> dict:
    """Every indicator of the five stages for the period."""
    return {
        "dialogue": {
            "meetings_held": dialogue.meetings_held(collab, period),
            "meetings_planned": dialogue.meetings_planned(collab, period),
            "attendance": dialogue.attendance_by_actor_type(collab, period),
            "decisions": dialogue.decisions_taken(collab, period),
        },
        "trust": {
            "kept_by_actor": trust.kept_on_time_by_actor(collab, period, today),
            "kept_overall": trust.kept_on_time_overall(collab, period, today),
            "data_shared": trust.datasets_shared(collab, period),
            "reciprocity": trust.reciprocity_evidence(collab, period),
        },
        "commitment": {
            "agreements_signed": commitment.agreements_signed(collab, period),
            "commitments_made": commitment.commitments_made(collab, period),
            "stopped_attending": commitment.actors_stopped_attending(collab, period),
            "lapsed": list(commitment.lapsed_commitments(collab, period, today)),
        },
        "understanding": {
            "targets_agreed": understanding.targets_agreed(collab, period),
            "plans_with_owners": understanding.plans_with_owners(collab),
            "actors_in_setting": understanding.actors_in_target_setting(collab),
        },
        "small_wins": {
            "projects": small_wins.projects_done(collab, period),
            "slum": small_wins.slum_hectares_reduced(collab, period),
            "targets": small_wins.target_timeline(collab, period, today),
        },
    }


def headlines(measured: dict) -> dict:
    """One number per stage, the one the list page and the trend show."""
    return {
        "dialogue": measured["dialogue"]["meetings_held"],
        "trust": measured["trust"]["kept_overall"]["rate"],
        "commitment": measured["commitment"]["commitments_made"],
        "understanding": measured["understanding"]["targets_agreed"]["agreed"],
        "small_wins": measured["small_wins"]["projects"]["count"],
    }


def trend(current: dict, previous: dict) -> dict:
    """Per stage: the headline now minus the headline of the previous period (None when either is unknown)."""
    return {
        key: (None if current[key] is None or previous[key] is None else current[key] - previous[key])
        for key in current
    }


def stage_has_evidence(measured: dict) -> dict:
    """Whether each stage has any measured evidence in the period (what "all five stages shown" means)."""
    d, t, c, u, s = (measured[k] for k in ("dialogue", "trust", "commitment", "understanding", "small_wins"))
    return {
        "dialogue": bool(d["meetings_held"] or d["decisions"]),
        "trust": bool(
            t["kept_overall"]["counted"]
            or t["data_shared"]["count"]
            or t["reciprocity"]["entries"]
            or t["reciprocity"]["given_back_entries"]
        ),
        "commitment": bool(c["agreements_signed"] or c["commitments_made"]),
        "understanding": bool(u["targets_agreed"]["agreed"] or u["plans_with_owners"]["owned"]),
        "small_wins": bool(s["projects"]["count"] or s["slum"]["reduced_ha"]),
    }


def health(collab: Collaboration, period: Period, today: datetime.date) -> dict:
    """The page's whole content: indicators now, headlines now and before, their trend, and evidence per stage."""
    measured = measure(collab, period, today)
    now = headlines(measured)
    before = headlines(measure(collab, period.previous(), today))
    change = trend(now, before)
    evidence = stage_has_evidence(measured)
    cells = [
        {
            "key": key,
            "label": label,
            "value": now[key],
            "previous": before[key],
            "trend": change[key],
            "evidence": evidence[key],
            "percent": key == "trust",
        }
        for key, label in STAGES
    ]
    return {
        "measured": measured,
        "headlines": now,
        "previous": before,
        "trend": change,
        "evidence": evidence,
        "cells": cells,
    }
