from django.urls import path

from gotong.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.home, name="home"),
    path("<str:code>/", views.area_page, name="area"),
    path("<str:code>/laporan.pdf", views.area_pdf, name="area-pdf"),
    path("<str:code>/peta.json", views.area_map, name="area-map"),
]
