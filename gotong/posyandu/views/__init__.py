from gotong.posyandu.views.children import child_card_pdf, child_create, child_create_new, child_detail, child_list
from gotong.posyandu.views.coverage import coverage
from gotong.posyandu.views.day import day_child, session_detail
from gotong.posyandu.views.home import home
from gotong.posyandu.views.immunisation import immunisation_coverage, immunisation_due, immunisation_record
from gotong.posyandu.views.monthly import monthly_report, monthly_report_pdf, monthly_report_xlsx
from gotong.posyandu.views.pregnancy import (
    pregnancy_birth,
    pregnancy_close,
    pregnancy_create,
    pregnancy_create_new,
    pregnancy_detail,
    pregnancy_list,
    pregnancy_visit,
)
from gotong.posyandu.views.reports import skdn_page, skdn_pdf, skdn_xlsx
from gotong.posyandu.views.sessions import session_create, session_list, weighing_record

__all__ = [
    "child_card_pdf",
    "child_create",
    "child_create_new",
    "child_detail",
    "child_list",
    "coverage",
    "day_child",
    "home",
    "immunisation_coverage",
    "immunisation_due",
    "immunisation_record",
    "monthly_report",
    "monthly_report_pdf",
    "monthly_report_xlsx",
    "pregnancy_birth",
    "pregnancy_close",
    "pregnancy_create",
    "pregnancy_create_new",
    "pregnancy_detail",
    "pregnancy_list",
    "pregnancy_visit",
    "session_create",
    "session_detail",
    "session_list",
    "skdn_page",
    "skdn_pdf",
    "skdn_xlsx",
    "weighing_record",
]
