"""Which side of a collaboration an actor stands on: government, community, private sector, or residents.

Ansell & Gash (2008, p. 545) define collaborative governance as public agencies engaging non-state stakeholders;
the seed (004, Kampung Bugis) names government (Dinas Perkim, kelurahan), community (BKM, KSM) and residents
(gotong royong with the lurah). Universities and media count with the private sector as non-state partners, as
`organizations.choices.PARTNER_KINDS` groups them.
"""

from django.utils.translation import gettext_lazy as _

from gotong.organizations.choices import PARTNER_KINDS, OrganizationKind

GOVERNMENT, COMMUNITY, PRIVATE, RESIDENTS, OTHER = "government", "community", "private", "residents", "other"

LABELS = {
    GOVERNMENT: _("Pemerintah"),
    COMMUNITY: _("Masyarakat (lembaga)"),
    PRIVATE: _("Swasta/mitra"),
    RESIDENTS: _("Warga"),
    OTHER: _("Lainnya"),
}
ORDER = (GOVERNMENT, COMMUNITY, PRIVATE, RESIDENTS, OTHER)

COMMUNITY_KINDS = {
    OrganizationKind.BKM,
    OrganizationKind.KSM,
    OrganizationKind.POSYANDU,
    OrganizationKind.WASTE_BANK,
    OrganizationKind.YOUTH,
    OrganizationKind.COMMUNITY_ENTERPRISE,
    OrganizationKind.SUPPORT_GROUP,
}


def actor_type(organization_kind: str | None) -> str:
    """A participant with no organisation is a resident speaking for themself."""
    if organization_kind is None:
        return RESIDENTS
    if organization_kind == OrganizationKind.GOVERNMENT:
        return GOVERNMENT
    if organization_kind in COMMUNITY_KINDS:
        return COMMUNITY
    if organization_kind in PARTNER_KINDS:
        return PRIVATE
    return OTHER
