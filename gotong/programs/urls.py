from django.urls import path

from gotong.programs import views

app_name = "programs"

urlpatterns = [
    path("", views.home, name="home"),
    path("baru/", views.program_create, name="create"),
    path("<int:pk>/", views.program_detail, name="detail"),
    path("angkatan/<uuid:public_id>/", views.cohort_detail, name="cohort"),
    path("pertemuan/<int:pk>/kehadiran/", views.session_attendance, name="session-attendance"),
    path("peserta/<uuid:public_id>/hasil/", views.enrolment_outcome, name="outcome"),
    path("belum-terjangkau/", views.left_out, name="left-out"),
]
