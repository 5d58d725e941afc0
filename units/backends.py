from django.contrib.auth.backends import ModelBackend

from units import login_limits
from units.models import User


class AccountBackend(ModelBackend):
    """Usernames match whatever their case and Unicode form (NFKC, as Django's UsernameField), as
    they are unique that way (units.services).

    Every attempt goes through units.login_limits first, whoever asks (our login page, the Django
    admin's, client.login): a refused attempt is never checked, and the refusal is left on the
    request for the form to explain. A locked account with the right password is handed to the
    login form, whose confirm_login_allowed then says it is locked instead of "wrong password".
    Sessions of a locked account still stop at once: get_user() keeps refusing inactive users.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        username = login_limits.normalise_username(username)
        user = User.objects.filter(username__iexact=username).first()
        address = login_limits.client_address(request)
        refusal = login_limits.begin(user_id=user.pk if user else None, username=username, address=address)
        if refusal is not None:
            if request is not None:
                request.login_refusal = refusal
            return None
        if user is None:
            User().set_password(password)  # same work as a real check: no timing hint
            return None
        if user.check_password(password):
            login_limits.succeeded(user_id=user.pk, username=username, address=address)
            return user
        return None
