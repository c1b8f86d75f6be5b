from django.urls import path  # noqa: F401  (pages are added by the aspirations and planning views)

app_name = "participation"

urlpatterns: list = []
