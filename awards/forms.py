from typing import TYPE_CHECKING

from django import forms

from awards import rules
from awards.models import (
    Appraisal,
    AwardMode,
    AwardRule,
    AwardType,
    BaseSalary,
    CouncilMember,
    DatedLegalBasis,
    Hold,
    Holiday,
    Initiative,
    Nomination,
    Proposal,
    ProposalFile,
    RatioCap,
    RegisterEntry,
    SessionMember,
)
from awards.rules import DATES_MESSAGE
from common import plausible, xlsx
from common.forms import VnDateField, VnMessagesMixin, parse_id
from units.models import Organisation, Person
from units.selectors import organisation_choices

if TYPE_CHECKING:
    from awards.services import AbsenceInput

YEAR_ERRORS = {"min_value": "Năm không hợp lệ.", "max_value": "Năm không hợp lệ.", "invalid": "Nhập năm, ví dụ 2026."}


def _people_choices(people) -> list[tuple[str, str]]:
    return [("", "—")] + [(p.pk, f"{p.full_name} – {p.organisation.name}") for p in people]


class ProposalForm(VnMessagesMixin, forms.Form):
    subcampaign = forms.ModelChoiceField(queryset=None, required=False, label="Nội dung thi đua",
                                         empty_label="(cả phong trào)")
    organisation = forms.ModelChoiceField(queryset=None, label="Đơn vị đề nghị")
    title = forms.CharField(label="Trích yếu", max_length=500,
                            help_text="Ví dụ: Tờ trình đề nghị tặng Giấy khen của Giám đốc Sở Y tế năm 2026.")
    year = forms.IntegerField(label="Năm thành tích", min_value=1990, max_value=2100, error_messages=YEAR_ERRORS)
    number_text = forms.CharField(label="Số tờ trình (nếu đã có)", max_length=50, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, campaign, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        from campaigns import selectors as campaign_selectors

        self.fields["subcampaign"].queryset = campaign.subcampaigns.filter(parent__isnull=True)
        self.fields["subcampaign"].choices = [("", "(cả phong trào)")] + [
            (node.item.pk, f"{node.item.number} {node.item.title}"[:150])
            for node in campaign_selectors.subcampaign_tree(campaign)]
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].choices = organisation_choices(organisations)


class UnitProposalForm(VnMessagesMixin, forms.Form):
    campaign = forms.ModelChoiceField(queryset=None, label="Phong trào thi đua thường xuyên")
    organisation = forms.ModelChoiceField(queryset=None, label="Đơn vị")
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100, error_messages=YEAR_ERRORS)

    def __init__(self, *args, campaigns, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns.order_by("-year", "title")
        # Usually one regular campaign a year: offer the latest, no empty choice to trip over.
        self.fields["campaign"].empty_label = None
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].choices = organisation_choices(organisations)


class NominationForm(VnMessagesMixin, forms.Form):
    award_type = forms.ModelChoiceField(queryset=AwardType.objects.filter(is_active=True),
                                        label="Danh hiệu, hình thức khen thưởng")
    person = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, label="Cá nhân")
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False, label="Hoặc tập thể")
    programme = forms.ModelChoiceField(queryset=None, required=False, label="Chương trình")
    achievement_year = forms.IntegerField(label="Năm thành tích", min_value=1990, max_value=2100,
                                          error_messages=YEAR_ERRORS)
    mode = forms.ChoiceField(label="Hình thức khen thưởng (dùng cho báo cáo thống kê)", choices=AwardMode.choices,
                             help_text="Theo biểu thống kê khen thưởng: thường xuyên, chuyên đề, đột xuất, "
                                       "đối ngoại, quá trình cống hiến, niên hạn, kháng chiến.")
    summary = forms.CharField(label="Tóm tắt thành tích", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              max_length=5000)

    def __init__(self, *args, proposal: Proposal, people, organisations, award_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].initial = rules.default_mode(proposal.campaign.form)
        if award_types is not None:
            self.fields["award_type"].queryset = AwardType.objects.filter(pk__in=[t.pk for t in award_types])
        self.fields["person"].queryset = people
        self.fields["person"].choices = _people_choices(people)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].choices = [("", "—")] + list(organisation_choices(organisations))
        item = proposal.subcampaign
        if item is not None and item.quota_per_programme:
            self.fields["programme"].queryset = item.children.all()
            self.fields["programme"].required = True
        else:
            del self.fields["programme"]

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("organisation")):
            self.add_error("person", "Chọn một cá nhân hoặc một tập thể (không chọn cả hai).")
        return data


