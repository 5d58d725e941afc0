from functools import cache

from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject

from units import access

# Every link and file the base layout names (templates/base.html). They are the same for every
# request of a process: made once, not with 22 {% url %} and 6 {% static %} per page, which were
# over half the layout's rendering time.
_NAV_URLS = {
    "home": "home", "search": "search", "password_change": "password_change", "logout": "logout",
    "campaigns": "campaigns:campaign-list", "indicators": "indicators:index",
    "awards": "awards:index", "awards_proposals": "awards:proposal-list", "awards_review": "awards:review",
    "awards_dossier_import": "awards:dossier-import",
    "awards_disclosures": "awards:disclosure-list", "awards_sessions": "awards:session-list",
    "awards_decisions": "awards:decision-list", "awards_unit_titles": "awards:unit-titles",
    "awards_register": "awards:register", "awards_catalogue": "awards:catalogue",
    "awards_rollup": "awards:rollup-index", "awards_fund": "awards:fund",
    "statistics": "statistics:index",
    "reports": "reports:report-list",
    "organisations": "units:organisation-list", "people": "units:person-list", "blocs": "units:bloc-list",
    "export": "units:export", "import": "units:import", "accounts": "units:account-list",
    "trust_anchors": "reports:trust-anchors",
}
_STATIC = {
    "bootstrap_css": "vendor/bootstrap/bootstrap.min.css",
    "icons_css": "vendor/bootstrap-icons/bootstrap-icons.min.css", "app_css": "css/app.css",
    "favicon": "favicon.svg", "bootstrap_js": "vendor/bootstrap/bootstrap.bundle.min.js", "app_js": "js/app.js",
}


@cache
def _layout_urls(script_prefix: str, urlconf) -> dict[str, str]:
    # The key: reverse() reads both, so a server mounted under a prefix gets its own links.
    return {**{key: reverse(name) for key, name in _NAV_URLS.items()},
            **{f"static_{key}": static(path) for key, path in _STATIC.items()}}


def layout_urls() -> dict[str, str]:
    return _layout_urls(get_script_prefix(), get_urlconf())


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
            "can_manage_trust": access.can(user, "trust.manage"),
            "can_manage_campaigns": access.can_create(user, "campaign.manage"),
            "can_manage_organisations": access.can_create(user, "organisation.manage"),
            "can_review_awards": access.can(user, "nomination.review"),
            "can_council": access.can(user, "council.record"),
            "can_rollup": access.can(user, "campaign.rollup"),
            "can_view_fund": access.can(user, "fund.view"),
            "can_view_statistics": access.can(user, "statistics.view"),
            "can_decide_unit": access.can(user, "unit_titles.decide"),
        }

    return {"nav": SimpleLazyObject(flags), "layout": SimpleLazyObject(layout_urls)}
