from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from common import clock, xlsx
from common.forms import FilterFormMixin, VnDateField, VnMessagesMixin
from units import access, rules
from units.models import Bloc, BlocMember, EmploymentType, Organisation, OrganisationKind, Person, Role, User
from units.selectors import organisation_choices


def set_organisation_choices(field: forms.ModelChoiceField, queryset, *, blank: str = "---------") -> None:
    """Keep the queryset for validation; show the choices as an indented tree."""
    field.queryset = queryset
    choices = organisation_choices(queryset)
    field.choices = ([("", blank)] if not field.required or blank else []) + choices


class OrganisationForm(VnMessagesMixin, forms.ModelForm):
    active_from = VnDateField(label="Hoạt động từ ngày", required=False)

    class Meta:
        model = Organisation
        fields = [
            "name", "code", "kind", "parent", "has_legal_personality", "document_parent_line",
            "document_name_line", "place_name", "email", "phone", "address", "active_from",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        manageable = access.organisations_for(user, "organisation.manage").filter(closed_on__isnull=True)
        if self.instance.pk:
            manageable = manageable.exclude(path__startswith=self.instance.path)
        set_organisation_choices(self.fields["parent"], manageable)
        self.fields["parent"].required = not access.is_admin(user)
        if self.instance.pk and self.instance.parent_id is None:
            self.fields.pop("parent")


class CloseOrganisationForm(VnMessagesMixin, forms.Form):
    closed_on = VnDateField(label="Ngừng hoạt động từ ngày")
    successor = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False,
                                       label="Đơn vị kế thừa")
    note = forms.CharField(label="Ghi chú (văn bản sáp nhập, giải thể…)", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    include_subtree = forms.BooleanField(label="Đóng cả các đơn vị trực thuộc", required=False, initial=True)
    move_people = forms.BooleanField(
        label="Chuyển các cá nhân đang công tác sang đơn vị kế thừa", required=False, initial=True,
        help_text="Quá trình công tác của từng người ghi ngày chuyển là ngày ngừng hoạt động.",
    )

    def __init__(self, *args, user, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = access.visible_organisations(user).filter(closed_on__isnull=True).exclude(
            path__startswith=organisation.path
        )
        set_organisation_choices(self.fields["successor"], candidates, blank="(không có)")


class PersonForm(VnMessagesMixin, forms.ModelForm):
    birth_date = VnDateField(label="Ngày sinh", required=False)
    transfer_date = VnDateField(label="Ngày chuyển đơn vị", required=False,
                                help_text="Chỉ dùng khi đổi đơn vị công tác; mặc định là hôm nay.")

    class Meta:
        model = Person
        fields = [
            "full_name", "employee_code", "birth_date", "gender", "organisation", "position",
            "employment_type", "is_direct_worker", "leadership", "email", "phone", "is_active",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = access.organisations_for(user, "person.manage").filter(closed_on__isnull=True)
        if self.instance.pk:
            orgs = orgs.filter(root_id=self.instance.issuer_id)
        set_organisation_choices(self.fields["organisation"], orgs)
        if not self.instance.pk:
            self.fields.pop("transfer_date")
            self.fields.pop("is_active")

    def clean_birth_date(self):
        day = self.cleaned_data.get("birth_date")
        problem = rules.birth_date_problem(day, clock.today())
        if problem:
            raise forms.ValidationError(problem)
        return day


class BlocForm(VnMessagesMixin, forms.ModelForm):
    class Meta:
        model = Bloc
        fields = ["name", "organiser", "organiser_text", "description", "is_active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        set_organisation_choices(
            self.fields["organiser"], access.organisations_for(user, "bloc.manage").filter(closed_on__isnull=True),
            blank="(ngoài hệ thống – ghi ở ô dưới)",
        )
        self.fields["organiser"].required = not access.is_admin(user)

    def clean(self):
        data = super().clean()
        if not data.get("organiser") and not data.get("organiser_text"):
            self.add_error("organiser_text", "Chọn cơ quan tổ chức khối hoặc ghi tên cơ quan.")
        return data


class BlocMemberForm(VnMessagesMixin, forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Đơn vị")
    role = forms.ChoiceField(choices=BlocMember.Role.choices, label="Vai trò trong khối")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        set_organisation_choices(
            self.fields["organisation"], access.visible_organisations(user).filter(closed_on__isnull=True)
        )


class AccountCreateForm(VnMessagesMixin, forms.Form):
    username = forms.RegexField(
        label="Tên đăng nhập", max_length=150, regex=r"^[A-Za-z0-9_.@+-]+$",
        error_messages={"invalid": "Chỉ dùng chữ không dấu, số và các ký tự . _ - @ +"},
    )
    full_name = forms.CharField(label="Họ và tên", max_length=200)
    email = forms.EmailField(label="Thư điện tử", required=False)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Đơn vị")
    role = forms.ChoiceField(label="Vai trò", choices=())
    employee_code = forms.CharField(
        label="Mã cán bộ (để gắn với hồ sơ cá nhân)", required=False, max_length=30,
        help_text="Không bắt buộc. Mã cán bộ của người này trong cơ quan.",
    )
    password = forms.CharField(
        label="Mật khẩu ban đầu", required=False, widget=forms.PasswordInput(render_value=True),
        help_text="Để trống: hệ thống tạo mật khẩu tạm và hiển thị một lần. Người dùng phải đổi khi đăng nhập.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        set_organisation_choices(
            self.fields["organisation"],
            access.organisations_for(user, "account.manage").filter(closed_on__isnull=True),
        )
        grantable = set()
        for membership in access.memberships(user):
            grantable |= access.GRANTABLE.get(membership.role, frozenset())
        if access.is_admin(user):
            grantable = set(Role.values)
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in grantable]

    def clean_password(self):
        password = self.cleaned_data.get("password")
        if password:
            # The account being made, so that its own name is refused as a password too.
            candidate = User(username=self.data.get("username", ""), full_name=self.data.get("full_name", ""))
            password_validation.validate_password(password, candidate)
        return password

    def clean(self):
        data = super().clean()
        org, role = data.get("organisation"), data.get("role")
        if org and role and role not in access.grantable_roles(self.user, org):
            self.add_error("role", "Bạn không được cấp vai trò này tại đơn vị đã chọn.")
        code = (data.get("employee_code") or "").strip()
        data["person"] = None
        if org and code:
            person = Person.objects.filter(issuer_id=org.root_id, employee_code__iexact=code).first()
            if person is None:
                self.add_error("employee_code", "Không tìm thấy cá nhân có mã này trong cơ quan.")
            elif person.user_id:
                self.add_error("employee_code", "Cá nhân này đã có tài khoản.")
            else:
                data["person"] = person
        return data


class GrantRoleForm(VnMessagesMixin, forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Đơn vị")
    role = forms.ChoiceField(label="Vai trò", choices=())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        set_organisation_choices(
            self.fields["organisation"],
            access.organisations_for(user, "account.manage").filter(closed_on__isnull=True),
        )
        grantable = set(Role.values) if access.is_admin(user) else set().union(
            *[access.GRANTABLE.get(m.role, frozenset()) for m in access.memberships(user)]
        )
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in grantable]

    def clean(self):
        data = super().clean()
        org, role = data.get("organisation"), data.get("role")
        if org and role and role not in access.grantable_roles(self.user, org):
            self.add_error("role", "Bạn không được cấp vai trò này tại đơn vị đã chọn.")
        return data


class ImportForm(VnMessagesMixin, forms.Form):
    root = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Nhập vào cơ quan")
    file = forms.FileField(label="Tệp Excel (.xlsx)")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        manageable = access.organisations_for(user, "organisation.manage")
        roots = Organisation.objects.filter(pk__in=manageable.values("root_id"), closed_on__isnull=True)
        set_organisation_choices(self.fields["root"], roots)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Chỉ nhận tệp .xlsx (Excel 2007 trở lên).")
        xlsx.check_upload(upload)
        return upload


class OrganisationFilterForm(VnMessagesMixin, FilterFormMixin, forms.Form):
    q = forms.CharField(label="Tìm đơn vị", required=False)
    kind = forms.ChoiceField(label="Loại", required=False,
                             choices=[("", "Tất cả loại")] + list(OrganisationKind.choices))
    status = forms.ChoiceField(label="Trạng thái", required=False, initial="active", choices=[
        ("active", "Đang hoạt động"), ("closed", "Đã ngừng hoạt động"), ("all", "Tất cả")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class PersonFilterForm(VnMessagesMixin, FilterFormMixin, forms.Form):
    q = forms.CharField(label="Tìm cá nhân", required=False)
    employment_type = forms.ChoiceField(label="Loại cán bộ", required=False,
                                        choices=[("", "Tất cả")] + list(EmploymentType.choices))
    direct = forms.ChoiceField(label="Trực tiếp", required=False, choices=[
        ("", "Tất cả"), ("yes", "Trực tiếp lao động"), ("no", "Gián tiếp")])
    status = forms.ChoiceField(label="Trạng thái", required=False, choices=[
        ("active", "Đang công tác"), ("inactive", "Đã nghỉ, chuyển đi"), ("all", "Tất cả")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_fields()


class LoginLimitsMixin:
    """Explains an attempt that units.login_limits refused before checking the password (the
    backend leaves the refusal on the request). Used by our login page and the Django admin's."""

    limit_messages = {
        "account": "Đăng nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)s phút, hoặc liên hệ Thường trực "
                   "để đặt lại mật khẩu.",
        "address": "Có nhiều lần đăng nhập sai từ mạng của bạn. Hãy chờ %(seconds)s giây rồi thử lại.",
    }

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            refusal = getattr(self.request, "login_refusal", None)
            if refusal is None:
                raise
            raise forms.ValidationError(self.limit_messages[refusal.reason], code="throttled",
                                        params={"minutes": refusal.minutes, "seconds": refusal.seconds}) from None


class LoginForm(LoginLimitsMixin, AuthenticationForm):
    """Login with Vietnamese messages; repeated failures pause the account (units.login_limits)."""

    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý mật khẩu phân biệt chữ hoa, chữ thường.",
        "inactive": "Tài khoản này đã bị khóa. Liên hệ Thường trực Hội đồng Thi đua – Khen thưởng để mở lại.",
    }


class AdminLoginForm(LoginLimitsMixin, AdminAuthenticationForm):
    """The Django admin's login, under the same limits as ours (the backend applies them)."""


class OwnPasswordForm(PasswordChangeForm):
    """The user's own password: the new one must differ from the current (often temporary) one."""

    def validate_password_for_user(self, user, password_field_name="new_password2"):
        # The rules are about the new password: their messages go beside it, not beside its repetition.
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)

    def clean(self):
        data = super().clean()
        password = data.get("new_password1")
        if password and not self.has_error("new_password2") and self.user.check_password(password):
            self.add_error("new_password2", forms.ValidationError(
                "Mật khẩu mới phải khác mật khẩu đang dùng.", code="password_unchanged"))
        return data
