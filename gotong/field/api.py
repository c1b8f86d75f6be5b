"""Sync endpoints for the offline field forms (also described in the OpenAPI schema)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gotong.api.errors import error_body, service_error_fields
from gotong.api.permissions import PolicyPermission
from gotong.core.policy.routes import Rule
from gotong.field import conditional, reference
from gotong.field.models import SubmissionKind
from gotong.field.services import SubmissionConflict, apply_submission
from gotong.field.views import KnownForm


class SubmissionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SubmissionKind.choices)
    key = serializers.UUIDField(help_text="UUID made on the device; the same key again never records twice.")
    payload = serializers.DictField(help_text="The entry; schema per kind in gotong.field.services.")
    base_version = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None)
    user = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Whose queue the entry is from; another user's entry is refused (403 other_user), never recorded.",
    )


class ResultSerializer(serializers.Serializer):
    kind = serializers.CharField()
    key = serializers.UUIDField()
    created = serializers.BooleanField()
    record = serializers.CharField()
    version = serializers.CharField()
    summary = serializers.CharField()
    data = serializers.DictField()


# The API's one error shape ({"error": {"code", "message", "fields"}}); a conflict adds the server's values.
ConflictSerializer = inline_serializer(
    "FieldConflict",
    {
        "error": inline_serializer(
            "FieldConflictError",
            {
                "code": serializers.ChoiceField(choices=["key_reused", "changed_on_server"]),
                "message": serializers.CharField(),
                "fields": serializers.DictField(),
                "server": serializers.DictField(),
                "version": serializers.CharField(allow_null=True),
                "rows": serializers.ListField(
                    child=serializers.DictField(),
                    help_text="Each differing field: name, label, mine, server (texts as shown), differs.",
                ),
            },
        )
    },
)


def _validation_body(error: ValidationError) -> dict:
    # The phone shows `message` in its queue: the messages themselves, not the API's general "check the fields".
    fields = service_error_fields(error)
    message = " ".join(m for messages in fields.values() for m in messages)
    return error_body(status.HTTP_400_BAD_REQUEST, message=message, fields=fields)


def _conflict_body(conflict: SubmissionConflict) -> dict:
    body = error_body(status.HTTP_409_CONFLICT, code=conflict.code, message=conflict.message)
    body["error"].update(server=conflict.server, version=conflict.version, rows=conflict.rows)
    return body


class SubmitView(APIView):
    """Send one queued field entry. 201 recorded, 200 already recorded under this key (a retry).

    Whether the user may record on the record the entry names is `apply_submission`'s check (403 "scope")."""

    access_rule = Rule(get=None, post="devices.use")
    permission_classes = [PolicyPermission]

    @extend_schema(
        request=SubmissionSerializer,
        responses={
            201: ResultSerializer,
            200: ResultSerializer,
            409: OpenApiResponse(ConflictSerializer, description="Nothing written; the server's values included."),
        },
        operation_id="field_submit",
        tags=["lapangan"],
    )
    def post(self, request):
        if request.FILES:
            # No field form takes a file (see `gotong.odk.submissions`): refused with the reason, never dropped.
            message = _("Formulir lapangan tidak menerima foto atau lampiran; kiriman ini tidak disimpan.")
            return Response(error_body(status.HTTP_400_BAD_REQUEST, code="attachment", message=message), status=400)
        incoming = SubmissionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        if data["user"] is not None and data["user"] != request.user.pk:
            # A shared phone: an entry queued by one user never goes out under another user's session.
            message = _("Isian ini dibuat oleh pengguna lain di HP ini; masuk sebagai dia untuk mengirimnya.")
            return Response(error_body(status.HTTP_403_FORBIDDEN, code="other_user", message=message), status=403)
        try:
            result = apply_submission(
                request.user, data["kind"], data["key"], data["payload"], base_version=data["base_version"]
            )
        except SubmissionConflict as conflict:
            return Response(_conflict_body(conflict), status=status.HTTP_409_CONFLICT)
        except PermissionDenied as denied:
            return Response(error_body(status.HTTP_403_FORBIDDEN, code="scope", message=str(denied)), status=403)
        except ValidationError as error:
            return Response(_validation_body(error), status=status.HTTP_400_BAD_REQUEST)
        return Response(result.as_json(), status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


class ReferenceView(APIView):
    """What a form needs offline for this user: children and session, members and prices, cases, or events.

    Everyone with a device may ask; the lists hold only what the user may record (`gotong.field.recordable`)."""

    access_rule = Rule(get="devices.use", target=KnownForm("kind", {kind: kind for kind in reference.BUILDERS}))
    permission_classes = [PolicyPermission]

    @extend_schema(
        parameters=[OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=SubmissionKind.values)],
        responses={200: inline_serializer("FieldReference", {"kind": serializers.CharField()})},
        operation_id="field_reference",
        tags=["lapangan"],
    )
    def get(self, request, kind: str):
        if kind not in reference.BUILDERS:
            body = error_body(status.HTTP_404_NOT_FOUND, message=_("Jenis formulir tidak dikenal."))
            return Response(body, status=status.HTTP_404_NOT_FOUND)
        data = reference.BUILDERS[kind](request.user, timezone.localdate())
        data["generated_at"] = timezone.now().isoformat()
        # A phone that already holds these data (If-None-Match from field.js) gets a 304 of a few hundred bytes.
        return conditional.answer(request, Response(data), conditional.reference_etag(request.user, data))
