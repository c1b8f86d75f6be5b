"""Password reset by e-mail exists only where the server can send mail: `EMAIL_HOST` set (settings.py reads it from
the environment, empty by default). Without it the "Lupa kata sandi?" link is not shown and its URLs answer 404;
an officer resets the password instead (`gotong.accounts.managed`)."""

from django.conf import settings


def mail_configured() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", ""))
