"""The access policy in templates: show only what the user may do (no link or button that answers 403).

{% load policy %}
{% can "posyandu.record" child as may_record %}{% if may_record %}…{% endif %}
{% if may.posyandu.record %}…{% endif %}        (anywhere at all: menus, "add" buttons)
"""

from django import template

from gotong.core.policy import can as policy_can

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, capability, target=None):
    return policy_can(context["request"].user, capability, target)
