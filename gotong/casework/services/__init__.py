"""Every write on cases goes through these functions (views, commands and the demo call the same ones)."""

from gotong.casework.services.cases import close_case, open_case, plan_single_visit, set_visit_plan, update_team
from gotong.casework.services.work import (
    give_assistance,
    log_visit,
    record_assessment,
    refer,
    update_referral,
    visit_defaults,
)

__all__ = [
    "close_case",
    "give_assistance",
    "log_visit",
    "open_case",
    "plan_single_visit",
    "record_assessment",
    "refer",
    "set_visit_plan",
    "update_referral",
    "update_team",
    "visit_defaults",
]
