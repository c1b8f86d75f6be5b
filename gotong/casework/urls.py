from django.urls import path

from gotong.casework import views

app_name = "casework"

urlpatterns = [
    path("", views.home, name="home"),
    path("daftar/", views.case_list, name="list"),
    path("baru/", views.case_create, name="create"),
    path("supervisi/", views.supervision, name="supervision"),
    path("laporan/", views.report_page, name="report"),
    path("laporan.pdf", views.report_pdf_view, name="report-pdf"),
    path("laporan.xlsx", views.report_xlsx_view, name="report-xlsx"),
    path("<uuid:public_id>/", views.case_detail, name="detail"),
    path("<uuid:public_id>/kunjungan/", views.visit_create, name="visit"),
    path("<uuid:public_id>/rencana/", views.plan_edit, name="plan"),
    path("<uuid:public_id>/kunjungan-sekali/", views.single_visit_create, name="single-visit"),
    path("<uuid:public_id>/asesmen/", views.assessment_create, name="assessment"),
    path("<uuid:public_id>/bantuan/", views.assistance_create, name="assistance"),
    path("<uuid:public_id>/rujukan/", views.referral_create, name="referral"),
    path("<uuid:public_id>/rujukan/<uuid:referral_id>/", views.referral_update, name="referral-update"),
    path("<uuid:public_id>/tim/", views.case_team, name="team"),
    path("<uuid:public_id>/tutup/", views.case_close, name="close"),
]
