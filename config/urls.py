from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.core.exceptions import ImproperlyConfigured
from django.urls import include, path

from common.views import healthz
from units import views as unit_views

urlpatterns = [
    path("", include("reports.urls")),
    path("healthz", healthz, name="healthz"),
    path("dang-nhap/", unit_views.login_view, name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("huong-dan/", include("common.help_urls")),
    path("doi-mat-khau/", unit_views.password_change, name="password_change"),
    path("don-vi/", include("units.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("chi-tieu/", include("indicators.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("van-ban/", include("reports.document_urls")),
    path("thong-ke/", include("reports.statistics_urls")),
    path("ky-so/", include("reports.signing_urls")),
    path("quan-tri-django/", admin.site.urls),
]

if settings.BENCH_BARE_PAGE:
    # `manage.py bench` only: the bare signed-in page every page is compared with. It belongs to the
    # dev-only app, imported only here and only when asked for (never in production).
    if not apps.is_installed("devtools"):
        raise ImproperlyConfigured("BENCH_BARE_PAGE needs the devtools app (DJANGO_DEVTOOLS=true).")
    from devtools.bench_views import bare

    urlpatterns.append(path("bench/bare", bare, name="bench-bare"))
