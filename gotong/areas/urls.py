from django.urls import path

from gotong.areas import views

app_name = "areas"

# Fixed paths first: `<str:code>/` would swallow them.
urlpatterns = [
    path("", views.browse, name="browse"),
    path("cari/", views.search, name="search"),
    path("penugasan/", views.assignments, name="assignments"),
    path("penugasan/<int:pk>/hapus/", views.assignment_remove, name="assignment-remove"),
    path("<str:code>/rt-rw/", views.add_unit, name="add-unit"),
    path("<str:code>/", views.detail, name="detail"),
]
