"""The user manual's pages (issue 19, point 8): an index, one page per role, and the whole manual as
one PDF. Glue only: the content is common/help.py; no model is read."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from common import help as manual


def help_index(request: HttpRequest) -> HttpResponse:
    roles = _roles(request)
    return render(request, "help/index.html", {
        "guides": manual.ROLES, "mine": {g.slug for g in manual.ROLES if g.role in roles}, "tasks": manual.TASKS})


def help_role(request: HttpRequest, slug: str) -> HttpResponse:
    guide = manual.ROLE_BY_SLUG.get(slug)
    if guide is None:
        raise Http404
    return render(request, "help/role.html", {
        "guide": guide, "guides": manual.ROLES, "tasks": [manual.TASKS[t] for t in guide.tasks]})


def help_pdf(request: HttpRequest) -> HttpResponse:
    """Every role's list, then every task once, with its screenshots: the printable manual."""
    html = render_to_string("help/manual_pdf.html", {
        "guides": manual.ROLES, "tasks": list(manual.TASKS.values()),
        "numbers": {slug: n for n, slug in enumerate(manual.TASKS, start=1)}}, request=request)
    return HttpResponse(_pdf(html), content_type="application/pdf",
                        headers={"Content-Disposition": 'inline; filename="huong-dan-su-dung.pdf"'})


def _roles(request: HttpRequest) -> set[str]:
    # The layout's navigation flags already hold the roles (units/context_processors.py); common/
    # may not import units, so the view reads the user's memberships through the relation.
    user = request.user
    roles = set(user.memberships.values_list("role", flat=True))
    if getattr(user, "is_superuser", False):
        roles.add("admin")
    return roles


def _pdf(html: str) -> bytes:
    """WeasyPrint reading only the project's static folder (fonts, screenshots): reports/pdf.py does
    the same for documents, but nothing may import reports (architecture.md)."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    root = Path(finders.find("fonts/LiberationSerif-Regular.ttf")).resolve().parent.parent

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file" or not Path(unquote(parsed.path)).resolve().is_relative_to(root):
                raise ValueError(f"refused: {url[:80]}")
            return super().fetch(url, headers)

    fetcher = StaticOnly(allowed_protocols={"file"}, allow_redirects=False)
    return weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).write_pdf()
