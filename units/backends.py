from django.contrib.auth.backends import ModelBackend

from units.models import User


class AccountBackend(ModelBackend):
    """Usernames match whatever their case, as they are unique that way (units.services).

    A locked account with the right password is handed to the login form, whose
    confirm_login_allowed then says it is locked instead of "wrong password". Sessions of a
    locked account still stop at once: get_user() keeps refusing inactive users.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = User.objects.filter(username__iexact=username.strip()).first()
        if user is None:
            User().set_password(password)  # same work as a real check: no timing hint
            return None
        if user.check_password(password):
            return user
        return None
