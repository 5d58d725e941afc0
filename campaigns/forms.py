from django import forms
from django.urls import reverse

from campaigns import deadlines, formatting, lifecycle
from campaigns.models import (
    Campaign,
    LegalBasis,
    Pledge,
    Recipient,
    ReportingPeriod,
    Section,
    SubCampaign,
)
from common import clock
from common.forms import FilterFormMixin, ProtectedFileInput, ReasonField, VnDateField, VnMessagesMixin
from common.uploads import check_document
from units import access
from units.forms import set_organisation_choices
from units.models import Organisation
from units.selectors import organisation_choices


class ReasonMixin:
    """Adds the "lý do điều chỉnh" field, mandatory once the plan is issued."""

    def add_reason(self, campaign: Campaign) -> None:
        self.fields["reason"] = ReasonField(required=campaign.edits_need_reason)


def quota_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=0, max_value=100000,
        help_text="Để trống nếu kế hoạch không quy định số lượng (khác với 0).",
        error_messages={"invalid": "Nhập một số nguyên.", "min_value": "Số lượng không được âm."},
    )


class CampaignForm(VnMessagesMixin, ReasonMixin, forms.ModelForm):
    period_start = VnDateField(label="Thời gian thi đua từ ngày", required=False)
    period_end = VnDateField(label="Đến ngày", required=False)
    issue_date = VnDateField(label="Ngày ban hành", required=False)
    quota_collective = quota_field("Số lượng khen thưởng tập thể")
    quota_individual = quota_field("Số lượng khen thưởng cá nhân")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(label="Năm thi đua", min_value=1990, max_value=2100,
                              error_messages={"min_value": "Năm thi đua từ 1990 đến 2100.",
                                              "max_value": "Năm thi đua từ 1990 đến 2100."})

    class Meta:
        model = Campaign
        fields = [
            "issuer", "document_kind", "title", "theme", "form", "form_label", "year", "period_start",
            "period_end", "document_parent_line", "document_name_line", "number", "notation", "place",
            "issue_date", "issue_month", "issue_year", "preamble", "closing", "signer_prefix", "signer_title",
            "signer_name",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.TextInput(),
            "preamble": forms.Textarea(attrs={"rows": 3}),
            "closing": forms.Textarea(attrs={"rows": 3}),
            "signer_prefix": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        issuers = access.organisations_for(user, "campaign.manage").filter(closed_on__isnull=True)
        set_organisation_choices(self.fields["issuer"], issuers)
        self.fields["issue_month"].widget.attrs.update(min=1, max=12)
        self.fields["issue_month"].error_messages.update(
            min_value="Tháng từ 1 đến 12.", max_value="Tháng từ 1 đến 12.")
        campaign = self.instance
        self.fields["issue_year"].min_value = 1990
        self.fields["issue_year"].widget.attrs.update(min=1990, max=2100)
        if campaign.pk:
            self.fields["version"].initial = campaign.version
            quotas = {q.recipient_kind: q.count for q in campaign.quotas.filter(subcampaign__isnull=True)}
            self.fields["quota_collective"].initial = quotas.get("collective")
            self.fields["quota_individual"].initial = quotas.get("individual")
            self.add_reason(campaign)
            if campaign.status == lifecycle.Status.DRAFT:
                # The registry's number and date are recorded when the plan is issued.
                self.fields.pop("number")
                self.fields.pop("issue_date")
        else:
            self.fields.pop("number")
            self.fields.pop("issue_date")
        self.fields["notation"].help_text = "Ví dụ: KH-SYT. Số do văn thư cấp khi ban hành."
        for name in ("document_parent_line", "document_name_line", "place"):
            self.fields[name].help_text = ("Để trống: lấy theo thông tin của cơ quan ban hành."
                                           if not campaign.pk else "")

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "Ngày kết thúc phải sau ngày bắt đầu.")
        month = data.get("issue_month")
        if month is not None and not 1 <= month <= 12:
            self.add_error("issue_month", "Tháng từ 1 đến 12.")
        return data

    def quotas(self) -> dict:
        return {"collective": self.cleaned_data.get("quota_collective"),
                "individual": self.cleaned_data.get("quota_individual")}

    def campaign_fields(self) -> dict:
        skip = {"quota_collective", "quota_individual", "reason", "version"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class IssueForm(VnMessagesMixin, forms.Form):
    number = forms.IntegerField(label="Số", min_value=1, max_value=999999,
                                error_messages={"invalid": "Nhập số văn bản (chữ số).",
                                                "min_value": "Số văn bản từ 1 trở lên.",
                                                "max_value": "Số văn bản quá lớn."})
    notation = forms.CharField(label="Ký hiệu", max_length=50)
    issue_date = VnDateField(label="Ngày ban hành")


class TransitionForm(VnMessagesMixin, forms.Form):
    reason = forms.CharField(label="Lý do", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ItemForm(VnMessagesMixin, ReasonMixin, forms.ModelForm):
    def __init__(self, *args, campaign: Campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.user = user
        self.add_reason(campaign)


class SectionForm(ItemForm):
    class Meta:
        model = Section
        fields = ["order", "level", "heading", "body", "block"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "heading": "Ghi đúng như văn bản, kể cả số thứ tự: “V. TỔ CHỨC THỰC HIỆN”.",
            "body": "Mỗi đoạn một dòng; giữ dấu “- ” ở đầu dòng gạch đầu dòng; *chữ nghiêng* trong dấu sao.",
        }


class LegalBasisForm(ItemForm):
    issued_on = VnDateField(label="Ngày ban hành", required=False)

    class Meta:
        model = LegalBasis
        fields = ["order", "lead", "kind", "number", "issued_on", "issuer_name", "subject", "text", "separator"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 2}), "text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"text": "Để trống: hệ thống ghép từ các ô trên."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        typed_lead, rest = formatting.split_lead(text)
        if typed_lead:
            # "Căn cứ …" typed into the text: the lead word goes to its own field, never printed twice.
            data["lead"] = data.get("lead") or typed_lead
            text = rest
        if not text:
            if not any(data.get(name) for name in ("number", "issued_on", "issuer_name", "subject")):
                self.add_error("text", "Ghi nội dung căn cứ, hoặc điền số, ngày, cơ quan ban hành, trích yếu.")
            text = formatting.compose_basis(kind=data.get("kind", ""), number=data.get("number", ""),
                                            issued_on=data.get("issued_on"), issuer_name=data.get("issuer_name", ""),
                                            subject=data.get("subject", ""))
        data["text"] = text
        self.instance.text = text
        self.instance.lead = data.get("lead", "")
        return data


class RecipientForm(ItemForm):
    class Meta:
        model = Recipient
        fields = ["order", "text", "purpose", "is_archive"]


class PeriodForm(ItemForm):
    deadline = VnDateField(label="Hạn nộp", required=False,
                           help_text="Để trống: lấy theo hạn như văn bản (“trước ngày 20/6”).")
    year = forms.IntegerField(label="Năm", min_value=1900, max_value=2100,
                              error_messages={"min_value": "Năm phải trong khoảng 1900–2100.",
                                              "max_value": "Năm phải trong khoảng 1900–2100."})

    class Meta:
        model = ReportingPeriod
        fields = ["kind", "year", "label", "deadline_text", "deadline", "deadline_inclusive", "request_reference",
                  "order"]

    # Shown only when the deadline has passed (clean), so that saving it is a decision, not a slip.
    confirm_past_deadline = forms.BooleanField(label="Vẫn lưu hạn nộp này", required=False,
                                               widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].initial = self.campaign.year
        # The confirmation sits right under the deadline it confirms.
        names = list(self.fields)
        names.remove("confirm_past_deadline")
        names.insert(names.index("deadline") + 1, "confirm_past_deadline")
        self.order_fields(names)

    def clean(self):
        data = super().clean()
        problems = deadlines.period_problems(data.get("kind", ""), data.get("year"), data.get("deadline"),
                                             campaign_year=self.campaign.year,
                                             deadline_text=data.get("deadline_text", ""))
        for field, message in problems.items():
            if field in self.fields and not self.has_error(field):
                self.add_error(field, message)
        if not self.errors:
            self._warn_if_past(data)
        return data

    def _warn_if_past(self, data: dict) -> None:
        deadline, inclusive = data.get("deadline"), data.get("deadline_inclusive", False)
        if deadline is None and data.get("year"):
            deadline, printed_inclusive = deadlines.parse_deadline_text(data.get("deadline_text", ""), data["year"])
            inclusive = printed_inclusive if printed_inclusive is not None else inclusive
        warnings = deadlines.period_warnings(deadline, bool(inclusive), today=clock.today(),
                                             kind=data.get("kind", ""), year=data.get("year"))
        unchanged = self.instance.pk and self.instance.deadline == deadline
        if warnings and not unchanged and not data.get("confirm_past_deadline"):
            self.fields["confirm_past_deadline"].widget = forms.CheckboxInput()
            self.add_error("deadline", " ".join(warnings) + " Đánh dấu “Vẫn lưu hạn nộp này” nếu đúng ý bạn.")


class SubCampaignForm(VnMessagesMixin, ReasonMixin, forms.ModelForm):
    award_from = VnDateField(label="Xét khen thưởng từ ngày", required=False)
    award_to = VnDateField(label="Đến ngày", required=False)
    quota_collective = quota_field("Số lượng khen thưởng tập thể")
    quota_individual = quota_field("Số lượng khen thưởng cá nhân")

    class Meta:
        model = SubCampaign
        fields = [
            "parent", "order", "number", "title", "title_end", "host_text", "host", "responsible_label",
            "responsible_text", "responsible_end", "responsible", "content", "award_timing", "award_from", "award_to",
            "criteria", "quota_note", "quota_printed", "quota_per_programme", "needs_detailed_plan",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "content": forms.Textarea(attrs={"rows": 5}),
                   "criteria": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, campaign: Campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        parents = campaign.subcampaigns.all()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        # In the plan's order, indented: "2", "  2.1", "    2.1.a", "  2.2"…
        from campaigns.selectors import flatten_items, subcampaign_tree

        nodes = [n for n in flatten_items(subcampaign_tree(campaign)) if n.item.pk != self.instance.pk]
        self.fields["parent"].choices = [("", "(nội dung cấp 1)")] + [
            (n.item.pk, "\u00a0\u00a0\u00a0" * n.level + str(n.item)) for n in nodes]
        visible = access.visible_organisations(user).filter(closed_on__isnull=True)
        for name in ("host", "responsible"):
            set_organisation_choices(self.fields[name], visible, blank="(không chọn)")
        if self.instance.pk:
            quotas = {q.recipient_kind: q.count for q in self.instance.quotas.all()}
            self.fields["quota_collective"].initial = quotas.get("collective")
            self.fields["quota_individual"].initial = quotas.get("individual")
        self.add_reason(campaign)

    def clean(self):
        data = super().clean()
        start, end = data.get("award_from"), data.get("award_to")
        if start and end and start > end:
            self.add_error("award_to", "Ngày kết thúc phải sau ngày bắt đầu.")
        printed = (data.get("quota_printed") or "").strip()
        if printed and not self.has_error("quota_printed"):
            from campaigns.selectors import printed_quota_counts

            # The form's own numbers, so the message sits beside the line before anything is saved.
            counts = printed_quota_counts(self.instance, {"collective": data.get("quota_collective"),
                                                          "individual": data.get("quota_individual")},
                                          per_programme=bool(data.get("quota_per_programme")))
            if problem := formatting.printed_quota_problem(printed, *counts):
                self.add_error("quota_printed", problem)
        return data

    def quotas(self) -> dict:
        return {"collective": self.cleaned_data.get("quota_collective"),
                "individual": self.cleaned_data.get("quota_individual")}


class ParticipantsForm(VnMessagesMixin, ReasonMixin, forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(), label="Đơn vị", widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một đơn vị."},
    )
    registered_on = VnDateField(label="Ngày đăng ký", required=False)

    def __init__(self, *args, campaign: Campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        taken = campaign.participations.values("organisation_id")
        candidates = access.visible_organisations(user).filter(closed_on__isnull=True).exclude(pk__in=taken)
        field = self.fields["organisations"]
        field.queryset = candidates
        field.choices = organisation_choices(candidates)
        self.add_reason(campaign)


class PledgeForm(VnMessagesMixin, ReasonMixin, forms.ModelForm):
    signed_on = VnDateField(label="Ngày ký", required=False)
    parties = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(), label="Các bên ký", widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn các đơn vị ký giao ước."},
    )

    class Meta:
        model = Pledge
        fields = ["title", "bloc", "parties", "signed_on", "commitments", "file"]
        widgets = {"commitments": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, campaign: Campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        participants = Organisation.objects.filter(participations__campaign=campaign)
        self.fields["parties"].queryset = participants
        self.fields["parties"].choices = organisation_choices(participants)
        from units.selectors import visible_blocs

        self.fields["bloc"].queryset = visible_blocs(user).order_by("name")
        self.fields["bloc"].empty_label = "(không thuộc khối thi đua nào)"
        self.fields["bloc"].help_text = "Giao ước giữa các khoa, phòng trong một đơn vị: để trống."
        self.fields["file"].help_text = "PDF hoặc ảnh chụp văn bản đã ký, tối đa 10 MB."
        if self.instance.pk:
            self.initial["parties"] = list(self.instance.parties.values_list("pk", flat=True))
            self.fields["file"].widget = ProtectedFileInput(
                download_url=reverse("campaigns:pledge-file", args=[campaign.pk, self.instance.pk]))
        self.add_reason(campaign)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the file already stored
            check_document(upload)
        return upload


class DeleteForm(VnMessagesMixin, forms.Form):
    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = ReasonField(required=campaign.edits_need_reason, label="Lý do xóa")


class CampaignFilterForm(VnMessagesMixin, FilterFormMixin, forms.Form):
    q = forms.CharField(label="Tìm phong trào", required=False)
    status = forms.ChoiceField(label="Trạng thái", required=False,
                               choices=[("", "Tất cả trạng thái")] + list(lifecycle.Status.choices))
    year = forms.IntegerField(label="Năm", required=False, min_value=1900, max_value=2100)
    form = forms.ChoiceField(label="Hình thức", required=False,
                             choices=[("", "Tất cả hình thức")] + list(Campaign.Form.choices))
    issuer = forms.ModelChoiceField(label="Cơ quan ban hành", required=False, queryset=Organisation.objects.none(),
                                    empty_label="Tất cả cơ quan")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from units.selectors import visible_roots

        roots = visible_roots(user)
        self.fields["issuer"].queryset = Organisation.objects.filter(pk__in=[r.pk for r in roots])
        self.fields["issuer"].choices = [("", "Tất cả cơ quan")] + [(r.pk, r.name) for r in roots]
        self.style_fields()


class CopyPlanForm(VnMessagesMixin, forms.Form):
    """The one form of "Sao chép kế hoạch": the year, the issuer and the title of the new draft."""

    year = forms.IntegerField(label="Năm thi đua của kế hoạch mới",
                              error_messages={"required": "Nhập năm thi đua.", "invalid": "Nhập năm bằng chữ số."})
    issuer = forms.ModelChoiceField(label="Cơ quan ban hành", queryset=Organisation.objects.none(),
                                    error_messages={"required": "Chọn cơ quan ban hành."})
    title = forms.CharField(label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": "Ghi trích yếu của kế hoạch mới."})

    def __init__(self, *args, user, year_range: tuple[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        low, high = year_range
        self.fields["year"].widget.attrs.update(min=low, max=high)
        self.fields["year"].help_text = f"Từ {low} đến {high}. Ngày tháng trong kế hoạch dời theo số năm chênh lệch."
        # The user's own bodies (where their managing roles are), not every office below them.
        own = [m.organisation_id for m in access.memberships(user)
               if access.can(user, "campaign.manage", m.organisation) and not m.organisation.is_closed]
        issuers = access.organisations_for(user, "campaign.manage").filter(closed_on__isnull=True)
        set_organisation_choices(self.fields["issuer"], issuers.filter(pk__in=own) if own else issuers, blank="")
        self.fields["issuer"].help_text = "Kế hoạch mới là dự thảo của cơ quan này."

    def clean_year(self):
        year = self.cleaned_data["year"]
        low, high = (int(self.fields["year"].widget.attrs[k]) for k in ("min", "max"))
        if not low <= year <= high:
            raise forms.ValidationError(f"Năm thi đua của bản sao phải trong khoảng {low}–{high}.")
        return year
