from django.urls import path

from common import help_views

app_name = "help"

urlpatterns = [
    path("", help_views.help_index, name="index"),
    path("pdf/", help_views.help_pdf, name="pdf"),
    path("<slug:slug>/", help_views.help_role, name="role"),
]
