from django.urls import path

from gotong.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_list, name="list"),
    path("baru/", views.organization_create, name="create"),
    path("<int:pk>/", views.organization_detail, name="detail"),
    path("<int:pk>/ubah/", views.organization_edit, name="edit"),
    path("<int:pk>/anggota/baru/", views.member_add, name="member-add"),
    path("anggota/<int:pk>/akhiri/", views.member_end, name="member-end"),
]
