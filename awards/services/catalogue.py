"""The catalogue and its dated tables (administrator): award types, rules, base salaries, holidays,
unit authorities and ratio caps."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from awards import catalogue, rules
from awards.models import (
    AwardEvent,
    AwardRule,
    AwardType,
    BaseSalary,
    DatedLegalBasis,
    Holiday,
    RatioCap,
    RuleKind,
    UnitAuthority,
)
from awards.services._common import _award_event
from awards.services.decisions import refresh_draft_money
from common import audit
from common.text import nfc
from units import access
from units.access import SystemActor
from units.models import Organisation, User


def _require_admin(by: User | SystemActor) -> None:
    if not access.can(by, "catalogue.manage"):
        raise PermissionDenied


@transaction.atomic
def save_award_type(*, by: User | SystemActor, instance: AwardType) -> AwardType:
    _require_admin(by)
    fields = ["code", "name", "short_name", "category", "recipient_kind", "is_yearly", "needs_council",
              "needs_disclosure", "order", "is_active", "description"]
    created = instance.pk is None
    before = None if created else audit.snapshot(AwardType.objects.get(pk=instance.pk), fields)
    instance.code = instance.code.strip().upper()
    instance.name = nfc(instance.name).strip()
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    return instance


RULE_FIELDS = ["kind", "effective_from", "effective_to", "enabled", "needs_verification", "legal_basis", "text",
               "authority", "grade", "initiative_level", "related_type", "count", "percent", "denominator",
               "coefficient"]


def _rule_problems(rule: AwardRule) -> dict[str, str]:
    """Each kind needs its own parameter."""
    needed = {RuleKind.AUTHORITY: "authority", RuleKind.APPRAISAL: "grade", RuleKind.PREREQUISITE: "related_type",
              RuleKind.BONUS: "coefficient", RuleKind.DISCLOSURE: "count", RuleKind.COUNCIL: "percent"}
    name = needed.get(rule.kind)
    # An unknown bonus is left blank until an administrator enters and confirms it (architecture.md).
    if rule.kind == RuleKind.BONUS and not rule.enabled:
        name = None
    if name and getattr(rule, name if name != "related_type" else "related_type_id") in (None, ""):
        return {name: "Loại quy định này cần giá trị này."}
    if rule.kind == RuleKind.COUNCIL and not rule.denominator:
        return {"denominator": "Chọn cách tính tỷ lệ phiếu."}
    if rule.percent is not None and not 0 < rule.percent <= 100:
        return {"percent": "Tỷ lệ phải lớn hơn 0 và không quá 100%."}
    if rule.kind in (RuleKind.PREREQUISITE, RuleKind.DISCLOSURE) and rule.count is not None and rule.count < 1:
        return {"count": "Phải từ 1 trở lên."}
    if rule.coefficient is not None and rule.coefficient <= 0:
        return {"coefficient": "Hệ số phải lớn hơn 0."}
    return {}


@transaction.atomic
def save_rule(*, by: User | SystemActor, instance: AwardRule, reason: str = "") -> AwardRule:
    _require_admin(by)
    problems = _rule_problems(instance)
    if problems:
        raise ValidationError(problems)
    created = instance.pk is None
    before = None if created else audit.snapshot(AwardRule.objects.get(pk=instance.pk), RULE_FIELDS)
    was_bonus = not created and AwardRule.objects.filter(pk=instance.pk, kind=RuleKind.BONUS).exists()
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, RULE_FIELDS), reason=reason)
    if instance.kind == RuleKind.BONUS or was_bonus:
        refresh_draft_money(by, {instance.award_type_id})
    return instance


@transaction.atomic
def confirm_bonus_rule(*, by: User | SystemActor, rule: AwardRule, coefficient, legal_basis: str) -> AwardRule:
    """The administrator confirms an unverified bonus coefficient ("chưa kiểm tra") against the
    decree: enters the figure and the article, and from then on decisions pay it. The history row
    says who confirmed it and when; draft decisions are priced again."""
    _require_admin(by)
    rule = AwardRule.objects.select_for_update().get(pk=rule.pk)
    if rule.kind != RuleKind.BONUS:
        raise ValidationError(_CONFIRM_ONLY_BONUS)
    if coefficient is None or coefficient <= 0:
        raise ValidationError({"coefficient": "Nhập hệ số (lớn hơn 0) theo nghị định."})
    if not legal_basis.strip():
        raise ValidationError({"legal_basis": "Ghi căn cứ (nghị định, điều, khoản) đã đối chiếu."})
    rule.coefficient, rule.legal_basis = coefficient, nfc(legal_basis).strip()
    rule.enabled, rule.needs_verification = True, False
    if rule.text in (catalogue.UNVERIFIED_HINT, catalogue.COLLECTIVE_HINT):
        rule.text = ""      # the shipped "chưa kiểm tra" note no longer holds
    return save_rule(by=by, instance=rule, reason="Quản trị xác nhận hệ số tiền thưởng đã đối chiếu với nghị định")


_CONFIRM_ONLY_BONUS = "Chỉ xác nhận ở đây hệ số tiền thưởng."


@transaction.atomic
def save_base_salary(*, by: User | SystemActor, instance: BaseSalary) -> BaseSalary:
    _require_admin(by)
    fields = ["amount", "effective_from", "legal_basis", "needs_verification"]
    created = instance.pk is None
    before = None if created else audit.snapshot(BaseSalary.objects.get(pk=instance.pk), fields)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    refresh_draft_money(by)
    return instance


LEGAL_BASIS_FIELDS = ["kind", "text", "order", "effective_from", "effective_to", "document", "needs_verification"]


@transaction.atomic
def save_legal_basis(*, by: User | SystemActor, instance: DatedLegalBasis) -> DatedLegalBasis:
    """A căn cứ of the dated table: from its first day every decision dated within its period
    cites it. Two laws in force on one day are refused; decrees and circulars may overlap."""
    _require_admin(by)
    instance.text = " ".join(nfc(instance.text).split())
    if instance.effective_to and instance.effective_from and instance.effective_to < instance.effective_from:
        raise ValidationError({"effective_to": rules.DATES_MESSAGE})
    # Locked so that two administrators adding laws at once cannot both pass the overlap check.
    others = list(DatedLegalBasis.objects.select_for_update().filter(kind=instance.kind, document=instance.document))
    clash = rules.overlapping_law(others, instance)
    if clash:
        until = f"{clash.effective_to:%d/%m/%Y}" if clash.effective_to else "nay"
        raise ValidationError({"effective_from": (
            f"Thời gian áp dụng trùng với \"{clash.text[:80]}\" (từ {clash.effective_from:%d/%m/%Y} đến {until}): "
            "mỗi thời điểm chỉ áp dụng một luật. Hãy nhập ngày kết thúc cho dòng cũ trước.")})
    created = instance.pk is None
    before = None if created else audit.snapshot(DatedLegalBasis.objects.get(pk=instance.pk), LEGAL_BASIS_FIELDS)
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, LEGAL_BASIS_FIELDS))
    return instance


@transaction.atomic
def save_holiday(*, by: User | SystemActor, instance: Holiday) -> Holiday:
    _require_admin(by)
    fields = ["day", "name", "needs_verification"]
    created = instance.pk is None
    before = None if created else audit.snapshot(Holiday.objects.get(pk=instance.pk), fields)
    instance.name = nfc(instance.name).strip()
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=None, action="created" if created else "changed", target=instance, before=before,
                 after=audit.snapshot(instance, fields))
    return instance


@transaction.atomic
def delete_holiday(*, by: User | SystemActor, holiday: Holiday) -> None:
    _require_admin(by)
    _award_event(by, issuer=None, action="deleted", target=holiday,
                 before=audit.snapshot(holiday, ["day", "name"]))
    holiday.delete()


@transaction.atomic
def save_unit_authority(*, by: User | SystemActor, organisation: Organisation, award_types: list[AwardType],
                        basis: str) -> UnitAuthority | None:
    """Which titles the unit's head decides for its own staff; none removes the setting."""
    _require_admin(by)
    existing = UnitAuthority.objects.filter(organisation=organisation).first()
    before = ", ".join(sorted(t.label for t in existing.award_types.all())) if existing else ""
    after = ", ".join(sorted(t.label for t in award_types))
    if not award_types:
        if existing:
            existing.delete()
        result = None
    else:
        result, _created = UnitAuthority.objects.update_or_create(organisation=organisation,
                                                                  defaults={"basis": basis.strip()})
        result.award_types.set(award_types)
    if before != after:
        _award_event(by, issuer=organisation.root, action=AwardEvent.Action.CHANGED, target=organisation,
                     target_type="thẩm quyền khen thưởng của đơn vị", changes=[
                         {"field": "award_types", "label": "Được tự quyết định", "before": before, "after": after}])
    return result


@transaction.atomic
def save_ratio_cap(*, by: User | SystemActor, instance: RatioCap) -> RatioCap:
    """An issuer's ratio cap: its secretariat keeps it."""
    access.require(by, "nomination.review", instance.issuer)
    fields = ["award_type", "base_type", "percent", "enabled", "legal_basis"]
    created = instance.pk is None
    before = None if created else audit.snapshot(RatioCap.objects.get(pk=instance.pk), fields)
    if instance.award_type_id == instance.base_type_id:
        raise ValidationError({"base_type": "Chọn một danh hiệu khác làm cơ sở tính tỷ lệ."})
    instance.full_clean()
    instance.save()
    _award_event(by, issuer=instance.issuer, action="created" if created else "changed", target=instance,
                 before=before, after=audit.snapshot(instance, fields))
    return instance
