"""The API's own endpoints: a token for devices and scripts, and the pages that explain and manage it."""

from django.contrib import messages
from django.contrib.auth import authenticate
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gotong.api import tokens
from gotong.api.errors import ErrorSerializer, error_body
from gotong.api.models import digest
from gotong.core.policy.routes import Rule, route


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "locked_out"
    default_detail = gettext_lazy("Terlalu banyak percobaan masuk yang gagal; akun dikunci sementara.")


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label=gettext_lazy("nama pengguna"), max_length=150)
    password = serializers.CharField(label=gettext_lazy("kata sandi"), max_length=128, style={"input_type": "password"})
    name = serializers.CharField(
        label=gettext_lazy("nama perangkat"),
        max_length=80,
        required=False,
        default=tokens.API_TOKEN,
        help_text=gettext_lazy("Label token di daftar perangkat Anda, mis. 'Skrip laporan'."),
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=gettext_lazy("Kirim sebagai header `Authorization: Token <token>`."))
    expires = serializers.DateTimeField(help_text=gettext_lazy("Sesudah waktu ini token ditolak (401)."))


class ObtainTokenView(APIView):
    """Exchange a username and password for a new device token (valid `GOTONG_TOKEN_LIFETIME_DAYS`, 180 days)."""

    # Public: the credentials are the request itself (django-axes throttles guessing).
    access_rule = Rule(get=None, post="portal.view", public=True)
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="token_create",
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, 400: ErrorSerializer, 429: OpenApiResponse(ErrorSerializer)},
        auth=[],
        tags=["token"],
    )
    def post(self, request):
        form = TokenRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        # Through Django's authenticate(request=…) so django-axes counts failures and locks out guessing.
        name = form.validated_data.pop("name")
        user = authenticate(request._request, **form.validated_data)
        if getattr(request._request, "axes_locked_out", False):
            # Answer in the API's JSON error body instead of AxesMiddleware's HTML lockout page.
            request._request.axes_locked_out = False
            raise LockedOut()
        if user is None:
            raise exceptions.ValidationError({"non_field_errors": [_("Nama pengguna atau kata sandi salah.")]})
        key = tokens.issue_token(user, name)
        token = tokens.devices(user).get(key_digest=digest(key))
        return Response({"token": key, "expires": token.expires})


@route("portal.view", post="portal.view", public=True)
def not_found(request, rest=""):
    """Unknown addresses under /api/ answer in the API's JSON error body, not the site's HTML page."""
    return JsonResponse(error_body(status.HTTP_404_NOT_FOUND), status=status.HTTP_404_NOT_FOUND)


# Public like the API's documentation it links to: how to get a token, which filters exist.
@route("portal.view", public=True)
def index(request):
    return render(request, "api/index.html")


@route("devices.use", post="devices.use")
def token_page(request):
    """The signed-in user's device tokens: make one (shown once), revoke one or all (`gotong.api.tokens`)."""
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            name = request.POST.get("name", "").strip() or tokens.API_TOKEN
            new_key = tokens.issue_token(request.user, name)
        elif action == "revoke" and request.POST.get("token", "").isdigit():
            if tokens.revoke_device(request.user, int(request.POST["token"])):
                messages.success(request, _("Token dicabut; perangkat yang memakainya tidak bisa masuk lagi."))
            return redirect("api:token-page")
        elif action == "revoke_all":
            tokens.revoke_token(request.user)
            messages.success(request, _("Semua token dicabut; setiap perangkat harus masuk lagi."))
            return redirect("api:token-page")
    context = {
        "devices": tokens.devices(request.user),
        "new_key": new_key,
        "lifetime_days": tokens.lifetime().days,
        "now": timezone.now(),
    }
    return render(request, "api/token.html", context)
