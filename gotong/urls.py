from django.contrib import admin
from django.urls import include, path

from gotong.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("akun/", include("gotong.accounts.urls")),
    path("wilayah/", include("gotong.areas.urls")),
    path("registrasi/", include("gotong.registry.urls")),
    path("organisasi/", include("gotong.organizations.urls")),
    path("kumuh/", include("gotong.slums.urls")),
    path("kolaborasi/", include("gotong.collaboration.urls")),
    path("", core_views.dashboard, name="dashboard"),
]
