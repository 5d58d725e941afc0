"""The register of awards: lists, a person's or unit's history, entries and imports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from awards import excel, forms, selectors, services
from awards.models import (
    Appraisal,
    AwardType,
    Grade,
    Hold,
    Initiative,
    InitiativeLevel,
    Nomination,
    RegisterEntry,
)
from awards.views._common import RELATED, _acting_issuer, _error_text, _issuers, _xlsx
from common import clock, search, xlsx
from common.forms import apply_service_errors
from units import access
from units.models import Organisation, Person


def register(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    people, organisations = [], []
    if q:
        people = list(Person.objects.filter(access.scope_q(request.user, field="organisation__path") or Q(),
                                            search.matches("search_text", q)).select_related("organisation")[:30])
        organisations = list(access.visible_organisations(request.user).filter(search.matches("search_text", q))[:15])
    recent = (RegisterEntry.objects.filter(owner__in=_issuers(request, "nomination.review"))
              .select_related("person", "organisation", "award_type").order_by("-recorded_at")[:15])
    return render(request, "awards/register.html", {
        "q": q, "people": people, "organisations": organisations, "recent": list(recent),
        "can_record": _issuers(request, "nomination.review").exists(),
    })


def _eligibility_records(person=None, organisation=None) -> dict:
    subject = {"person": person} if person else {"organisation": organisation}
    return {
        "appraisals": list(Appraisal.objects.filter(**subject).order_by("-year")),
        "holds": list(Hold.objects.filter(**subject).order_by("-starts_on")),
        "initiatives": list(Initiative.objects.filter(authors=person).order_by("-recognised_on")) if person else [],
    }


def _person(request: HttpRequest, pk: int) -> Person:
    """A person in the user's scope (404 otherwise, whatever id is typed), with their unit."""
    return get_object_or_404(Person.objects.filter(access.scope_q(request.user, field="organisation__path") or Q())
                             .select_related("organisation"), pk=pk)


def _organisation(request: HttpRequest, pk: int) -> Organisation:
    return get_object_or_404(access.visible_organisations(request.user).select_related("parent"), pk=pk)


