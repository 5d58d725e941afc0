"""Signed documents (HTML preview and PDF), under /van-ban/."""

from django.urls import path, re_path

from reports import dossier_views, edition_views, history_views, trust_views, views

app_name = "reports"
# The documents that have editions (reports.edition_views.KINDS), spelt out so that "bao-cao/…/mo-lai/"
# stays the summary report's.
EDITION_KINDS = "(?P<kind>ke-hoach|quyet-dinh|to-trinh|bien-ban|giay-khen)"

urlpatterns = [
    path("quyet-dinh/<int:pk>/", views.decision_document, name="decision-document"),
    path("quyet-dinh/<int:pk>/pdf/", views.decision_pdf, name="decision-pdf"),
    path("ke-hoach/<int:pk>/pdf/", views.plan_pdf, name="plan-pdf"),
    path("ke-hoach/<int:pk>/xem-truoc/", views.plan_preview_pdf, name="plan-preview-pdf"),
    path("quyet-dinh/<int:pk>/giay-khen/", views.certificates_pdf, name="certificates-pdf"),
    path("to-trinh/<int:pk>/", views.proposal_document, name="proposal-document"),
    path("to-trinh/<int:pk>/pdf/", views.proposal_pdf, name="proposal-pdf"),
    path("to-trinh/<int:pk>/ho-so-dien-tu.zip", dossier_views.dossier_export, name="dossier-export"),
    path("bien-ban/<int:pk>/", views.minutes_document, name="minutes-document"),
    path("bien-ban/<int:pk>/pdf/", views.minutes_pdf, name="minutes-pdf"),
    path("so-khen-thuong/ca-nhan/<int:pk>/qua-trinh.pdf", history_views.history_person_pdf, name="history-person-pdf"),
    path("so-khen-thuong/tap-the/<int:pk>/qua-trinh.pdf", history_views.history_organisation_pdf,
         name="history-organisation-pdf"),
    path("ke-hoach/<int:pk>/ban-hanh/", edition_views.plan_issue, name="plan-issue"),
    path("quyet-dinh/<int:pk>/ban-hanh/", edition_views.decision_issue, name="decision-issue"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/trinh-ky/$", edition_views.edition_send, name="edition-send"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/mo-lai/$", edition_views.edition_reopen, name="edition-reopen"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/ghi-nhan-ban-hanh/$", edition_views.edition_issue,
            name="edition-issue"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/phien-ban/(?P<number>[0-9]+)/(?P<which>signature|issued)/$",
            edition_views.edition_file, name="edition-file"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/ban-da-ky/$", edition_views.edition_signed_upload,
            name="edition-signed-upload"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/ban-da-ky/(?P<copy_pk>[0-9]+)/$", edition_views.signed_copy_file,
            name="signed-copy-file"),
    re_path(rf"^{EDITION_KINDS}/(?P<pk>[0-9]+)/lien-ket-ky/$", edition_views.edition_signing_token,
            name="edition-signing-token"),
    path("dang-tao/<int:pk>/", views.job_detail, name="job"),
    path("dang-tao/<int:pk>/tep/", views.job_file, name="job-file"),
    path("dang-tao/<int:pk>/thu-lai/", views.job_retry, name="job-retry"),
    path("bao-cao/", views.report_list, name="report-list"),
    path("bao-cao/lap/<int:campaign_pk>/", views.report_create, name="report-create"),
    path("bao-cao/<int:pk>/", views.report_detail, name="report"),
    path("bao-cao/<int:pk>/sua/", views.report_update, name="report-update"),
    path("bao-cao/<int:pk>/dan-y-mac-dinh/bo/", views.report_outline_default_drop, name="report-outline-default-drop"),
    path("bao-cao/<int:pk>/trinh-ky/", views.report_send, name="report-send"),
    path("bao-cao/<int:pk>/ban-hanh/", views.report_issue, name="report-issue"),
    path("bao-cao/<int:pk>/mo-lai/", views.report_reopen, name="report-reopen"),
    path("bao-cao/<int:pk>/tao-lai-ban-luu/", views.report_edition_make, name="report-edition-make"),
    path("bao-cao/<int:pk>/ban-ky/", views.report_signed, name="report-signed"),
    path("bao-cao/<int:pk>/pdf/", views.report_pdf, name="report-pdf"),
    path("bao-cao/<int:pk>/xlsx/", views.report_xlsx, name="report-xlsx"),
    path("bao-cao/<int:pk>/tep/<int:file_pk>/", views.report_file, name="report-file"),
    path("chung-thu-tin-cay/", trust_views.trust_anchors, name="trust-anchors"),
    path("chung-thu-tin-cay/<int:pk>/ngung/", trust_views.trust_anchor_remove, name="trust-anchor-remove"),
]
