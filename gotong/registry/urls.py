from django.urls import path

from gotong.registry.views import households, importing, persons

app_name = "registry"

urlpatterns = [
    path("", households.household_list, name="household-list"),
    path("kk/baru/", households.household_create, name="household-create"),
    path("kk/<uuid:public_id>/", households.household_detail, name="household-detail"),
    path("kk/<uuid:public_id>/ubah/", households.household_edit, name="household-edit"),
    path("kk/<uuid:public_id>/rumah/", households.dwelling_edit, name="dwelling-edit"),
    path("kk/<uuid:public_id>/anggota/baru/", persons.person_create, name="person-create"),
    path("penduduk/<uuid:public_id>/ubah/", persons.person_edit, name="person-edit"),
    path("impor/", importing.import_upload, name="import"),
    path("impor/templat.<str:fmt>", importing.import_template, name="import-template"),
]
