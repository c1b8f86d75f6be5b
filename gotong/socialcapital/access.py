"""Social capital on the access policy: `socialcapital.view` / `socialcapital.record` in `gotong.core.policy.grants`.

Area workers record and read responses inside their work areas; organisation officers read those of the area their
organisation serves; partners and residents hold the view grant as aggregates only: scores for groups of at least
five households (`scoring.MIN_GROUP_FOR_AGGREGATES`), never a household's answers. These helpers only read the
grants' reach for what the pages compute.
"""

from gotong.core.area_codes import code_overlaps
from gotong.core.policy.decide import reaches
from gotong.socialcapital.models import Response

VIEW = "socialcapital.view"
RECORD = "socialcapital.record"


def aggregates_only(user) -> bool:
    """The user reads scores but no named response: the view grant reaches aggregates and nothing more."""
    reached = reaches(user, VIEW)
    return bool(reached) and not reached.named


def scope_codes(user, capability: str = VIEW) -> list[str] | None:
    """The areas a capability reaches (work areas, organisations' areas); None means everywhere."""
    reached = reaches(user, capability)
    if reached.everything:
        return None
    return sorted(reached.area_codes | reached.organization_area_codes)


def responses_for_scores(user, survey_round):
    """The responses a user's scores are computed from: all of the round (then suppressed) or those in scope."""
    responses = Response.objects.filter(survey_round=survey_round)
    return responses if aggregates_only(user) else responses.visible_to(user)


def may_record_in_round(user, survey_round) -> bool:
    """The round's area holds part of the user's `socialcapital.record` reach (a facilitator of one RT records
    the households of that RT in a kelurahan-wide round)."""
    return code_overlaps(survey_round.area_code, scope_codes(user, RECORD))
