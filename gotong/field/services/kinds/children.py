"""The child a posyandu entry (weighing, immunisation) is about: visible to the user, and at a posyandu where the
user may record this kind of entry."""

from django.utils.translation import gettext as _

from gotong.field import recordable
from gotong.field.services.common import visible_record
from gotong.posyandu.models import Child


def child_to_record(user, payload: dict, kind: str, refusal: str) -> Child:
    """`refusal` names the posyandu as `%(p)s`: "Anda tidak berwenang menimbang di %(p)s."."""
    child = visible_record(
        user,
        Child.objects.select_related("person", "posyandu"),
        payload,
        "child",
        absent=_("Balita ini tidak ada dalam lingkup Anda."),
    )
    recordable.require(user, kind, child.posyandu, refusal % {"p": child.posyandu.name})
    return child
