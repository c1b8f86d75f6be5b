from django.urls import include, path

from gotong.odk.views import openrosa, setup

app_name = "odk"


def _openrosa_patterns(prefix: str) -> list:
    """The same endpoints under /odk/key/<token>/ (names "key-…") and under /odk/ with HTTP Basic."""
    return [
        path("formList", openrosa.form_list, name=f"{prefix}form-list"),
        path("forms/<str:form_id>/form.xml", openrosa.form_xml, name=f"{prefix}form-xml"),
        path("forms/<str:form_id>/manifest", openrosa.manifest, name=f"{prefix}manifest"),
        path("forms/<str:form_id>/media/<str:filename>", openrosa.media_file, name=f"{prefix}media"),
        path("submission", openrosa.submission, name=f"{prefix}submission"),
    ]


urlpatterns = [
    path("", setup.setup_page, name="setup"),
    path("key/<str:token>/", include(_openrosa_patterns("key-"))),
    *_openrosa_patterns(""),
]
