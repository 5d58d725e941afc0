from django.urls import path

from units import views

app_name = "units"
urlpatterns = [
    path("", views.organisation_list, name="organisation-list"),
    path("them/", views.organisation_create, name="organisation-create"),
    path("<int:pk>/", views.organisation_detail, name="organisation-detail"),
    path("<int:pk>/sua/", views.organisation_update, name="organisation-update"),
    path("<int:pk>/ngung-hoat-dong/", views.organisation_close, name="organisation-close"),
    path("<int:pk>/mo-lai/", views.organisation_reopen, name="organisation-reopen"),
    path("ca-nhan/", views.person_list, name="person-list"),
    path("ca-nhan/them/", views.person_create, name="person-create"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person-detail"),
    path("ca-nhan/<int:pk>/sua/", views.person_update, name="person-update"),
    path("khoi-thi-dua/", views.bloc_list, name="bloc-list"),
    path("khoi-thi-dua/them/", views.bloc_create, name="bloc-create"),
    path("khoi-thi-dua/<int:pk>/", views.bloc_detail, name="bloc-detail"),
    path("khoi-thi-dua/<int:pk>/sua/", views.bloc_update, name="bloc-update"),
    path("khoi-thi-dua/<int:pk>/thanh-vien/", views.bloc_member_add, name="bloc-member-add"),
    path("khoi-thi-dua/<int:pk>/thanh-vien/<int:member_pk>/xoa/", views.bloc_member_remove,
         name="bloc-member-remove"),
    path("tai-khoan/", views.account_list, name="account-list"),
    path("tai-khoan/them/", views.account_create, name="account-create"),
    path("tai-khoan/<int:pk>/", views.account_detail, name="account-detail"),
    path("tai-khoan/<int:pk>/cap-vai-tro/", views.account_grant, name="account-grant"),
    path("tai-khoan/<int:pk>/thu-hoi/<int:membership_pk>/", views.account_revoke, name="account-revoke"),
    path("tai-khoan/<int:pk>/trang-thai/", views.account_set_active, name="account-set-active"),
    path("tai-khoan/<int:pk>/dat-lai-mat-khau/", views.account_reset_password, name="account-reset-password"),
    path("nhap-excel/", views.units_import, name="import"),
    path("xuat-excel/", views.units_export, name="export"),
]
