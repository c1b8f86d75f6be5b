from django.urls import path

from gotong.collaboration import views
from gotong.collaboration.views import edit, evidence, forums, partnerships, plans

app_name = "collaboration"

urlpatterns = [
    path("", views.agreement_list, name="agreement-list"),
    path("", views.agreement_list, name="home"),
    path("kesepakatan/baru/", edit.agreement_create, name="agreement-create"),
    path("kesepakatan/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("kesepakatan/<int:pk>/ubah/", edit.agreement_edit, name="agreement-edit"),
    path("kesepakatan/<int:pk>/komitmen/baru/", edit.commitment_create, name="commitment-create"),
    path("komitmen/<int:pk>/status/", views.commitment_status, name="commitment-status"),
    path("komitmen/<int:pk>/bukti/baru/", evidence.commitment_evidence_upload, name="commitment-evidence-upload"),
    path("bukti/<int:pk>/", evidence.commitment_evidence_file, name="commitment-evidence-file"),
    path("kegiatan/", views.project_list, name="project-list"),
    path("kegiatan/baru/", edit.project_create, name="project-create"),
    path("kegiatan/<int:pk>/", views.project_detail, name="project-detail"),
    path("kegiatan/<int:pk>/ubah/", edit.project_edit, name="project-edit"),
    path("kegiatan/<int:pk>/foto/baru/", evidence.photo_upload, name="photo-upload"),
    path("foto/<int:pk>/", evidence.photo_file, name="photo-file"),
    path("forum/", forums.forum_list, name="forum-list"),
    path("forum/baru/", forums.forum_create, name="forum-create"),
    path("forum/<int:pk>/", forums.forum_detail, name="forum-detail"),
    path("forum/<int:pk>/ubah/", forums.forum_edit, name="forum-edit"),
    path("forum/<int:pk>/pertemuan/baru/", forums.meeting_create, name="meeting-create"),
    path("pertemuan/<int:pk>/", forums.meeting_detail, name="meeting-detail"),
    path("pertemuan/<int:pk>/ubah/", forums.meeting_edit, name="meeting-edit"),
    path("pertemuan/<int:pk>/peserta/baru/", forums.participant_add, name="participant-add"),
    path("pertemuan/<int:pk>/kehadiran/", forums.attendance, name="attendance"),
    path("pertemuan/<int:pk>/keputusan/baru/", forums.decision_add, name="decision-add"),
    path("keputusan/<int:pk>/komitmen/", forums.decision_commitment, name="decision-commitment"),
    path("sasaran/", plans.target_list, name="target-list"),
    path("sasaran/baru/", plans.target_create, name="target-create"),
    path("sasaran/<int:pk>/", plans.target_detail, name="target-detail"),
    path("sasaran/<int:pk>/ubah/", plans.target_edit, name="target-edit"),
    path("sasaran/<int:pk>/rencana/baru/", plans.plan_create, name="plan-create"),
    path("rencana/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("rencana/<int:pk>/ubah/", plans.plan_edit, name="plan-edit"),
    path("rencana/<int:pk>/aktivitas/baru/", plans.activity_add, name="activity-add"),
    path("aktivitas/<int:pk>/kemajuan/", plans.activity_progress, name="activity-progress"),
    path("berbagi-data/", evidence.sharing_list, name="sharing-list"),
    path("berbagi-data/baru/", evidence.sharing_create, name="sharing-create"),
    path("kemitraan/", partnerships.partnership_list, name="partnership-list"),
    path("kemitraan/<int:pk>/", partnerships.partnership_detail, name="partnership-detail"),
    path("kemitraan/timbal-balik/baru/", partnerships.reciprocity_create, name="reciprocity-create"),
]
