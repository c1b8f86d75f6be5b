from django.urls import path

from gotong.participation.views import aspirations, planning

app_name = "participation"

urlpatterns = [
    path("", aspirations.aspiration_list, name="aspiration-list"),
    path("baru/", aspirations.aspiration_create, name="aspiration-create"),
    path("<uuid:public_id>/", aspirations.aspiration_detail, name="aspiration-detail"),
    path("<uuid:public_id>/foto/", aspirations.aspiration_photo, name="aspiration-photo"),
    path("<uuid:public_id>/laporkan/", aspirations.aspiration_report, name="aspiration-report"),
    path("<uuid:public_id>/tinjau/", aspirations.aspiration_review, name="aspiration-review"),
    path("perencanaan/", planning.round_list, name="planning-list"),
    path("perencanaan/baru/", planning.round_create, name="planning-create"),
    path("perencanaan/<uuid:public_id>/", planning.round_detail, name="planning-round"),
    path("perencanaan/<uuid:public_id>/usulan-baru/", planning.proposal_create, name="planning-propose"),
    path("perencanaan/<uuid:public_id>/tutup/", planning.round_close, name="planning-close"),
    path("perencanaan/<uuid:public_id>/pilih/", planning.round_choose, name="planning-choose"),
    path("perencanaan/usulan/<uuid:public_id>/", planning.proposal_detail, name="planning-proposal"),
    path("perencanaan/usulan/<uuid:public_id>/dukung/", planning.proposal_support, name="planning-support"),
    path("perencanaan/usulan/<uuid:public_id>/batal-dukung/", planning.proposal_unsupport, name="planning-unsupport"),
    path("perencanaan/usulan/<uuid:public_id>/jadikan-kegiatan/", planning.proposal_project, name="planning-project"),
    path(
        "perencanaan/dari-aspirasi/<uuid:public_id>/", planning.aspiration_to_proposal, name="planning-from-aspiration"
    ),
]
