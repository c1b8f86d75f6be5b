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
    path("bank-sampah/", include("gotong.wastebank.urls")),
    path("kas/", include("gotong.treasury.urls")),
    path("posyandu/", include("gotong.posyandu.urls")),
    path("gotong-royong/", include("gotong.activities.urls")),
    path("program/", include("gotong.programs.urls")),
    path("kasus/", include("gotong.casework.urls")),
    path("modal-sosial/", include("gotong.socialcapital.urls")),
    path("aspirasi/", include("gotong.participation.urls")),
    path("dasbor/", include("gotong.dashboards.urls")),
    path("publik/", include("gotong.portal.urls")),
    path("ekspor/", include("gotong.exports.urls")),
    path("api/", include("gotong.api.urls")),
    path("lapangan/", include("gotong.field.urls")),
    path("odk/", include("gotong.odk.urls")),
    path("pilih/", include("gotong.core.pickers.urls")),
    path("", core_views.dashboard, name="dashboard"),
]

# Indonesian error pages: 403.html and 404.html (site layout), 400.html and 500.html rendered without the request's
# context (a refused request, a failed server).
handler400 = "gotong.core.errors.bad_request"
handler500 = "gotong.core.errors.server_error"
