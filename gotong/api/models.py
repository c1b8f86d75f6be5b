"""A user's device tokens: one per phone, script or ODK Collect install, each with a label, an expiry and the time
it was last used, so a user can see their devices and revoke one without signing the others out.

Only a SHA-256 digest of the key is stored (the key itself is shown once, when it is made): a leaked database
backup opens no API. Keys are 40 hex characters like DRF's, so existing clients and ODK server URLs look the same.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return secrets.token_hex(20)


class DeviceTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(expires__gt=timezone.now())


class DeviceToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="device_tokens"
    )
    name = models.CharField(_("nama perangkat"), max_length=80)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    # The key's first characters, to tell tokens apart on the list without revealing them.
    prefix = models.CharField(_("awalan"), max_length=8, editable=False)
    created = models.DateTimeField(_("dibuat"), default=timezone.now)
    expires = models.DateTimeField(_("berlaku sampai"))
    last_used = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    objects = DeviceTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("token perangkat")
        verbose_name_plural = _("token perangkat")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def expired(self) -> bool:
        return self.expires <= timezone.now()
