from django.urls import path

from gotong.socialcapital import views

app_name = "socialcapital"

urlpatterns = [
    path("", views.home, name="home"),
    path("instrumen/<int:pk>/", views.instrument_detail, name="instrument"),
    path("putaran/baru/", views.round_create, name="round-create"),
    path("putaran/<int:pk>/", views.round_detail, name="round"),
    path("putaran/<int:pk>/rumah-tangga/<uuid:household>/", views.response_form, name="response"),
    path("skor/", views.scores, name="scores"),
    path("skor/unduh.xlsx", views.scores_xlsx, name="scores-xlsx"),
    path("jaringan/", views.network_view, name="network"),
]
