from django.urls import path

from gotong.field import api

app_name = "field"
urlpatterns = [
    path("kiriman/", api.SubmitView.as_view(), name="submit"),
    path("data/<str:kind>/", api.ReferenceView.as_view(), name="reference"),
]
