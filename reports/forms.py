from django import forms

from common.forms import VnDateField, VnMessagesMixin
from reports.models import Report

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

    class Meta:
        model = Report
        fields = ["title", "recipient_line", "lead_in", "implementation", "results_text", "awards_text", "strengths",
                  "weaknesses", "tasks", "proposals", "closing", "recipients", "notation", "signer_prefix",
                  "signer_title", "signer_name"]
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in [
            "lead_in", "implementation", "results_text", "awards_text", "strengths", "weaknesses", "tasks",
            "proposals", "closing", "recipients"]}
        help_texts = {
            "results_text": "Bảng chỉ tiêu và câu tóm tắt số liệu do hệ thống tự điền theo số liệu mới nhất.",
            "awards_text": "Bảng số lượng khen thưởng do hệ thống tự điền.",
            "lead_in": "Mỗi dòng một đoạn; *chữ* để in nghiêng.",
        }


class IssueForm(VnMessagesMixin, forms.Form):
    number = forms.IntegerField(label="Số (do văn thư cấp)", min_value=1, max_value=99999,
                                error_messages={"required": "Nhập số báo cáo do văn thư cấp."})
    notation = forms.CharField(label="Ký hiệu", max_length=50)
    issue_date = VnDateField(label="Ngày ban hành")
    signer_prefix = forms.CharField(label="Quyền hạn ký", max_length=100, required=False,
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
