"""HTML → PDF with WeasyPrint (R29: the HTML is built first, by the same template the preview
shows). Only the project's own static files are readable while rendering: no network, no other
file on the machine, so user text can never make the server fetch anything.

weasyprint is imported inside the functions: the import costs about 0.6 s (tech.md gotcha 11).
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.contrib.staticfiles import finders

PDF_MEDIA_TYPE = "application/pdf"
# The archival variant issued documents are stored in (issue 5: PDF/A-3b).
ARCHIVAL_VARIANT = "pdf/a-3b"


class FetchRefused(ValueError):
    """A document asked for a resource outside the project's static files."""


@lru_cache(maxsize=1)
def static_root() -> Path:
    """The folder that holds fonts/ and reports/ (the shipped font and the print stylesheet)."""
    found = finders.find("reports/pdf.css")
    if not found:
        raise RuntimeError("static/reports/pdf.css is missing")
    return Path(found).resolve().parent.parent


@lru_cache(maxsize=1)
def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def __init__(self, root: Path):
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.root = root

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme != "file" or not Path(unquote(parsed.path)).resolve().is_relative_to(self.root):
                raise FetchRefused(f"refused: {url[:80]}")
            return super().fetch(url, headers)

    return StaticOnly


def _fetcher(root: Path):
    return _fetcher_class()(root)


def render_pdf(html: str, *, archival: bool = False) -> bytes:
    """The PDF of one document's HTML. Title and author come from its <title> and
    <meta name="author">; `archival` writes PDF/A-3b for the issued copy."""
    import weasyprint

    root = static_root()
    document = weasyprint.HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=_fetcher(root))
    options = {"pdf_variant": ARCHIVAL_VARIANT} if archival else {}
    with without_cyclic_gc():
        return document.write_pdf(**options)


@contextmanager
def without_cyclic_gc():
    """Building a document allocates millions of short-lived objects (thousands of figures, then
    the layout); the cyclic collector walking them again and again cost 20–40 % of a 15-page
    summary (benchmark_documents). Reference counting still frees them; the collector resumes
    after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

