from django.urls import path

from gotong.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("<str:code>/", views.area, name="area"),
]
