from gotong.posyandu.views.children import child_card_pdf, child_create, child_create_new, child_detail, child_list
from gotong.posyandu.views.coverage import coverage
from gotong.posyandu.views.home import home
from gotong.posyandu.views.immunisation import immunisation_coverage, immunisation_due, immunisation_record
from gotong.posyandu.views.reports import skdn_page, skdn_pdf, skdn_xlsx
from gotong.posyandu.views.sessions import session_create, session_detail, session_list, weighing_record

__all__ = [
    "child_card_pdf",
    "child_create",
    "child_create_new",
    "child_detail",
    "child_list",
    "coverage",
    "home",
    "immunisation_coverage",
    "immunisation_due",
    "immunisation_record",
    "session_create",
    "session_detail",
    "session_list",
    "skdn_page",
    "skdn_pdf",
    "skdn_xlsx",
    "weighing_record",
]
