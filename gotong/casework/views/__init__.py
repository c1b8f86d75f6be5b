from gotong.casework.views.cases import case_close, case_create, case_detail, case_list, case_team, home
from gotong.casework.views.reports import report_page, report_pdf_view, report_xlsx_view, supervision
from gotong.casework.views.work import (
    assessment_create,
    assistance_create,
    plan_edit,
    referral_create,
    referral_update,
    single_visit_create,
    visit_create,
)

__all__ = [
    "assessment_create",
    "assistance_create",
    "case_close",
    "case_create",
    "case_detail",
    "case_list",
    "case_team",
    "home",
    "plan_edit",
    "referral_create",
    "referral_update",
    "report_page",
    "report_pdf_view",
    "report_xlsx_view",
    "single_visit_create",
    "supervision",
    "visit_create",
]
