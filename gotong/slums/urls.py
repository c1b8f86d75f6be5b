from django.urls import path

from gotong.slums import views

app_name = "slums"

urlpatterns = [
    path("", views.location_list, name="list"),
    path("<int:pk>/", views.location_detail, name="detail"),
    path("<int:pk>/penilaian/baru/", views.assessment_create, name="assessment-create"),
]
