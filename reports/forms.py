from django import forms

from common.forms import VnDateField, VnMessagesMixin
from common.text import nfc
from reports import outlines
from reports.models import Report, ReportSection

BODY_LIMIT = 50_000
TEXTAREA = {"rows": 5}


class ReportCreateForm(VnMessagesMixin, forms.Form):
    organisation = forms.ModelChoiceField(label="Báo cáo của", queryset=None, empty_label=None,
                                          help_text="Cơ quan phát động: báo cáo chung của phong trào; đơn vị tham gia: "
                                                    "báo cáo phần việc của đơn vị.")
    period = forms.ModelChoiceField(label="Kỳ số liệu", queryset=None, required=False,
                                    empty_label="— Không gắn kỳ số liệu (báo cáo kết quả, không có bảng chỉ tiêu) —",
                                    help_text="Số liệu chỉ tiêu, tình hình báo cáo và lời văn của các đơn vị "
                                              "lấy theo kỳ này.")

    def __init__(self, *args, organisations, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["period"].queryset = periods


class ReportForm(VnMessagesMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    make_default = forms.BooleanField(
        label="Lưu dàn ý này làm dàn ý mặc định", required=False,
        help_text="Các báo cáo cùng loại lập sau này của đơn vị bắt đầu từ các đề mục, bảng số liệu này (không kèm "
                  "lời văn; năm tự đổi theo báo cáo).")

    class Meta:
        model = Report
        fields = ["title", "recipient_line", "issue_month", "issue_year", "lead_in", "closing", "recipients",
                  "notation", "signer_prefix", "signer_title", "signer_name"]
        widgets = {**{name: forms.Textarea(attrs=TEXTAREA) for name in ["lead_in", "closing", "recipients"]},
                   # "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH": one authority per line, which an <input> would join.
                   "signer_prefix": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "lead_in": "Đoạn mở đầu, trước đề mục đầu tiên. Mỗi dòng một đoạn; *chữ* để in nghiêng. "
                       "Để trống: hệ thống viết câu “Thực hiện Kế hoạch số …”.",
            "closing": "Đoạn sau đề mục cuối, trước chữ ký (“Trên đây là báo cáo…”).",
            "issue_month": "In trên dòng ngày tháng của bản dự thảo (“ngày … tháng 12 năm …”); văn thư điền "
                           "ngày khi ban hành.",
        }


class SectionForm(VnMessagesMixin, forms.Form):
    """One heading of the outline. The indicator appendix's column headings and the briefing
    table's rows are read only for a section showing that block."""

    heading = forms.CharField(label="Đề mục", max_length=500, required=False,
                              help_text="Ghi đúng như văn bản in, kể cả số thứ tự: “V. NHIỆM VỤ, GIẢI PHÁP…”.")
    level = forms.TypedChoiceField(label="Cấp", coerce=int, initial=outlines.PART,
                                   choices=ReportSection._meta.get_field("level").choices)
    bold = forms.BooleanField(label="In đậm", required=False, initial=True)
    body = forms.CharField(label="Nội dung", required=False, max_length=BODY_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 6}),
                           help_text="Mỗi đoạn một dòng; giữ “- ” ở đầu dòng gạch đầu dòng; *chữ nghiêng* trong "
                                     "dấu sao. Ở mục Phụ lục: tên phụ lục, mỗi dòng một dòng in.")
    block = forms.ChoiceField(label="Bảng, số liệu chèn sau nội dung", choices=outlines.BLOCKS, required=False)
    col_plan = forms.CharField(label="Cột kế hoạch", max_length=100, required=False)
    col_result = forms.CharField(label="Cột kết quả", max_length=100, required=False)
    col_next = forms.CharField(label="Cột kế hoạch năm sau", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        data = (self.initial.get("data") or {}) if not self.is_bound else {}
        for key in ("plan", "result", "next"):
            if key in data:
                self.fields[f"col_{key}"].initial = data[key]
        self.fields["col_plan"].help_text = "Để trống: “Kế hoạch năm …”, như phụ lục văn bản 004."

    def briefing_rows(self) -> list[dict]:
        """The grid the page shows: the rows as typed (or stored), then empty rows to add to."""
        rows = self._posted_briefing() if self.is_bound else outlines.briefing_rows(self.initial.get("data") or {})
        blank = {"name": "", "marks": [False] * len(outlines.BRIEFING_COLUMNS)}
        shown = rows + [dict(blank) for _ in range(3)]
        return [{"index": i, "name": row["name"],
                 "marks": [{"column": c, "checked": mark} for c, mark in enumerate(row["marks"])]}
                for i, row in enumerate(shown)]

    def _posted_briefing(self) -> list[dict]:
        rows = []
        for i in range(outlines.MAX_BRIEFING_ROWS + 3):
            name = self.data.get(f"{self.prefix}-brief-{i}-name")
            if name is None:
                break
            marks = [bool(self.data.get(f"{self.prefix}-brief-{i}-{c}"))
                     for c in range(len(outlines.BRIEFING_COLUMNS))]
            rows.append({"name": nfc(name).strip()[:300], "marks": marks})
        return outlines.briefing_rows({"rows": rows})

    def clean(self):
        cleaned = super().clean()
        block = cleaned.get("block") or ""
        if cleaned.get("level") == outlines.APPENDIX and not (cleaned.get("heading") or "").strip():
            self.add_error("heading", "Nhập nhãn của phụ lục, ví dụ “PHỤ LỤC” hoặc “Phụ lục I”.")
        data: dict = {}
        if block == outlines.INDICATOR_APPENDIX:
            data = {key: cleaned[f"col_{key}"].strip() for key in ("plan", "result", "next")
                    if cleaned.get(f"col_{key}", "").strip()}
        elif block == outlines.BRIEFING:
            rows = self._posted_briefing()
            if len(rows) > outlines.MAX_BRIEFING_ROWS:
                self.add_error("block", f"Bảng quán triệt tối đa {outlines.MAX_BRIEFING_ROWS} dòng.")
            if any(not row["name"] for row in rows):
                self.add_error("block", "Bảng quán triệt: nhập tên cơ quan, địa phương cho mỗi dòng có đánh dấu X.")
            data = {"rows": rows}
        cleaned["data"] = data
        return cleaned

    def section(self) -> outlines.Section:
        data = self.cleaned_data
        return outlines.Section(heading=nfc(data["heading"]).strip(), level=data["level"], bold=data["bold"],
                                body=nfc(data["body"]).strip(), block=data.get("block") or "", data=data["data"])


class BaseSectionFormSet(forms.BaseFormSet):
    def sections(self) -> list[outlines.Section]:
        """The outline as the person left it: deleted rows out, in the order typed, ties kept as shown."""
        # A card left as it was offered (the spare one, renumbered by ↑/↓) is not a heading.
        return [section for section in (form.section() for form in self.ordered_forms)
                if section.heading or section.body or section.block or section.level == outlines.APPENDIX]


SectionFormSet = forms.formset_factory(SectionForm, formset=BaseSectionFormSet, extra=1, can_order=True,
                                       can_delete=True, max_num=200, absolute_max=250, validate_max=True)


def outline_initial(sections: list[outlines.Section]) -> list[dict]:
    return [{**section.as_dict(), "ORDER": i + 1} for i, section in enumerate(sections)]


class IssueForm(VnMessagesMixin, forms.Form):
    number = forms.IntegerField(label="Số (do văn thư cấp)", min_value=1, max_value=99999,
                                error_messages={"required": "Nhập số báo cáo do văn thư cấp."})
    notation = forms.CharField(label="Ký hiệu", max_length=50)
    issue_date = VnDateField(label="Ngày ban hành")
    signer_prefix = forms.CharField(label="Quyền hạn ký", max_length=100, required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text="Ví dụ: KT. GIÁM ĐỐC (để trống khi thủ trưởng ký).")
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=100)
    signer_name = forms.CharField(label="Họ tên người ký", max_length=100)

    def __init__(self, *args, coverage_warning: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # Issuing before every unit has sent freezes partial figures: said before, and agreed to.
        self.coverage_warning = coverage_warning
        if coverage_warning:
            self.fields["confirm_incomplete"] = forms.BooleanField(
                label="Vẫn ban hành khi kỳ báo cáo chưa đủ số liệu (báo cáo sẽ ghi số đơn vị đã gửi)",
                error_messages={"required": "Kỳ báo cáo chưa đủ số liệu: đánh dấu ô này nếu vẫn ban hành."})


class SendForm(VnMessagesMixin, forms.Form):
    """Trình ký: the moment the figures are frozen, so the incomplete period is agreed to here."""

    prefix = "trinh-ky"

    def __init__(self, *args, coverage_warning: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.coverage_warning = coverage_warning
        if coverage_warning:
            self.fields["confirm_incomplete"] = forms.BooleanField(
                label="Vẫn trình ký khi kỳ báo cáo chưa đủ số liệu (báo cáo sẽ ghi số đơn vị đã gửi)",
                error_messages={"required": "Kỳ báo cáo chưa đủ số liệu: đánh dấu ô này nếu vẫn trình ký."})


class ReasonForm(VnMessagesMixin, forms.Form):
    reason = forms.CharField(label="Lý do mở lại", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SignedForm(VnMessagesMixin, forms.Form):
    file = forms.FileField(label="Bản ký, đóng dấu (PDF)")


class TrustAnchorForm(VnMessagesMixin, forms.Form):
    name = forms.CharField(label="Tên gọi", max_length=200, required=False,
                           help_text="Để trống: lấy tên chủ thể của chứng thư.")
    file = forms.FileField(label="Tệp chứng thư (PEM hoặc DER: .pem, .crt, .cer)")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=2000)


class TrustAnchorRemoveForm(VnMessagesMixin, forms.Form):
    reason = forms.CharField(label="Lý do ngừng tin cậy", max_length=1000)
