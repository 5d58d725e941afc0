from django.urls import path

from campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="campaign-list"),
    path("them/", views.campaign_create, name="campaign-create"),
    path("<int:pk>/", views.campaign_detail, name="campaign-detail"),
    path("<int:pk>/sua/", views.campaign_update, name="campaign-update"),
    path("<int:pk>/sao-chep/", views.campaign_copy, name="campaign-copy"),
    path("<int:pk>/can-xem-lai/", views.copy_review_dismiss, name="copy-review-dismiss"),
    path("<int:pk>/lich-su/", views.campaign_history, name="campaign-history"),
    path("<int:pk>/ban-hanh/", views.campaign_issue, name="campaign-issue"),
    path("<int:pk>/xoa/", views.campaign_delete, name="campaign-delete"),
    path("<int:pk>/chuyen-trang-thai/", views.campaign_move, name="campaign-move"),
    path("<int:pk>/noi-dung/them/", views.subcampaign_form, name="subcampaign-create"),
    path("<int:pk>/noi-dung/<int:item_pk>/", views.subcampaign_detail, name="subcampaign-detail"),
    path("<int:pk>/noi-dung/<int:item_pk>/sua/", views.subcampaign_form, name="subcampaign-update"),
    path("<int:pk>/noi-dung/<int:item_pk>/xoa/", views.subcampaign_delete, name="subcampaign-delete"),
    path("<int:pk>/don-vi-tham-gia/them/", views.participants_add, name="participants-add"),
    path("<int:pk>/don-vi-tham-gia/<int:participation_pk>/xoa/", views.participant_remove,
         name="participant-remove"),
    path("<int:pk>/giao-uoc/them/", views.pledge_form, name="pledge-create"),
    path("<int:pk>/giao-uoc/<int:pledge_pk>/", views.pledge_detail, name="pledge-detail"),
    path("<int:pk>/giao-uoc/<int:pledge_pk>/sua/", views.pledge_form, name="pledge-update"),
    path("<int:pk>/giao-uoc/<int:pledge_pk>/tep/", views.pledge_file, name="pledge-file"),
    path("<int:pk>/giao-uoc/<int:pledge_pk>/xoa/", views.pledge_delete, name="pledge-delete"),
    path("<int:pk>/<slug:kind>/them/", views.item_form, name="item-create"),
    path("<int:pk>/<slug:kind>/<int:item_pk>/sua/", views.item_form, name="item-update"),
    path("<int:pk>/<slug:kind>/<int:item_pk>/xoa/", views.item_delete, name="item-delete"),
]