def register_person(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    can_record = access.can(request.user, "person.manage", person.organisation)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        _save_record(request, person=person, organisation=person.organisation)
        return redirect("awards:register-person", pk=person.pk)
    return render(request, "awards/register_subject.html", {
        "subject": person, "name": person.full_name, "unit": person.organisation,
        **_history(person=person), "can_record": can_record,
        "nominations": list(Nomination.objects.visible_to(request.user).filter(person=person)
                            .select_related(*RELATED).order_by("-achievement_year")),
        "grades": Grade.choices, "hold_kinds": Hold.Kind.choices, "levels": InitiativeLevel.choices,
        **_eligibility_records(person=person),
    })


def register_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(request, pk)
    can_record = access.can(request.user, "person.manage", organisation)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        _save_record(request, organisation=organisation)
        return redirect("awards:register-organisation", pk=organisation.pk)
    return render(request, "awards/register_subject.html", {
        "subject": organisation, "name": organisation.name, "unit": organisation.parent,
        **_history(organisation=organisation), "can_record": can_record,
        "nominations": list(Nomination.objects.visible_to(request.user).filter(organisation=organisation)
                            .select_related(*RELATED).order_by("-achievement_year")),
        "grades": Grade.choices, "hold_kinds": Hold.Kind.choices, "is_organisation": True,
        **_eligibility_records(organisation=organisation),
    })


def _history(**subject) -> dict:
    """The page's share of the printable history: the same rows (newest first on screen) and runs."""
    history = selectors.award_history(**subject)
    return {"rows": history.rows[::-1], "streaks": history.streaks}


def history_person_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    return _xlsx(excel.history_workbook(selectors.award_history(person=person), clock.today()),
                 f"qua-trinh-khen-thuong-ca-nhan-{person.pk}.xlsx")


def history_organisation_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(request, pk)
    return _xlsx(excel.history_workbook(selectors.award_history(organisation=organisation), clock.today()),
                 f"qua-trinh-khen-thuong-tap-the-{organisation.pk}.xlsx")


def _save_record(request: HttpRequest, *, person: Person | None = None, organisation: Organisation) -> None:
    """An appraisal, initiative or hold typed on the register page."""
    kind = request.POST.get("record")
    # An initiative is a person's; a unit's page offers no such form.
    form_class = forms.RECORD_FORMS.get(kind) if kind != "initiative" or person is not None else None
    form = form_class(request.POST) if form_class else None
    try:
        if form is None:
            raise ValidationError("Chọn loại thông tin cần ghi.")
        if not form.is_valid():
            # Named by field: the register's small forms show their messages on top of the page.
            raise ValidationError([f"{form.fields[name].label}: {message}" if name in form.fields
                                   and form.fields[name].label else message
                                   for name, errors in form.errors.items() for message in errors])
        record = form.record(person=person, organisation=organisation, by=request.user)
        saved = services.save_eligibility_record(by=request.user, instance=record, organisation=organisation)
        if kind == "initiative":
            saved.authors.add(person)
    except ValidationError as error:
        messages.error(request, "Chưa lưu: " + " ".join(
            f"{' '.join(v)}" for v in error.message_dict.values()) if hasattr(error, "error_dict") else
            "Chưa lưu: " + _error_text(error))
    else:
        messages.success(request, "Đã ghi nhận.")


def register_add(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    people, organisations = selectors.register_subjects(issuers)
    form = forms.RegisterEntryForm(request.POST or None, request.FILES or None, people=people,
                                   organisations=organisations,
                                   initial={"person": request.GET.get("ca-nhan"),
                                            "organisation": request.GET.get("tap-the")})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        subject = entry.person.organisation if entry.person_id else entry.organisation
        # The register the entry goes to is the issuer whose tree holds the person or unit.
        owner = (next((i for i in issuers if subject.path.startswith(i.path)), None)
                 or _acting_issuer(request, issuers))
        try:
            services.add_register_entry(by=request.user, owner=owner, instance=entry,
                                        upload=form.cleaned_data.get("file"))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi vào Sổ khen thưởng.")
            if entry.person_id:
                return redirect("awards:register-person", pk=entry.person_id)
            return redirect("awards:register-organisation", pk=entry.organisation_id)
    return render(request, "awards/register_form.html", {"form": form})


def register_template(request: HttpRequest) -> HttpResponse:
    return _xlsx(excel.register_template(list(AwardType.objects.filter(is_active=True))), "so-khen-thuong-mau.xlsx")


def register_import(request: HttpRequest) -> HttpResponse:
    issuers = list(_issuers(request, "nomination.review"))
    if not issuers:
        raise PermissionDenied
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    # One workbook fills one issuer's register, with that issuer's people and units.
    owner = _acting_issuer(request, issuers)
    if request.method == "POST" and form.is_valid():
        people, organisations = selectors.register_subjects([owner])
        try:
            rows, errors = excel.read_register(
                form.cleaned_data["file"], people={p.employee_code.upper(): p for p in people},
                organisations={o.code.upper(): o for o in organisations},
                types={t.code: t for t in AwardType.objects.all()})
        except xlsx.WorkbookError as exc:
            form.add_error("file", str(exc))
        else:
            if not errors:
                try:
                    made = services.import_register(by=request.user, owner=owner, rows=rows)
                except services.RowErrors as failure:
                    errors = failure.rows
                else:
                    messages.success(request, f"Đã ghi {len(made)} khen thưởng vào Sổ khen thưởng.")
                    return redirect("awards:register")
    return render(request, "awards/import.html", {"form": form, "errors": errors,
                                                  "title": "Nhập Sổ khen thưởng từ Excel",
                                                  "template_url": "awards:register-template", "back": None})


def register_entry_file(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(RegisterEntry.objects.select_related("person__organisation", "organisation"), pk=pk)
    subject = entry.person.organisation if entry.person_id else entry.organisation
    if not access.can_see(request.user, subject) or not entry.file:
        raise Http404
    return FileResponse(entry.file.open("rb"), as_attachment=True, filename=entry.file.name.rsplit("/", 1)[-1])
