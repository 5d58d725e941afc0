"""The statistics forms on thi đua, khen thưởng, under /thong-ke/."""

from django.urls import path

from reports import statistics_views

app_name = "statistics"

urlpatterns = [
    path("", statistics_views.index, name="index"),
    path("o/", statistics_views.cell, name="cell"),
    path("nhap/", statistics_views.edit, name="edit"),
    path("bieu.pdf", statistics_views.pdf, name="pdf"),
    path("bieu.xlsx", statistics_views.xlsx, name="xlsx"),
    path("chot/", statistics_views.freeze, name="freeze"),
    path("ban/<int:pk>/", statistics_views.edition, name="edition"),
    path("ban/<int:pk>/o/", statistics_views.edition_cell, name="edition-cell"),
    path("ban/<int:pk>/<str:which>/", statistics_views.edition_file, name="edition-file"),
]
