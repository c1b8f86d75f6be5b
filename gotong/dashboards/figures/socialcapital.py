"""Social capital from the latest survey round covering the area: households surveyed and mean scores (0–100).

Scores follow gotong.socialcapital.scoring (each household's dimension score, then the mean over households);
responses come from the module's own access rule, and aggregate-only viewers get nothing under its minimum group.
"""

from decimal import ROUND_HALF_UP, Decimal

from gotong.core.policy import may_somewhere
from gotong.core.scoping import area_code_filter
from gotong.dashboards.figures.links import list_url
from gotong.socialcapital.access import aggregates_only, responses_for_scores
from gotong.socialcapital.models import Dimension, Response, SurveyRound
from gotong.socialcapital.scoring import MIN_GROUP_FOR_AGGREGATES, OVERALL, household_scores


def figures(user, area, today) -> dict | None:
    in_area = area_code_filter([area.code])
    surveyed = Response.objects.filter(in_area).values("survey_round")
    rounds = SurveyRound.objects.visible_to(user).filter(pk__in=surveyed, starts_on__lte=today)
    survey_round = rounds.order_by("-starts_on").first()
    if survey_round is None:
        return None
    responses = responses_for_scores(user, survey_round).filter(in_area)
    scores = [dims for _code, dims in household_scores(responses).values() if dims]
    if not scores or (aggregates_only(user) and len(scores) < MIN_GROUP_FOR_AGGREGATES):
        return None
    return {
        "round": survey_round.name,
        "starts_on": survey_round.starts_on,
        "households": len(scores),
        "overall": _mean(scores, OVERALL),
        "dimensions": [
            {"code": code, "label": label, "score": _mean(scores, code)} for code, label in Dimension.choices
        ],
        "url": list_url("socialcapital:scores", area, putaran=survey_round.pk),
        # The actors' network is built from collaboration records: only for whoever reads those.
        "network_url": list_url("socialcapital:network", area) if may_somewhere(user, "collaboration.view") else None,
    }


def _mean(scores: list[dict], key: str) -> Decimal | None:
    values = [dims[key] for dims in scores if key in dims]
    if not values:
        return None
    return Decimal(sum(values) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
