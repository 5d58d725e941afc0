from django.urls import path

from indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.index, name="index"),
    path("danh-muc/", views.definition_list, name="definition-list"),
    path("danh-muc/<int:definition_pk>/sua/", views.definition_update, name="definition-update"),
    path("phong-trao/<int:pk>/", views.campaign_results, name="campaign-results"),
    path("phong-trao/<int:pk>/excel/", views.campaign_results_xlsx, name="campaign-results-xlsx"),
    path("phong-trao/<int:pk>/them/", views.indicator_form, name="indicator-create"),
    path("phong-trao/<int:pk>/<int:indicator_pk>/sua/", views.indicator_form, name="indicator-update"),
    path("phong-trao/<int:pk>/<int:indicator_pk>/xoa/", views.indicator_delete, name="indicator-delete"),
    path("phong-trao/<int:pk>/<int:indicator_pk>/chi-tieu-don-vi/", views.unit_targets, name="unit-targets"),
    path("phong-trao/<int:pk>/tinh-hinh-nop/", views.completeness, name="completeness"),
    path("phong-trao/<int:pk>/tinh-hinh-nop/excel/", views.completeness_xlsx, name="completeness-xlsx"),
    path("phong-trao/<int:pk>/nhac/<int:period_pk>/", views.remind, name="remind"),
    path("phong-trao/<int:pk>/don-vi/<int:org_pk>/", views.unit_results, name="unit-results"),
    path("phong-trao/<int:pk>/don-vi/<int:org_pk>/excel/", views.unit_results_xlsx, name="unit-results-xlsx"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/", views.report, name="report"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/xet/", views.report_review, name="report-review"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/cho-nop-muon/", views.report_exception, name="report-exception"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/dinh-kem/", views.report_attachment, name="report-attachment"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/mau-excel/", views.report_template, name="report-template"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/nhap-excel/", views.report_upload, name="report-upload"),
    path("tep/<int:attachment_pk>/", views.attachment_file, name="attachment-file"),
    path("minh-chung/<int:result_pk>/", views.evidence_file, name="evidence-file"),
    path("bao-cao/<int:period_pk>/<int:org_pk>/dieu-chinh/", views.report_override, name="report-override"),
]
