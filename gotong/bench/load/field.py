"""The field worker of the load mix: a waste bank's manager in the city, who books deposits from the field app
(sync API) and from ODK Collect (OpenRosa), and what the locust users need to build those submissions.

A deposit is the field entry that always makes a new record under a fresh key (a weighing is one per child and
month, so repeated load would mostly answer "already weighed"); it books a ledger transaction and refreshes the
bank's tallies, so it is also one of the heavier writes a phone causes.
"""

import datetime
import json

from django.test import Client

USERNAME = "bench_petugas"
MEMBERS = 200  # public ids handed to locust; each deposit picks one


def prepare_field_user(city_code: str) -> str:
    """Make (or reuse) the manager of the city's largest generated waste bank; returns BENCH_FIELD as JSON:
    session cookie, API token, ODK token, ODK form version, bank, members, categories."""
    from django.db.models import Count

    from gotong.accounts.models import User
    from gotong.api import tokens
    from gotong.odk import catalog
    from gotong.organizations.choices import MemberRole
    from gotong.organizations.models import Membership
    from gotong.wastebank.models import Member, WasteBank, WasteCategory

    bank = (
        WasteBank.objects.filter(area_code__startswith=f"{city_code}.")
        .annotate(n=Count("members"))
        .order_by("-n", "pk")
        .first()
    )
    if bank is None:
        raise RuntimeError(f"no waste bank in {city_code}: run `gotong bench generate` with modules first")
    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(username=USERNAME, password="bench-rahasia-123", role="org_staff")
    Membership.objects.get_or_create(
        organization=bank.organization,
        user=user,
        defaults={"role": MemberRole.MANAGER, "started_on": datetime.date(2000, 1, 1)},
    )
    members = Member.objects.filter(bank=bank, is_active=True).order_by("pk").values_list("public_id", flat=True)
    categories = WasteCategory.objects.filter(bank=bank, is_active=True).order_by("sort_order", "pk")
    client = Client()
    client.force_login(user)
    return json.dumps(
        {
            "session": client.cookies["sessionid"].value,
            "token": tokens.issue_token(user, "locust"),
            "odk_token": tokens.issue_token(user, tokens.ODK_TOKEN),
            "odk_version": catalog.build("gotong_setoran_sampah").version,
            "bank": bank.pk,
            "members": [str(pk) for pk in members[:MEMBERS]],
            "categories": [c.pk for c in categories],
        }
    )
