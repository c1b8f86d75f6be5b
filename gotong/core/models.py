"""Abstract models every domain module builds on."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.fields import AreaCodeField


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(TimeStampedModel):
    """Records about people are addressed by a UUID in URLs so ids cannot be enumerated."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class AreaCodedModel(models.Model):
    """A record that carries the dotted code of its area, so scoping is one indexed prefix match.

    Subclasses say where the code comes from by overriding `derive_area_code`; the default copies `self.area.code`.
    Bulk paths that skip `save()` must fill `area_code` themselves.
    """

    area_code = AreaCodeField(_("kode wilayah"), max_length=40, db_index=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.area_code = self.derive_area_code()
        if kwargs.get("update_fields") is not None:
            # The province follows the area code (`gotong.core.province_code`), on tables that carry it.
            also = {"area_code", "province_code"} if hasattr(self, "province_code") else {"area_code"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *also}
        super().save(*args, **kwargs)

    def derive_area_code(self) -> str:
        return self.area.code
