"""Who may do what at a waste bank. Seeing is decided by the querysets in `models.py`; recording by this."""

from gotong.accounts.roles import Role
from gotong.core.scoping import member_organization_ids


def is_staff_of(user, bank) -> bool:
    """Staff of the bank's organisation (manager, treasurer, …) through an active membership."""
    return (
        user.is_authenticated and user.role == Role.ORG_STAFF and bank.organization_id in member_organization_ids(user)
    )


def can_record(user, bank) -> bool:
    """Deposits, withdrawals, sales, prices and members are recorded by the bank's own staff."""
    return user.is_authenticated and (user.is_superuser or is_staff_of(user, bank))
