from django.urls import path

from gotong.participation.views import aspirations

app_name = "participation"

urlpatterns = [
    path("", aspirations.aspiration_list, name="aspiration-list"),
    path("baru/", aspirations.aspiration_create, name="aspiration-create"),
    path("<uuid:public_id>/", aspirations.aspiration_detail, name="aspiration-detail"),
    path("<uuid:public_id>/foto/", aspirations.aspiration_photo, name="aspiration-photo"),
    path("<uuid:public_id>/laporkan/", aspirations.aspiration_report, name="aspiration-report"),
    path("<uuid:public_id>/tinjau/", aspirations.aspiration_review, name="aspiration-review"),
]
