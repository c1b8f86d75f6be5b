from django.urls import path

from gotong.posyandu import views

app_name = "posyandu"

urlpatterns = [
    path("", views.home, name="home"),
    path("balita/", views.child_list, name="child-list"),
    path("balita/belum-terdaftar/", views.coverage, name="coverage"),
    path("balita/baru/", views.child_create, name="child-create"),
    path("balita/baru/penduduk-baru/", views.child_create_new, name="child-create-new"),
    path("balita/<uuid:public_id>/", views.child_detail, name="child-detail"),
    path("balita/<uuid:public_id>/kartu.pdf", views.child_card_pdf, name="child-card"),
    path("hari-buka/", views.session_list, name="session-list"),
    path("hari-buka/baru/", views.session_create, name="session-create"),
    path("hari-buka/<int:pk>/", views.session_detail, name="session-detail"),
    path("hari-buka/<int:pk>/timbang/<uuid:public_id>/", views.weighing_record, name="weighing-record"),
    path("hari-buka/<int:pk>/meja/<uuid:public_id>/", views.day_child, name="day-child"),
    path("laporan-bulanan/", views.monthly_report, name="monthly-report"),
    path("laporan-bulanan.pdf", views.monthly_report_pdf, name="monthly-report-pdf"),
    path("laporan-bulanan.xlsx", views.monthly_report_xlsx, name="monthly-report-xlsx"),
    path("ibu-hamil/", views.pregnancy_list, name="pregnancy-list"),
    path("ibu-hamil/baru/", views.pregnancy_create, name="pregnancy-create"),
    path("ibu-hamil/baru/penduduk-baru/", views.pregnancy_create_new, name="pregnancy-create-new"),
    path("ibu-hamil/<uuid:public_id>/", views.pregnancy_detail, name="pregnancy-detail"),
    path("ibu-hamil/<uuid:public_id>/periksa/", views.pregnancy_visit, name="pregnancy-visit"),
    path("ibu-hamil/<uuid:public_id>/persalinan/", views.pregnancy_birth, name="pregnancy-birth"),
    path("ibu-hamil/<uuid:public_id>/selesai/", views.pregnancy_close, name="pregnancy-close"),
    path("hari-buka/<int:pk>/imunisasi/<uuid:public_id>/", views.immunisation_record, name="immunisation-record"),
    path("imunisasi/", views.immunisation_due, name="immunisation-due"),
    path("imunisasi/cakupan/", views.immunisation_coverage, name="immunisation-coverage"),
    path("skdn/", views.skdn_page, name="skdn"),
    path("skdn.pdf", views.skdn_pdf, name="skdn-pdf"),
    path("skdn.xlsx", views.skdn_xlsx, name="skdn-xlsx"),
]
