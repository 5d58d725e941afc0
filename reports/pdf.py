"""HTML → PDF with WeasyPrint (R29: the HTML is built first, by the same template the preview
shows). Only the project's own static files are readable while rendering: no network, no other
file on the machine, so user text can never make the server fetch anything.

weasyprint is imported inside the functions: the import costs about 0.6 s (tech.md gotcha 11).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.contrib.staticfiles import finders

PDF_MEDIA_TYPE = "application/pdf"
# The archival variant issued documents are stored in (issue 5: PDF/A-3b).
ARCHIVAL_VARIANT = "pdf/a-3b"


class FetchRefused(ValueError):
    """A document asked for a resource outside the project's static files."""


def static_root() -> Path:
    """The folder that holds fonts/ and reports/ (the shipped font and the print stylesheet)."""
    found = finders.find("reports/pdf.css")
    if not found:
        raise RuntimeError("static/reports/pdf.css is missing")
    return Path(found).resolve().parent.parent


def _fetcher(root: Path):
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file" or not Path(unquote(parsed.path)).resolve().is_relative_to(root):
                raise FetchRefused(f"refused: {url[:80]}")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols={"file"}, allow_redirects=False)


def render_pdf(html: str, *, archival: bool = False) -> bytes:
    """The PDF of one document's HTML. Title and author come from its <title> and
    <meta name="author">; `archival` writes PDF/A-3b for the issued copy."""
    import weasyprint

    root = static_root()
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=_fetcher(root))
    options = {"pdf_variant": ARCHIVAL_VARIANT} if archival else {}
    return document.write_pdf(**options)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

