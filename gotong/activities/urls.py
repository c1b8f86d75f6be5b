from django.urls import path

from gotong.activities import views

app_name = "activities"

urlpatterns = [
    path("", views.home, name="home"),
    path("kegiatan/baru/", views.event_create, name="event-create"),
    path("kegiatan/<uuid:public_id>/", views.event_detail, name="event-detail"),
    path("kegiatan/<uuid:public_id>/ubah/", views.event_edit, name="event-edit"),
    path("kegiatan/<uuid:public_id>/kehadiran/", views.event_attendance, name="event-attendance"),
    path("norma/", views.norms, name="norms"),
    path("norma/baru/", views.norm_create, name="norm-create"),
    path("norma/<int:pk>/teguran/", views.warning_create, name="warning-create"),
    path("umk/", views.wage_rates, name="wage-rates"),
]
