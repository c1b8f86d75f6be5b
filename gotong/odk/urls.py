import re

from django.urls import include, path, re_path

from gotong.odk import catalog
from gotong.odk.views import openrosa, setup

app_name = "odk"


def _form_patterns(prefix: str) -> list:
    """Each form's own URLs (one pattern per form, so each carries the capability that form records with)."""
    patterns = []
    for form in catalog.FORMS.values():
        views = openrosa.form_views(form)
        form_id = f"(?P<form_id>{re.escape(form.form_id)})"
        patterns += [
            re_path(rf"^forms/{form_id}/form\.xml$", views["form-xml"], name=f"{prefix}form-xml"),
            re_path(rf"^forms/{form_id}/manifest$", views["manifest"], name=f"{prefix}manifest"),
            re_path(rf"^forms/{form_id}/media/(?P<filename>[^/]+)$", views["media"], name=f"{prefix}media"),
        ]
    return patterns


def _openrosa_patterns(prefix: str) -> list:
    """The same endpoints under /odk/key/<token>/ (names "key-…") and under /odk/ with HTTP Basic."""
    return [
        path("formList", openrosa.form_list, name=f"{prefix}form-list"),
        *_form_patterns(prefix),
        path("submission", openrosa.submission, name=f"{prefix}submission"),
    ]


urlpatterns = [
    path("", setup.setup_page, name="setup"),
    path("key/<str:token>/", include(_openrosa_patterns("key-"))),
    *_openrosa_patterns(""),
]
