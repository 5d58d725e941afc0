"""Signed documents (HTML preview and PDF), under /van-ban/."""

from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("quyet-dinh/<int:pk>/", views.decision_document, name="decision-document"),
    path("quyet-dinh/<int:pk>/pdf/", views.decision_pdf, name="decision-pdf"),
    path("ke-hoach/<int:pk>/pdf/", views.plan_pdf, name="plan-pdf"),
]
