"""The bonus coefficients issue 19 adds to award types that already exist (matched by code):
Giấy khen to an individual, 0,3 × base salary from 01/07/2025 (NĐ 152/2025 Art. 54(1), verified in
domain.md §3.2); the unverified ones — collective Giấy khen, collective Bằng khen of the province,
the province's Cờ thi đua — as disabled rows without a coefficient ("chưa kiểm tra"), for the
administrator to fill in and confirm. A type that already has a bonus rule keeps it: those rows
are the administrator's. A fresh database gets the same rows from awards.catalogue.ensure().
The values are copied here, not imported, so the migration stays as it was written."""

from datetime import date
from decimal import Decimal

from django.db import migrations

FROM = date(2025, 7, 1)
ND152 = "Nghị định 152/2025/NĐ-CP"
VERIFIED = {code: Decimal("0.3") for code in ("GK_DV_CN", "GK_XA_CN", "GK_SYT_CN")}
UNVERIFIED_HINT = "Hệ số chưa kiểm tra: quản trị nhập hệ số theo nghị định rồi xác nhận."
COLLECTIVE_HINT = ("Hệ số chưa kiểm tra (quy định cũ: tập thể gấp đôi mức của cá nhân): quản trị nhập hệ số theo "
                   "nghị định rồi xác nhận.")
UNVERIFIED = {"GK_DV_TT": COLLECTIVE_HINT, "GK_SYT_TT": COLLECTIVE_HINT, "BK_TINH_TT": COLLECTIVE_HINT,
              "CO_TINH": UNVERIFIED_HINT}
ADDED_TEXTS = {UNVERIFIED_HINT, COLLECTIVE_HINT, ""}


def fill(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    AwardRule = apps.get_model("awards", "AwardRule")
    types = {t.code: t for t in AwardType.objects.filter(code__in=[*VERIFIED, *UNVERIFIED])}
    having = set(AwardRule.objects.filter(kind="bonus", award_type__in=types.values())
                 .values_list("award_type__code", flat=True))
    for code, award in types.items():
        if code in having:
            continue
        if code in VERIFIED:
            AwardRule.objects.create(award_type=award, kind="bonus", effective_from=FROM, enabled=True,
                                     needs_verification=False, legal_basis=f"{ND152}, Điều 54 khoản 1",
                                     coefficient=VERIFIED[code])
        else:
            AwardRule.objects.create(award_type=award, kind="bonus", effective_from=FROM, enabled=False,
                                     needs_verification=True, legal_basis=ND152, text=UNVERIFIED[code])


def unfill(apps, schema_editor):
    AwardRule = apps.get_model("awards", "AwardRule")
    # Only the rows this migration wrote and nobody changed since.
    AwardRule.objects.filter(kind="bonus", award_type__code__in=list(VERIFIED), effective_from=FROM, enabled=True,
                             coefficient=Decimal("0.3"), legal_basis=f"{ND152}, Điều 54 khoản 1").delete()
    AwardRule.objects.filter(kind="bonus", award_type__code__in=list(UNVERIFIED), effective_from=FROM, enabled=False,
                             coefficient__isnull=True, text__in=ADDED_TEXTS).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0007_fund_allocation")]

    operations = [migrations.RunPython(fill, unfill)]
