from django.urls import path

from gotong.collaboration import views

app_name = "collaboration"

urlpatterns = [
    path("", views.agreement_list, name="agreement-list"),
    path("kesepakatan/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("komitmen/<int:pk>/status/", views.commitment_status, name="commitment-status"),
    path("kegiatan/", views.project_list, name="project-list"),
    path("kegiatan/<int:pk>/", views.project_detail, name="project-detail"),
]
