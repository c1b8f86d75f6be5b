"""The field workers of the load mix: waste bank managers in the city, one per bank, who book deposits from the
field app (sync API) and from ODK Collect (OpenRosa), and what the locust users need to build those submissions.

A deposit is the field entry that always makes a new record under a fresh key (a weighing is one per child and
month, so repeated load would mostly answer "already weighed"); it books a ledger transaction and refreshes the
bank's tallies, so it is also one of the heavier writes a phone causes.

Each locust field user books at its own bank, as the managers of a city's banks do on a weighing day. Until
7 Dec 2026 every field user booked at the one largest bank, so the deposits queued on that bank's lock (a bank's
tallies are written under its row lock, `gotong.wastebank.tallies`) and set the mix's p99: a load no city has.
"""

import datetime
import json

from django.test import Client

USERNAME = "bench_petugas"
MEMBERS = 200  # public ids handed to locust; each deposit picks one
BANKS = 8  # field users take them in turn (the mix runs 5 field users at 20 users)


def prepare_field_users(city_code: str, banks: int = BANKS) -> str:
    """Make (or reuse) a manager for each of the city's `banks` largest generated waste banks; returns BENCH_FIELD
    as JSON, a list with one entry per bank: session cookie, API token, ODK token, ODK form version, bank,
    members, categories."""
    from django.db.models import Count

    from gotong.odk import catalog
    from gotong.wastebank.models import WasteBank

    largest = list(
        WasteBank.objects.filter(area_code__startswith=f"{city_code}.")
        .annotate(n=Count("members"))
        .order_by("-n", "pk")[:banks]
    )
    if not largest:
        raise RuntimeError(f"no waste bank in {city_code}: run `gotong bench generate` with modules first")
    version = catalog.build("gotong_setoran_sampah").version
    return json.dumps([_manager(bank, USERNAME if i == 0 else f"{USERNAME}_{i + 1}", version)
                       for i, bank in enumerate(largest)])  # fmt: skip


def _manager(bank, username: str, odk_version: str) -> dict:
    from gotong.accounts.models import User
    from gotong.api import tokens
    from gotong.organizations.choices import MemberRole
    from gotong.organizations.models import Membership
    from gotong.wastebank.models import Member, WasteCategory

    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, password="bench-rahasia-123", role="org_staff")
    Membership.objects.get_or_create(
        organization=bank.organization,
        user=user,
        defaults={"role": MemberRole.MANAGER, "started_on": datetime.date(2000, 1, 1)},
    )
    members = Member.objects.filter(bank=bank, is_active=True).order_by("pk").values_list("public_id", flat=True)
    categories = WasteCategory.objects.filter(bank=bank, is_active=True).order_by("sort_order", "pk")
    client = Client()
    client.force_login(user)
    return {
        "session": client.cookies["sessionid"].value,
        "token": tokens.issue_token(user, "locust"),
        "odk_token": tokens.issue_token(user, tokens.ODK_TOKEN),
        "odk_version": odk_version,
        "bank": bank.pk,
        "members": [str(pk) for pk in members[:MEMBERS]],
        "categories": [c.pk for c in categories],
    }
