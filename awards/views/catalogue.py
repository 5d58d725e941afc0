"""The catalogue and its tables (administrator; ratio caps for the secretariat)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards import forms, services
from awards.models import AwardRule, AwardType, BaseSalary, DatedLegalBasis, Holiday, RatioCap, UnitAuthority
from awards.views._common import _acting_issuer, _issuers
from common.forms import apply_service_errors
from units import access
from units.models import Organisation


def _require_admin(request: HttpRequest) -> None:
    access.require(request.user, "catalogue.manage")


def catalogue(request: HttpRequest) -> HttpResponse:
    types = AwardType.objects.annotate(rule_count=Count("rules"),
                                       disabled=Count("rules", filter=Q(rules__enabled=False)))
    return render(request, "awards/catalogue.html", {
        "types": list(types), "is_admin": access.can(request.user, "catalogue.manage"),
        "salaries": list(BaseSalary.objects.all()), "legal_bases": list(DatedLegalBasis.objects.all()),
    })


def award_type_detail(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_object_or_404(AwardType, pk=pk)
    return render(request, "awards/award_type_detail.html", {
        "award": award, "rules": list(award.rules.select_related("related_type")),
        "is_admin": access.can(request.user, "catalogue.manage"),
    })


def award_type_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require_admin(request)
    instance = get_object_or_404(AwardType, pk=pk) if pk else AwardType()
    form = forms.AwardTypeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            award = services.save_award_type(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu.")
            return redirect("awards:award-type", pk=award.pk)
    return render(request, "awards/simple_form.html", {
        "form": form, "title": f"Sửa: {instance.name}" if pk else "Thêm danh hiệu, hình thức khen thưởng",
        "back": "awards:catalogue"})


def rule_form(request: HttpRequest, type_pk: int, pk: int | None = None) -> HttpResponse:
    _require_admin(request)
    award = get_object_or_404(AwardType, pk=type_pk)
    instance = get_object_or_404(AwardRule, pk=pk, award_type=award) if pk else AwardRule(award_type=award)
    form = forms.AwardRuleForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_rule(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu quy định.")
            return redirect("awards:award-type", pk=award.pk)
    return render(request, "awards/simple_form.html", {
        "form": form, "title": f"Quy định của {award.name}", "back_url": award.pk, "back": "awards:award-type"})


def salaries(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = forms.BaseSalaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_base_salary(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu mức lương cơ sở.")
            return redirect("awards:salaries")
    return render(request, "awards/salaries.html", {"form": form, "salaries": list(BaseSalary.objects.all())})


@require_POST
def salary_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    salary = get_object_or_404(BaseSalary, pk=pk)
    salary.needs_verification = False
    services.save_base_salary(by=request.user, instance=salary)
    messages.success(request, "Đã xác nhận.")
    return redirect("awards:salaries")


def legal_bases(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The dated căn cứ a decision cites: the table, and a form to add a row or edit the one chosen."""
    _require_admin(request)
    instance = get_object_or_404(DatedLegalBasis, pk=pk) if pk else DatedLegalBasis()
    form = forms.DatedLegalBasisForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_legal_basis(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu căn cứ pháp lý.")
            return redirect("awards:legal-bases")
    return render(request, "awards/legal_bases.html", {
        "form": form, "editing": instance if pk else None, "bases": list(DatedLegalBasis.objects.all())})


def holidays(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = forms.HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_holiday(by=request.user, instance=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã thêm ngày nghỉ.")
            return redirect("awards:holidays")
    return render(request, "awards/holidays.html", {"form": form, "holidays": list(Holiday.objects.all())})


@require_POST
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    services.delete_holiday(by=request.user, holiday=get_object_or_404(Holiday, pk=pk))
    messages.success(request, "Đã xóa.")
    return redirect("awards:holidays")


def unit_authorities(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    organisations = Organisation.objects.filter(closed_on__isnull=True)
    form = forms.UnitAuthorityForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_unit_authority(by=request.user, organisation=data["organisation"],
                                     award_types=list(data["award_types"]), basis=data["basis"])
        messages.success(request, "Đã lưu thẩm quyền của đơn vị.")
        return redirect("awards:unit-authorities")
    return render(request, "awards/unit_authorities.html", {
        "form": form, "authorities": list(UnitAuthority.objects.select_related("organisation")
                                          .prefetch_related("award_types")),
    })


def ratio_caps(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    issuer = _acting_issuer(request, issuers)
    form = forms.RatioCapForm(request.POST or None, instance=RatioCap(issuer=issuer))
    if request.method == "POST" and form.is_valid():
        existing = RatioCap.objects.filter(issuer=issuer, award_type=form.cleaned_data["award_type"]).first()
        instance = existing or form.instance
        if existing:
            for name in ("base_type", "percent", "enabled", "legal_basis"):
                setattr(existing, name, form.cleaned_data[name])
        try:
            services.save_ratio_cap(by=request.user, instance=instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu tỷ lệ tối đa.")
            return redirect("awards:ratio-caps")
    return render(request, "awards/ratio_caps.html", {
        "form": form, "issuer": issuer, "issuers": issuers,
        "caps": list(RatioCap.objects.filter(issuer=issuer).select_related("award_type", "base_type")),
    })
