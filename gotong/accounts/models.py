from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.accounts.roles import Role


class User(AbstractUser):
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    # A resident is linked to their own registry record so they see their own household only.
    person = models.OneToOneField(
        "registry.Person",
        verbose_name=_("penduduk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user_account",
    )
    # Set when an officer resets the password to a temporary one: the user must choose their own before anything
    # else (`gotong.accounts.middleware.PasswordChangeRequiredMiddleware`); cleared when they do.
    must_change_password = models.BooleanField(_("wajib ganti kata sandi"), default=False)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
