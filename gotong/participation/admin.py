"""The routing table is configured here: which organisation or officer handles a category in an area."""

from django.contrib import admin

from gotong.participation.models import AspirationRoute


@admin.register(AspirationRoute)
class AspirationRouteAdmin(admin.ModelAdmin):
    list_display = ("area", "category", "organization", "officer", "follow_up_days")
    list_filter = ("category",)
    search_fields = ("area__name", "area_code", "organization__name", "officer__username")
    raw_id_fields = ("area", "organization", "officer")
