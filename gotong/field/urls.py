from django.urls import path

from gotong.field import views

app_name = "field"
urlpatterns = [
    path("", views.home, name="home"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("<slug:slug>/", views.form, name="form"),
]
