"""Tokens made before device tokens existed keep working (ODK server URLs already typed into phones) until they
expire one token lifetime from now; they are listed as "Token lama" so their owners can revoke them."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def carry_over(apps, schema_editor):
    Token = apps.get_model("authtoken", "Token")
    DeviceToken = apps.get_model("api", "DeviceToken")
    expires = timezone.now() + timedelta(days=getattr(settings, "GOTONG_TOKEN_LIFETIME_DAYS", 180))
    DeviceToken.objects.bulk_create(
        DeviceToken(
            user_id=token.user_id,
            name="Token lama",
            key_digest=hashlib.sha256(token.key.encode()).hexdigest(),
            prefix=token.key[:8],
            created=token.created,
            expires=expires,
        )
        for token in Token.objects.all()
    )
    Token.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_device_tokens_with_expiry_and_last_use"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
