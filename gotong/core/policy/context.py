"""`may` in every template: `{% if may.posyandu.record %}` asks the policy whether the user may do it anywhere."""

from gotong.core.policy.decide import may_somewhere


class _Module:
    def __init__(self, user, module: str):
        self._user = user
        self._module = module

    def __getitem__(self, action: str) -> bool:
        return may_somewhere(self._user, f"{self._module}.{action}")


class May:
    def __init__(self, user):
        self._user = user

    def __getitem__(self, module: str) -> _Module:
        return _Module(self._user, module)


def may(request) -> dict:
    return {"may": May(request.user)}
