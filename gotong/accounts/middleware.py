"""After an officer's reset the user must choose their own password before using Gotong (`must_change_password`).

Only session logins are held back: the password change page itself, logging out and the language switch stay
open; static files are served before this runs. API and ODK calls sign in by token, not by the reset password.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "must_change_password", False):
            open_paths = {reverse("password-change"), reverse("logout"), reverse("set_language")}
            static = getattr(settings, "STATIC_URL", None) or "/static/"
            if request.path not in open_paths and not request.path.startswith(static):
                messages.warning(request, _("Kata sandi Anda diatur ulang petugas: pilih kata sandi baru dulu."))
                return redirect("password-change")
        return self.get_response(request)
