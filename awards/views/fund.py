"""Award money: an issuer's reward fund for a year (the secretariat records what comes in, the
leader reads it), its Excel ledger, and the administrator's confirmation of a bonus coefficient."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards import forms, selectors, services
from awards.models import AwardRule, AwardType, BaseSalary
from awards.views._common import _error_text, _issuers, _xlsx
from common import clock, xlsx
from common.forms import apply_service_errors, parse_id
from common.text import format_number
from units import access
from units.models import Organisation


def _fund_of(request: HttpRequest) -> tuple[list[Organisation], Organisation, int]:
    """The issuers whose fund the user reads, the one asked for (`co-quan`; another body's is a
    404, like a missing one) and the year (`nam`, this year by default)."""
    issuers = list(_issuers(request, "fund.view"))
    if not issuers:
        raise PermissionDenied
    raw = request.POST.get("co-quan") or request.GET.get("co-quan")
    issuer = issuers[0]
    if raw:
        # A unit head's own decisions are paid from the unit's fund: any body in scope, not only roots.
        issuer = access.organisations_for(request.user, "fund.view").filter(pk=parse_id(raw)).first()
        if issuer is None:
            raise Http404
    year = parse_id(request.GET.get("nam"))
    if year is None or not 2000 <= year <= 2100:
        year = clock.today().year
    return issuers, issuer, year


def _fund_url(issuer: Organisation, year: int) -> str:
    return f"{reverse('awards:fund')}?{urlencode({'co-quan': issuer.pk, 'nam': year})}"


def fund(request: HttpRequest) -> HttpResponse:
    issuers, issuer, year = _fund_of(request)
    can_manage = access.can(request.user, "fund.manage", issuer)
    form = forms.FundAllocationForm(request.POST or None, initial={"received_on": clock.today()})
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_fund_allocation(by=request.user, issuer=issuer, year=year, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, f"Đã ghi nhận {format_number(form.cleaned_data['amount'])} đồng vào quỹ "
                                          f"năm {year}.")
                return redirect(_fund_url(issuer, year))
    ledger, allocations = selectors.fund_ledger(issuer, year)
    return render(request, "awards/fund.html", {
        "issuers": issuers, "issuer": issuer, "year": year, "years": range(year - 2, year + 2),
        "ledger": ledger, "allocations": allocations, "form": form, "can_manage": can_manage,
        "salaries": list(BaseSalary.objects.all()),
    })


def fund_excel(request: HttpRequest) -> HttpResponse:
    """The ledger as .xlsx: values only (no formulas), money as numbers Excel formats itself."""
    _issuers_list, issuer, year = _fund_of(request)
    ledger, _allocations = selectors.fund_ledger(issuer, year)
    rows = [[row.day, row.text, row.money_in, row.money_out, row.balance] for row in ledger.rows]
    rows.append([None, "Cộng", ledger.money_in, ledger.money_out, ledger.balance])
    sheet = xlsx.Sheet("Sổ quỹ", ["Ngày", "Nội dung", "Thu (đồng)", "Chi (đồng)", "Số dư (đồng)"], rows,
                       widths=[12, 70, 18, 18, 18], heading=[
                           f"SỔ QUỸ THI ĐUA, KHEN THƯỞNG NĂM {year}", issuer.name,
                           "Chi: tổng tiền thưởng các quyết định đã ban hành trong năm (quyết định đã thu hồi không "
                           "tính).", f"Xuất ngày {clock.today():%d/%m/%Y}."])
    return _xlsx(xlsx.write_workbook([sheet]), f"quy-thi-dua-khen-thuong-{issuer.pk}-{year}.xlsx")


@require_POST
def rule_confirm(request: HttpRequest, type_pk: int, pk: int) -> HttpResponse:
    """The administrator confirms an unverified bonus coefficient (who and when go to the history)."""
    access.require(request.user, "catalogue.manage")
    award = get_object_or_404(AwardType, pk=type_pk)
    rule = get_object_or_404(AwardRule, pk=pk, award_type=award)
    form = forms.BonusConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("awards:award-type", pk=award.pk)
    try:
        services.confirm_bonus_rule(by=request.user, rule=rule, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, f"Đã xác nhận hệ số tiền thưởng {format_number(form.cleaned_data['coefficient'])} "
                                  f"cho {award.name}. Các dự thảo quyết định đã được tính lại.")
    return redirect("awards:award-type", pk=award.pk)
