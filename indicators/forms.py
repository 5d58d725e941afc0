from django import forms

from campaigns import selectors as campaign_selectors
from campaigns.models import Campaign
from common import xlsx
from common.forms import ReasonField, VnDateField, VnMessagesMixin
from common.uploads import check_document
from indicators.evaluation import Direction
from indicators.models import CampaignIndicator, IndicatorDefinition
from indicators.services import NARRATIVE_MAX
from units import access
from units.forms import set_organisation_choices
from units.models import Organisation
from units.selectors import organisation_choices


class NarrativeForm(VnMessagesMixin, forms.Form):
    """The report's three narrative fields, read from the grid's POST: a text over the limit is
    refused beside its field (never cut), and stays in the textarea as typed."""
    narrative_done = forms.CharField(label="Kết quả đã làm được", required=False, strip=False,
                                     max_length=NARRATIVE_MAX)
    narrative_difficulties = forms.CharField(label="Khó khăn, vướng mắc", required=False, strip=False,
                                             max_length=NARRATIVE_MAX)
    narrative_proposals = forms.CharField(label="Đề xuất, kiến nghị", required=False, strip=False,
                                          max_length=NARRATIVE_MAX)


class IndicatorForm(VnMessagesMixin, forms.ModelForm):
    """One row of the plan's indicator table. A new definition can be made here, so that the
    secretariat types the row as the plan prints it and the catalogue follows."""

    new_code = forms.CharField(label="Mã chỉ tiêu mới", max_length=30, required=False)
    new_name = forms.CharField(label="Tên chỉ tiêu mới", max_length=500, required=False)
    new_unit = forms.CharField(label="Đơn vị tính", max_length=50, required=False)
    new_direction = forms.ChoiceField(label="Chiều đánh giá", choices=Direction.choices, required=False)
    reporting_units = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(), required=False,
        label="Các đơn vị báo cáo (khi chọn “các đơn vị được chọn”)", widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CampaignIndicator
        fields = ["definition", "parent", "order", "number", "label", "unit_label", "is_key", "is_group", "comparator",
                  "target_text", "next_target_text", "printed_line", "reporting_scope", "responsible", "rollup",
                  "subcampaign"]
        labels = {"printed_line": "Câu in trong kế hoạch"}
        help_texts = {"printed_line": "Khi kế hoạch viết chỉ tiêu thành câu (“+ Không xảy ra ngộ độc thực phẩm lớn.”), "
                                      "ghi đúng câu ấy. Để trống: hệ thống ghép tên chỉ tiêu với mức kế hoạch."}

    def __init__(self, *args, campaign: Campaign, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        definitions = IndicatorDefinition.objects.filter(issuer_id=campaign.issuer.root_id).order_by("name")
        self.fields["definition"].queryset = definitions
        self.fields["definition"].required = False
        self.fields["definition"].empty_label = "(tạo chỉ tiêu mới trong danh mục)"
        parents = campaign.indicators.filter(is_group=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "(dòng chính)"
        self.fields["subcampaign"].queryset = campaign.subcampaigns.all()
        # In the plan's order (1, 2, … 4, 4.a, 4.b), not the order the items were typed in.
        self.fields["subcampaign"].choices = [("", "(không gắn với nội dung nào)")] + [
            (node.item.pk, f"{'— ' * node.level}{node.item.number} {node.item.title}".strip()[:120])
            for node in campaign_selectors.flatten_items(campaign_selectors.subcampaign_tree(campaign))]
        visible = access.visible_organisations(user).filter(closed_on__isnull=True)
        set_organisation_choices(self.fields["responsible"], visible, blank="(không có)")
        participants = Organisation.objects.filter(participations__campaign=campaign)
        self.fields["reporting_units"].queryset = participants
        self.fields["reporting_units"].choices = organisation_choices(participants)
        self.fields["comparator"].required = False
        self.fields["comparator"].help_text = ("Để trống: đọc từ chỉ tiêu như văn bản (“≤11,88%”, “< 14”, “12/12”, "
                                               "“Không xảy ra…”, “Duy trì 10…”); số trơn lấy theo chiều đánh giá.")
        if self.instance.pk:
            self.initial["reporting_units"] = list(self.instance.reporting_units.values_list("pk", flat=True))
        self.fields["reason"] = ReasonField(required=campaign.edits_need_reason)

    def clean(self):
        data = super().clean()
        if not data.get("definition"):
            missing = [name for name in ("new_code", "new_name", "new_direction") if not data.get(name)]
            for name in missing:
                self.add_error(name, "Chọn chỉ tiêu trong danh mục, hoặc nhập mã, tên và chiều đánh giá để tạo mới.")
        if data.get("reporting_scope") == CampaignIndicator.Scope.NAMED and not data.get("reporting_units"):
            self.add_error("reporting_units", "Chọn các đơn vị báo cáo chỉ tiêu này.")
        return data


class UnitTargetForm(VnMessagesMixin, forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Đơn vị")
    target_text = forms.CharField(label="Chỉ tiêu giao riêng (như văn bản)", max_length=255, required=False,
                                  help_text="Để trống: đơn vị theo chỉ tiêu chung.")

    def __init__(self, *args, campaign: Campaign, reporters: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        ids = [o.pk for o in reporters]
        queryset = Organisation.objects.filter(pk__in=ids)
        self.fields["organisation"].queryset = queryset
        self.fields["organisation"].choices = organisation_choices(queryset)
        self.fields["reason"] = ReasonField(required=campaign.edits_need_reason)


class ReviewForm(VnMessagesMixin, forms.Form):
    reason = forms.CharField(label="Lý do trả lại", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=2000)


class ExceptionForm(VnMessagesMixin, forms.Form):
    until = VnDateField(label="Cho phép nộp, sửa đến hết ngày")
    reason = forms.CharField(label="Lý do", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class OverrideForm(VnMessagesMixin, forms.Form):
    verdict = forms.ChoiceField(label="Kết quả đánh giá", choices=[
        ("yes", "Đạt"), ("no", "Không đạt"), ("auto", "Theo tính toán (bỏ điều chỉnh)")])
    reason = forms.CharField(label="Lý do điều chỉnh", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def achieved(self) -> bool | None:
        return {"yes": True, "no": False, "auto": None}[self.cleaned_data["verdict"]]


class AttachmentForm(VnMessagesMixin, forms.Form):
    file = forms.FileField(label="Tệp đính kèm (PDF, Word, Excel, ảnh)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_document(upload, allowed=(".pdf", ".doc", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"))
        return upload


class GridUploadForm(VnMessagesMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel đã điền (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        xlsx.check_upload(upload)
        check_document(upload, allowed=(".xlsx",))
        return upload



class DefinitionForm(VnMessagesMixin, forms.ModelForm):
    class Meta:
        model = IndicatorDefinition
        fields = ["code", "name", "unit", "direction", "description"]
        widgets = {"name": forms.Textarea(attrs={"rows": 2}), "description": forms.Textarea(attrs={"rows": 3})}
