from django.utils.functional import SimpleLazyObject

from units import access


def navigation(request):
    """What the menu may offer this user; computed only if a template asks."""
    user = request.user

    def flags():
        if not user.is_authenticated:
            return {}
        return {
            "is_admin": access.is_admin(user),
            "roles": access.roles(user),
            "can_manage_accounts": access.can(user, "account.manage"),
            "can_manage_campaigns": access.can_create(user, "campaign.manage"),
            "can_manage_organisations": access.can_create(user, "organisation.manage"),
            "can_review_awards": access.can(user, "nomination.review"),
            "can_council": access.can(user, "council.record"),
            "can_decide_unit": access.can(user, "unit_titles.decide"),
        }

    return {"nav": SimpleLazyObject(flags)}
