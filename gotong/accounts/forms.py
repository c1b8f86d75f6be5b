from django.contrib.auth import forms as auth_forms


class _ClearsResetFlag:
    """Choosing one's own password ends the obligation an officer's reset set (`User.must_change_password`)."""

    def save(self, commit=True):
        self.user.must_change_password = False
        return super().save(commit=commit)


class PasswordChangeForm(_ClearsResetFlag, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(_ClearsResetFlag, auth_forms.SetPasswordForm):
    pass
