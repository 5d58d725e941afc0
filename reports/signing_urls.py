"""Signing tools' endpoints (no browser session), under /ky-so/."""

from django.urls import path

from reports import signing_views

app_name = "signing"

urlpatterns = [
    path("<str:token>/tep.pdf", signing_views.token_file, name="token-file"),
    path("<str:token>/tai-len/", signing_views.token_upload, name="token-upload"),
]
