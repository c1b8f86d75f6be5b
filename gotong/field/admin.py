from django.contrib import admin

from gotong.field.models import FieldSubmission


@admin.register(FieldSubmission)
class FieldSubmissionAdmin(admin.ModelAdmin):
    """Read-only: support staff look up what a phone sent and what it created, nothing more."""

    list_display = ("key", "kind", "user", "record_type", "record_id", "created_at")
    list_filter = ("kind",)
    search_fields = ("key", "record_id")
    readonly_fields = ("key", "user", "kind", "fingerprint", "record_type", "record_id", "created_at")
    exclude = ("result",)  # it may hold a person's name; the record itself is the place to look

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
