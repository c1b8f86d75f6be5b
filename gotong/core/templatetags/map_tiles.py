"""`{% map_config as config %}`: the tile settings the shared map setup (`core/map.js`) reads."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def map_config() -> dict:
    return {"tiles": settings.GOTONG_MAP_TILES, "attribution": settings.GOTONG_MAP_TILES_ATTRIBUTION}
