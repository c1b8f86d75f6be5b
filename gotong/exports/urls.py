from django.urls import path

from gotong.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("unduh/<str:key>.<str:fmt>", views.download, name="download"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/berkas/", views.job_file, name="job-file"),
]
