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
    path("hari-buka/<int:pk>/imunisasi/<uuid:public_id>/", views.immunisation_record, name="immunisation-record"),
    path("imunisasi/", views.immunisation_due, name="immunisation-due"),
    path("imunisasi/cakupan/", views.immunisation_coverage, name="immunisation-coverage"),
    path("skdn/", views.skdn_page, name="skdn"),
    path("skdn.pdf", views.skdn_pdf, name="skdn-pdf"),
    path("skdn.xlsx", views.skdn_xlsx, name="skdn-xlsx"),
]
