"""The login throttle's two limits (settings: AXES_FAILURE_LIMIT, AXES_ADDRESS_FAILURE_LIMIT).

django-axes counts failures per parameter set (here: username+address, and address alone) but compares every set
with one limit. Behind an office's proxy or NAT everyone shares an address, so the address limit must be much higher
than the limit for one account, else one person's typos lock the whole office out. This handler keeps axes' storage
and lockout flow and only weighs the two counts against their own limits.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class TwoLimitHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        # The sets come in the order of AXES_LOCKOUT_PARAMETERS: [username, address], then [address].
        account, *rest = (_failures(attempts) for attempts in self.get_user_attempts(request, credentials))
        address = max(rest, default=0)
        if address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(account, address, settings.AXES_FAILURE_LIMIT)
        return account

    def reset_user_attempts(self, request, credentials=None) -> int:
        # A successful login clears that account's failures from that address, never the address's other failures:
        # else whoever tries many usernames could reset the count with one account of their own.
        account = self.filter_user_attempts(request, credentials)[0]
        count, _ = account.delete()
        return count


def client_address(request) -> str:
    """The visitor's address, behind GOTONG_TRUSTED_PROXIES reverse proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, and the last proxy is the peer
    (REMOTE_ADDR). Of the chain "X-Forwarded-For entries, then REMOTE_ADDR", the last N entries are our proxies; the
    one before them is the address our outermost proxy saw, which the visitor cannot forge. Anything further left
    came from the visitor and is ignored. A request that reached us without passing the proxies (a shorter chain)
    gets the leftmost address it has. With no trusted proxy the header is ignored entirely.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.GOTONG_TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    chain = [*forwarded, remote]
    address = chain[max(len(chain) - 1 - proxies, 0)]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # garbage where an address belongs: count it under the peer, never under a chosen string
        return remote
