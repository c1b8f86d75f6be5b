"""The one access policy: who may see and do what, declared once as data (`grants.py`) and asked everywhere.

Every page, form, service, API viewset, export, PDF, field and ODK path asks `can(user, "module.action", target)`
(or `require(...)`, which answers 404 for a record the user may not see and 403 for one they see but may not act on).
`gotong access matrix` prints the grants; `docs/access.md` is that print.
"""

from gotong.core.policy.decide import Decision, can, decide, may_somewhere, require
from gotong.core.policy.grants import CAPABILITIES, Reach

__all__ = ["CAPABILITIES", "Decision", "Reach", "can", "decide", "may_somewhere", "require"]
