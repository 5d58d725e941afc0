"""The signing tools' endpoints (issue 14): a tool such as the VGCA plugin downloads the copy to
sign from a URL (its `FileName`) and posts the signed PDF to another (its `FileUploadHandler`),
without a browser session. A one-time, expiring secret in the path is the only credential: it
was made by someone who may issue the document, and is spent by the upload."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from reports import pdf
from reports.services import signed

SPENT = "Liên kết ký đã dùng hoặc đã hết hạn. Tạo liên kết mới trên trang văn bản."


def _token(secret: str, *, lock: bool = False):
    try:
        return signed.usable_token(secret, lock=lock)
    except signed.TokenUnknown:
        raise Http404 from None


@login_not_required
@require_GET
def token_file(request: HttpRequest, token: str) -> HttpResponse:
    """The exact stored bytes to sign: the tool's incremental signature keeps them as the first revision."""
    try:
        row = _token(token)
    except signed.TokenSpent:
        return HttpResponse(SPENT, status=410, content_type="text/plain; charset=utf-8")
    data, name = signed.token_download(row)
    response = HttpResponse(data, content_type=pdf.PDF_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


# The tool posts from outside any browser session, so there is no CSRF cookie to match; the
# one-time secret in the path, which only the person who made the link has, stands in for it.
@csrf_exempt
@login_not_required
@require_POST
def token_upload(request: HttpRequest, token: str) -> HttpResponse:
    upload = request.FILES.get("file")
    try:
        _token(token)     # 404 / 410 before anything is read
        if upload is None:
            return JsonResponse({"ok": False, "message": "Thiếu tệp (trường “file”)."}, status=400)
        copy = signed.upload_via_token(secret=token, upload=upload)
    except signed.TokenSpent:
        return HttpResponse(SPENT, status=410, content_type="text/plain; charset=utf-8")
    except signed.TokenUnknown:
        raise Http404 from None
    except PermissionDenied:
        return JsonResponse({"ok": False, "message": "Người tạo liên kết không còn quyền ban hành văn bản này."},
                            status=403)
    except ValidationError as error:
        return JsonResponse({"ok": False, "message": " ".join(error.messages)}, status=400)
    # Stored either way; "ok" tells the tool whether every signature holds on this document's copy.
    return JsonResponse({"ok": signed.is_verified(copy), "message": f"Đã nhận bản đã ký: {signed.verdict(copy)}."},
                        json_dumps_params={"ensure_ascii": False})