class ProposalFileForm(VnMessagesMixin, forms.Form):
    kind = forms.ChoiceField(choices=ProposalFile.Kind.choices, label="Loại tệp",
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    file = forms.FileField(label="Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 10 MB)")


class FileForm(VnMessagesMixin, forms.Form):
    file = forms.FileField(label="Báo cáo thành tích (PDF, DOCX, JPG, PNG; tối đa 10 MB)")


class MoveForm(VnMessagesMixin, forms.Form):
    target = forms.ChoiceField(choices=Nomination.State.choices)
    reason = forms.CharField(label="Lý do", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(VnMessagesMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx) đã điền")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        xlsx.check_upload(upload)
        return upload


class DisclosureForm(VnMessagesMixin, forms.Form):
    title = forms.CharField(label="Nội dung công khai", max_length=500)
    starts_on = VnDateField(label="Ngày bắt đầu")
    working_days = forms.IntegerField(label="Số ngày làm việc", min_value=1, max_value=60, initial=10)
    published_at = forms.CharField(label="Nơi công khai", max_length=500,
                                   help_text="Cổng thông tin điện tử, báo, bảng tin của cơ quan…")


class SessionForm(VnMessagesMixin, forms.Form):
    title = forms.CharField(label="Nội dung phiên họp", max_length=500)
    held_on = VnDateField(label="Ngày họp")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    chair = forms.ModelChoiceField(queryset=Person.objects.none(), label="Chủ tịch Hội đồng")
    secretary = forms.ModelChoiceField(queryset=Person.objects.none(), label="Thư ký")
    members = forms.ModelMultipleChoiceField(queryset=Person.objects.none(), label="Các thành viên khác",
                                             widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("chair", "secretary", "members"):
            self.fields[name].queryset = people
        self.fields["chair"].choices = _people_choices(people)
        self.fields["secretary"].choices = _people_choices(people)

    def clean(self):
        data = super().clean()
        if data.get("chair") and data.get("chair") == data.get("secretary"):
            self.add_error("secretary", "Thư ký phải là người khác Chủ tịch Hội đồng.")
        return data


class TallyForm(VnMessagesMixin, forms.Form):
    yes = forms.IntegerField(label="Đồng ý", min_value=0, required=False)
    no = forms.IntegerField(label="Không đồng ý", min_value=0, required=False)
    abstain = forms.IntegerField(label="Không biểu quyết", min_value=0, required=False)
    outcome = forms.ChoiceField(label="Kết quả (khi thư ký ghi)", required=False,
                                choices=[("", "—"), ("approved", "Đề nghị khen thưởng"),
                                         ("not_approved", "Không đề nghị")])
    reason = forms.CharField(label="Lý do (khi không đề nghị)", required=False, max_length=2000)
    override_reason = forms.CharField(label="Lý do để thành viên liên quan vẫn bỏ phiếu", required=False,
                                      max_length=500)


class DecisionForm(VnMessagesMixin, forms.Form):
    title = forms.CharField(label="Trích yếu", max_length=500,
                            initial="Về việc tặng danh hiệu, hình thức khen thưởng")


class IssueForm(VnMessagesMixin, forms.Form):
    number = forms.IntegerField(label="Số (do văn thư cấp)", min_value=1, max_value=99999,
                                error_messages={"invalid": "Nhập số, ví dụ 125.", "required": "Nhập số quyết định."})
    notation = forms.CharField(label="Ký hiệu", max_length=50, initial="QĐ-SYT")
    issue_date = VnDateField(label="Ngày ký")
    signer_prefix = forms.CharField(label="Quyền hạn ký", max_length=50, required=False,
                                    help_text="Ví dụ: KT. GIÁM ĐỐC (để trống khi Giám đốc ký).")
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=100)
    signer_name = forms.CharField(label="Họ tên người ký", max_length=100)
    file = forms.FileField(label="Bản ký, đóng dấu (PDF, nếu đã có)", required=False)

    def ask_file_again(self, upload) -> None:
        """A page shown again after an error cannot keep a chosen file (browsers forbid it): say
        which one to choose again, beside the field; everything else typed is kept by the form."""
        if upload is not None:
            self.add_error("file", f"Chọn lại tệp {upload.name} (trình duyệt không giữ tệp đã chọn khi trang báo "
                                   "lỗi).")


class ReasonForm(VnMessagesMixin, forms.Form):
    reason = forms.CharField(label="Lý do", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(VnMessagesMixin, forms.Form):
    """A reason the service itself requires (its message says why when it is missing)."""
    reason = forms.CharField(label="Lý do", required=False, strip=False)

    def text(self) -> str:
        return self.cleaned_data["reason"] if self.is_valid() else ""


class CommentsForm(VnMessagesMixin, forms.Form):
    # Longer is refused beside the field and kept in it, never cut.
    comments = forms.CharField(label="Ý kiến nhận được", required=False, max_length=20_000)


class HigherDecisionForm(VnMessagesMixin, forms.Form):
    """The higher level's decision on a forwarded nomination (the service asks for the number and
    the body, so its message names both)."""
    issuer_name = forms.CharField(label="Cơ quan quyết định", required=False, max_length=255)
    reference = forms.CharField(label="Số, ký hiệu", required=False, max_length=100)
    decided_on = VnDateField(label="Ngày quyết định")
    file = forms.FileField(label="Bản quyết định (nếu có)", required=False)


class UnitBulkAddForm(VnMessagesMixin, forms.Form):
    """Many of the unit's staff for one title at once."""
    award_type = forms.ModelChoiceField(queryset=AwardType.objects.all())
    person = forms.ModelMultipleChoiceField(queryset=Person.objects.none())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class AttendanceForm(forms.Form):
    """One roll-call answer per member (`member-<pk>`), and for an absent member the reason
    (`reason-<pk>`) and the substitute who sat in (`substitute-<pk>`, a person id)."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for member in self.members:
            self.fields[f"member-{member.pk}"] = forms.ChoiceField(
                choices=SessionMember.Attendance.choices, required=False)
            self.fields[f"reason-{member.pk}"] = forms.CharField(max_length=500, required=False)
            self.fields[f"substitute-{member.pk}"] = forms.CharField(required=False)

    def attendance(self) -> dict[int, str]:
        """The answers given; a member left blank (or sent an answer not in the list) is not recorded."""
        self.is_valid()
        return {int(name.removeprefix("member-")): value for name, value in self.cleaned_data.items()
                if name.startswith("member-") and value}

    def absences(self, people: dict[int, Person]) -> dict[int, "AbsenceInput"]:
        """member id → reason and substitute, for the members whose row was on the page (its
        reason field sent). A substitute id not among `people` (that member's unit) is refused."""
        from awards.services import AbsenceInput

        self.is_valid()
        found = {}
        for member in self.members:
            if f"reason-{member.pk}" not in self.data:
                continue
            raw = self.cleaned_data.get(f"substitute-{member.pk}") or ""
            pk = parse_id(raw)
            if raw and pk not in people:
                raise forms.ValidationError("Người dự thay không thuộc đơn vị của thành viên vắng.")
            found[member.pk] = AbsenceInput(reason=self.cleaned_data.get(f"reason-{member.pk}") or "",
                                            substitute=people.get(pk) if pk else None)
        return found


class CouncilTermForm(VnMessagesMixin, forms.Form):
    """A new term of the issuer's Hội đồng Thi đua – Khen thưởng."""

    name = forms.CharField(label="Nhiệm kỳ", max_length=100, help_text="Ví dụ: 2026–2030.")
    starts_on = VnDateField(label="Từ ngày")
    ends_on = VnDateField(label="Đến ngày")
    decision = forms.CharField(label="Quyết định thành lập, kiện toàn Hội đồng", max_length=500, help_text=(
        "Như in trên văn bản, ví dụ: Quyết định số 15/QĐ-SYT ngày 05/01/2026 của Giám đốc Sở Y tế."))
    quorum_percent = forms.DecimalField(
        label="Số thành viên tối thiểu dự họp (%)", required=False, min_value=1, max_value=100, max_digits=5,
        localize=True, decimal_places=2,
        help_text=("Theo quy chế hoạt động của Hội đồng, ví dụ 66,67 (2/3). Để trống nếu quy chế không quy định: khi "
                   "đó không kiểm tra số thành viên dự họp."))
    quorum_basis = forms.CharField(label="Căn cứ (điều, khoản của quy chế hoạt động)", max_length=500, required=False)


class CouncilMemberForm(VnMessagesMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="Thành viên")
    role = forms.ChoiceField(label="Chức danh trong Hội đồng", choices=CouncilMember.Role.choices,
                             initial=CouncilMember.Role.MEMBER)
    position = forms.CharField(label="Chức vụ, đơn vị công tác", max_length=255, required=False,
                               help_text="Như ghi trong quyết định, ví dụ: Phó Giám đốc Sở.")
    joined_on = VnDateField(label="Tham gia từ ngày", required=False,
                            help_text="Để trống: từ đầu nhiệm kỳ, hoặc từ hôm nay nếu nhiệm kỳ đã bắt đầu.")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].choices = _people_choices(people)


class MemberRoleForm(VnMessagesMixin, forms.Form):
    role = forms.ChoiceField(label="Chức danh trong Hội đồng", choices=CouncilMember.Role.choices)


class EndMembershipForm(VnMessagesMixin, forms.Form):
    left_on = VnDateField(label="Thôi tham gia từ ngày")
    reason = forms.CharField(label="Lý do", max_length=500)


class AppraisalForm(forms.Form):
    """A year's grading typed on the register page (a second one for the year replaces the first)."""
    year = forms.CharField(required=False)
    grade = forms.CharField(required=False)

    def clean_year(self) -> int:
        try:
            year = parse_id(plausible.ascii_digits(self.cleaned_data["year"] or ""))
        except plausible.NonAsciiDigit as exc:
            raise forms.ValidationError(plausible.DIGITS_MESSAGE) from exc
        if year is None or not 1990 <= year <= 2100:
            raise forms.ValidationError("Ghi năm xếp loại, ví dụ 2026.")
        return year

    def record(self, *, person, organisation, by) -> Appraisal:
        owner = {"person": person, "organisation": None if person else organisation, "year": self.cleaned_data["year"]}
        record = Appraisal.objects.filter(**owner).first() or Appraisal(**owner)
        record.grade, record.recorded_by = self.cleaned_data["grade"], by
        return record


class HoldForm(VnMessagesMixin, forms.Form):
    """A period when awards wait (discipline, inspection…)."""
    kind = forms.CharField(required=False)
    starts_on = VnDateField()
    ends_on = VnDateField(required=False)
    note = forms.CharField(label="Ghi chú", required=False, max_length=Hold._meta.get_field("note").max_length)

    def record(self, *, person, organisation, by) -> Hold:
        data = self.cleaned_data
        return Hold(person=person, organisation=None if person else organisation, kind=data["kind"],
                    starts_on=data["starts_on"], ends_on=data["ends_on"], note=data["note"])


class InitiativeForm(VnMessagesMixin, forms.Form):
    """A person's recognised initiative (its author is added once it is saved). Text over the
    model's limits is refused, never cut."""
    title = forms.CharField(label="Tên sáng kiến, đề tài", required=False,
                            max_length=Initiative._meta.get_field("title").max_length)
    level = forms.CharField(required=False)
    recognised_on = VnDateField()
    recognised_by = forms.CharField(label="Quyết định công nhận", required=False,
                                    max_length=Initiative._meta.get_field("recognised_by").max_length)

    def record(self, *, person, organisation, by) -> Initiative:
        data = self.cleaned_data
        return Initiative(title=data["title"], organisation=organisation, level=data["level"],
                          recognised_on=data["recognised_on"], recognised_by=data["recognised_by"])


RECORD_FORMS = {"appraisal": AppraisalForm, "hold": HoldForm, "initiative": InitiativeForm}


class RegisterEntryForm(VnMessagesMixin, forms.ModelForm):
    decided_on = VnDateField(label="Ngày quyết định")

    class Meta:
        model = RegisterEntry
        fields = ["person", "organisation", "award_type", "achievement_year", "mode", "issuer_name", "reference",
                  "decided_on", "source", "note"]

    def __init__(self, *args, people, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].choices = _people_choices(people)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].choices = [("", "—")] + list(organisation_choices(organisations))
        self.fields["file"] = forms.FileField(label="Bản quyết định (nếu có)", required=False)
        # Only an imported electronic dossier writes that source: typed by hand, it would not be true.
        self.fields["source"].choices = [choice for choice in self.fields["source"].choices
                                         if choice[0] != RegisterEntry.Source.PACKAGE]

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("organisation")):
            self.add_error("person", "Chọn một cá nhân hoặc một tập thể.")
        return data


class AwardTypeForm(VnMessagesMixin, forms.ModelForm):
    class Meta:
        model = AwardType
        fields = ["code", "name", "short_name", "category", "recipient_kind", "is_yearly", "needs_council",
                  "needs_disclosure", "order", "is_active", "statistics_column", "description"]


class AwardRuleForm(VnMessagesMixin, forms.ModelForm):
    effective_from = VnDateField(label="Hiệu lực từ ngày")
    effective_to = VnDateField(label="Đến ngày", required=False)

    class Meta:
        model = AwardRule
        fields = ["kind", "effective_from", "effective_to", "enabled", "needs_verification", "legal_basis", "text",
                  "authority", "grade", "initiative_level", "related_type", "count", "percent", "denominator",
                  "coefficient"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class BaseSalaryForm(VnMessagesMixin, forms.ModelForm):
    effective_from = VnDateField(label="Áp dụng từ ngày")

    class Meta:
        model = BaseSalary
        fields = ["amount", "effective_from", "legal_basis", "needs_verification"]


class DatedLegalBasisForm(VnMessagesMixin, forms.ModelForm):
    effective_from = VnDateField(label="Áp dụng từ ngày")
    effective_to = VnDateField(label="Đến ngày", required=False, help_text="Để trống nếu còn hiệu lực.")

    class Meta:
        model = DatedLegalBasis
        fields = ["kind", "text", "order", "effective_from", "effective_to", "document", "needs_verification"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self):
        # "Căn cứ" is printed by the decision: typed in, it would read "Căn cứ Căn cứ Luật …".
        text = " ".join(self.cleaned_data["text"].split())
        if text.lower().startswith("căn cứ "):
            text = text[len("căn cứ "):].strip()
        return text.rstrip(";.").strip()

    def clean(self):
        data = super().clean()
        start, end = data.get("effective_from"), data.get("effective_to")
        if start and end and end < start:
            self.add_error("effective_to", DATES_MESSAGE)
        return data


class HolidayForm(VnMessagesMixin, forms.ModelForm):
    day = VnDateField(label="Ngày nghỉ")

    class Meta:
        model = Holiday
        fields = ["day", "name", "needs_verification"]


class UnitAuthorityForm(VnMessagesMixin, forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), label="Đơn vị")
    award_types = forms.ModelMultipleChoiceField(queryset=AwardType.objects.filter(is_active=True), required=False,
                                                 widget=forms.CheckboxSelectMultiple,
                                                 label="Thủ trưởng đơn vị được tự quyết định")
    basis = forms.CharField(label="Căn cứ (phân cấp, ủy quyền)", max_length=500, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].choices = organisation_choices(organisations)


class RatioCapForm(VnMessagesMixin, forms.ModelForm):
    class Meta:
        model = RatioCap
        fields = ["award_type", "base_type", "percent", "enabled", "legal_basis"]


class RescheduleForm(VnMessagesMixin, forms.Form):
    held_on = VnDateField(label="Ngày họp mới")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    reason = forms.CharField(label="Lý do đổi lịch", max_length=2000)


class FundAllocationForm(VnMessagesMixin, forms.Form):
    """Money put into the reward fund (the secretariat)."""

    received_on = VnDateField(label="Ngày ghi nhận")
    amount = forms.DecimalField(label="Số tiền (đồng)", max_digits=16, decimal_places=0,
                                help_text="Ví dụ 50.000.000. Số âm để điều chỉnh giảm một khoản đã ghi (ghi lý do).")
    source = forms.CharField(label="Nguồn", max_length=255,
                             help_text="Ví dụ: Ngân sách cấp theo dự toán năm; trích từ nguồn thu sự nghiệp.")
    note = forms.CharField(label="Ghi chú, lý do điều chỉnh", max_length=500, required=False)


class BonusConfirmForm(VnMessagesMixin, forms.Form):
    """The administrator confirms a bonus coefficient against the decree."""

    coefficient = forms.DecimalField(label="Hệ số (× mức lương cơ sở)", max_digits=6, decimal_places=2)
    legal_basis = forms.CharField(label="Căn cứ đã đối chiếu (nghị định, điều, khoản)", max_length=500)
