from django.urls import path

from gotong.core.pickers import views

app_name = "pickers"

urlpatterns = [
    path("penduduk/", views.persons, name="persons"),
    path("keluarga/", views.households, name="households"),
    path("pengguna/", views.users, name="users"),
    path("organisasi/", views.organizations, name="organizations"),
]
