from django.urls import path

from gotong.slums import views

app_name = "slums"

urlpatterns = [
    path("", views.location_list, name="list"),
    path("", views.location_list, name="home"),
    path("baru/", views.location_create, name="location-create"),
    path("peta/", views.location_map, name="map"),
    path("peta.json", views.map_data, name="map-data"),
    path("kemajuan/", views.progress_page, name="progress"),
    path("<int:pk>/", views.location_detail, name="detail"),
    path("<int:pk>/ubah/", views.location_edit, name="location-edit"),
    path("<int:pk>/penilaian/baru/", views.assessment_create, name="assessment-create"),
]
