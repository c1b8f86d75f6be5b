from django.urls import path

from gotong.areas import views

app_name = "areas"

urlpatterns = [
    path("", views.browse, name="browse"),
    path("cari/", views.search, name="search"),
    path("<str:code>/", views.detail, name="detail"),
]
