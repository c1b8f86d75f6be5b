"""Who may do what with social capital surveys.

Area workers (city officers, facilitators) record and see responses inside their work areas; organisation staff
see the responses of their organisation's area; partners and residents see aggregates only, for groups of at
least five households (`scoring.MIN_GROUP_FOR_AGGREGATES`).
"""

from gotong.accounts.roles import Role
from gotong.core.scoping import is_area_worker, works_in
from gotong.socialcapital.models import Response


def aggregates_only(user) -> bool:
    return user.is_authenticated and not user.is_superuser and user.role in (Role.PARTNER, Role.RESIDENT)


def responses_for_scores(user, survey_round):
    """The responses a user's scores are computed from: all of the round (then suppressed) or those in scope."""
    responses = Response.objects.filter(survey_round=survey_round)
    return responses if aggregates_only(user) else responses.visible_to(user)


def may_record_at_all(user) -> bool:
    return is_area_worker(user)


def can_record(user, survey_round) -> bool:
    """A worker whose scope covers the round's area, or part of it (a facilitator of one RT)."""
    if not is_area_worker(user):
        return False
    if works_in(user, survey_round.area_code):
        return True
    from gotong.core.scoping import visible_area_codes

    return any(code.startswith(f"{survey_round.area_code}.") for code in visible_area_codes(user) or [])
