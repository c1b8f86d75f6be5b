from importlib import import_module

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from gotong.api import views

# Each module's `api.py` lists its endpoints as ROUTES = [(prefix, viewset, basename), …].
MODULES = (
    "areas",
    "registry",
    "organizations",
    "slums",
    "collaboration",
    "activities",
    "wastebank",
    "treasury",
    "posyandu",
    "casework",
    "programs",
    "socialcapital",
    "participation",
)


def _router() -> DefaultRouter:
    router = DefaultRouter(trailing_slash=True)
    router.include_root_view = False
    for module in MODULES:
        for prefix, viewset, basename in import_module(f"gotong.{module}.api").ROUTES:
            router.register(prefix, viewset, basename=basename)
    return router


app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("token/", views.token_page, name="token-page"),
    path("v1/token/", views.ObtainTokenView.as_view(), name="token"),
    # The offline field forms sync through these (owned by gotong.field).
    path("v1/lapangan/", include("gotong.field.api_urls")),
    path("v1/", include(_router().urls)),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
