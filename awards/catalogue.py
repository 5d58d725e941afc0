"""The award catalogue and the base-salary table as domain.md §2.9 and §3.2–§3.5 give them.

Rules domain.md marks [unverified] ship disabled (the screens show "chưa kiểm tra" and a person
decides); the base salaries are recalled values and carry "cần xác minh" until an administrator
confirms them.

`ensure()` runs after every migrate (and after a test flush): it adds what is missing and never
touches what an administrator has changed — a type that exists keeps its rules.
"""

from datetime import date
from decimal import Decimal

NEW_DECREE = date(2025, 7, 1)      # NĐ 152/2025/NĐ-CP in force
LAW_2022 = date(2024, 1, 1)        # Luật Thi đua, khen thưởng 2022 and NĐ 98/2023 in force
ND152 = "Nghị định 152/2025/NĐ-CP"
LAW = "Luật Thi đua, khen thưởng 2022, Điều 80"

# code, name, short, category, recipient, yearly, council, disclosure, order
TYPES = [
    ("LDTT", "Lao động tiên tiến", "LĐTT", "title", "individual", True, False, False, 10),
    # Its dossier carries the minutes of the council that considered it (domain.md §3.6).
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "title", "individual", True, True, False, 20),
    ("CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ tỉnh", "title", "individual", True, True, False, 30),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "CSTĐ toàn quốc", "title", "individual", True, True, False, 40),
    ("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT", "title", "collective", True, False, False, 50),
    ("TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS", "title", "collective", True, True, False, 60),
    ("CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua tỉnh", "title", "collective", True, True, False, 70),
    ("GK_DV_CN", "Giấy khen của Thủ trưởng đơn vị (cá nhân)", "Giấy khen đơn vị", "form", "individual", False, False,
     False, 100),
    ("GK_DV_TT", "Giấy khen của Thủ trưởng đơn vị (tập thể)", "Giấy khen đơn vị (TT)", "form", "collective", False,
     False, False, 101),
    ("GK_XA_CN", "Giấy khen của Chủ tịch UBND xã (cá nhân)", "Giấy khen xã", "form", "individual", False, False, False,
     105),
    ("GK_HUYEN_CN", "Giấy khen của Chủ tịch UBND huyện (cá nhân)", "Giấy khen huyện", "form", "individual", False,
     False, False, 110),
    ("GK_HUYEN_TT", "Giấy khen của Chủ tịch UBND huyện (tập thể)", "Giấy khen huyện (TT)", "form", "collective",
     False, False, False, 111),
    ("GK_SYT_CN", "Giấy khen của Giám đốc Sở Y tế (cá nhân)", "Giấy khen Sở", "form", "individual", False, False,
     False, 120),
    ("GK_SYT_TT", "Giấy khen của Giám đốc Sở Y tế (tập thể)", "Giấy khen Sở (TT)", "form", "collective", False, False,
     False, 121),
    ("BK_TINH_CN", "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", "Bằng khen tỉnh", "form", "individual", False, True,
     False, 130),
    ("BK_TINH_TT", "Bằng khen của Chủ tịch UBND tỉnh (tập thể)", "Bằng khen tỉnh (TT)", "form", "collective", False,
     True, False, 131),
    ("BK_TTG_CN", "Bằng khen của Thủ tướng Chính phủ (cá nhân)", "Bằng khen Thủ tướng", "form", "individual", False,
     True, False, 140),
    ("HCLD3_CN", "Huân chương Lao động hạng Ba (cá nhân)", "HCLĐ hạng Ba", "form", "individual", False, True, True,
     150),
]

GK_BASIS = f"{ND152}, Điều 54 khoản 1"
UNVERIFIED_HINT = "Hệ số chưa kiểm tra: quản trị nhập hệ số theo nghị định rồi xác nhận."
COLLECTIVE_HINT = ("Hệ số chưa kiểm tra (quy định cũ: tập thể gấp đôi mức của cá nhân): quản trị nhập hệ số theo "
                   "nghị định rồi xác nhận.")

# code, kind, enabled, needs_verification, from, to, basis, text, params
RULES = [
    ("LDTT", "authority", True, False, LAW_2022, None, LAW, "Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân; Chủ tịch "
     "UBND cấp xã; Giám đốc Sở.", {"authority": "unit_head"}),
    ("LDTT", "appraisal", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022, Điều 24",
     "Hoàn thành tốt nhiệm vụ trở lên.", {"grade": "good"}),
    ("LDTT", "criteria", False, True, LAW_2022, None, "NĐ 91/2017 (quy định cũ)",
     "Không xét cho người mới tuyển dụng dưới 10 tháng (quy định hiện hành chưa xác minh).", {}),
    ("LDTT", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("0.3")}),
    ("CSTDCS", "authority", True, False, LAW_2022, None, LAW, "Giám đốc Sở, thủ trưởng cơ quan chuyên môn cấp tỉnh.",
     {"authority": "department"}),
    ("CSTDCS", "prerequisite", False, True, LAW_2022, None, "NĐ 91/2017 (Luật 2022 giữ lại: chưa xác minh)",
     "Đạt danh hiệu Lao động tiên tiến trong năm.", {"related": "LDTT", "count": 1}),
    ("CSTDCS", "initiative", False, True, LAW_2022, None, "NĐ 91/2017 (Luật 2022 giữ lại: chưa xác minh)",
     "Có sáng kiến được công nhận cấp cơ sở hoặc đề tài nghiên cứu được nghiệm thu.",
     {"initiative_level": "unit"}),
    ("CSTDCS", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("1.0")}),
    ("CSTD_TINH", "authority", True, False, LAW_2022, None, "Thủ tục hành chính cấp tỉnh (LA-DVC)",
     "Chủ tịch UBND tỉnh, trên cơ sở hồ sơ Sở Nội vụ thẩm định.", {"authority": "province"}),
    ("CSTD_TINH", "prerequisite", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022",
     "Có 3 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở.", {"related": "CSTDCS", "count": 3}),
    ("CSTD_TINH", "initiative", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022",
     "Sáng kiến, đề tài có phạm vi ảnh hưởng cấp tỉnh, được Chủ tịch UBND tỉnh công nhận.",
     {"initiative_level": "province"}),
    ("CSTD_TINH", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("3.0")}),
    ("CSTD_TINH", "council", False, True, date(2017, 7, 31), None, "NĐ 91/2017, Điều 45(8) (quy định cũ)",
     "Bỏ phiếu kín, từ 90% tổng số thành viên Hội đồng đồng ý (ngưỡng hiện hành chưa xác minh).",
     {"percent": Decimal(90), "denominator": "all"}),
    ("CSTD_TQ", "authority", False, True, LAW_2022, None, "", "Thủ tướng Chính phủ (chưa xác minh).",
     {"authority": "prime_minister"}),
    ("CSTD_TQ", "prerequisite", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022",
     "Có 2 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh.", {"related": "CSTD_TINH", "count": 2}),
    ("CSTD_TQ", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("4.5")}),
    ("TTLDTT", "authority", True, False, LAW_2022, None, LAW, "Giám đốc Sở, thủ trưởng cơ quan chuyên môn cấp tỉnh.",
     {"authority": "department"}),
    ("TTLDTT", "criteria", False, True, LAW_2022, None, "Luật 2003 Điều 28 (quy định 2022 chưa xác minh)",
     "Trên 50% thành viên đạt Lao động tiên tiến; không có thành viên bị kỷ luật từ cảnh cáo trở lên.", {}),
    ("TTLDTT", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 54", "", {"coefficient": Decimal("0.8")}),
    ("TTLDXS", "authority", True, False, LAW_2022, None, "Thủ tục hành chính cấp tỉnh (TTH)",
     "Chủ tịch UBND tỉnh.", {"authority": "province"}),
    ("TTLDXS", "criteria", True, False, LAW_2022, None, "Thủ tục theo NĐ 98/2023 (TTH)",
     "Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ, từ 70% đạt Lao động tiên tiến; có cá nhân "
     "đạt Chiến sĩ thi đua cơ sở; nội bộ đoàn kết.", {}),
    ("TTLDXS", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 54", "", {"coefficient": Decimal("1.5")}),
    ("TTLDXS", "council", False, True, LAW_2022, None, "", "Ngưỡng biểu quyết chưa xác minh.",
     {"percent": Decimal(90), "denominator": "all"}),
    ("CO_TINH", "authority", False, True, LAW_2022, None, "", "Chủ tịch UBND tỉnh (chưa xác minh).",
     {"authority": "province"}),
    ("GK_DV_CN", "authority", True, False, LAW_2022, None, LAW, "Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân.",
     {"authority": "unit_head"}),
    ("GK_DV_TT", "authority", True, False, LAW_2022, None, LAW, "Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân.",
     {"authority": "unit_head"}),
    ("GK_XA_CN", "authority", True, False, LAW_2022, None, LAW, "Chủ tịch UBND cấp xã.", {"authority": "commune"}),
    ("GK_HUYEN_CN", "authority", True, False, LAW_2022, date(2025, 6, 30), LAW, "Chủ tịch UBND cấp huyện (cấp huyện "
     "kết thúc hoạt động từ 01/7/2025).", {"authority": "district"}),
    ("GK_HUYEN_TT", "authority", True, False, LAW_2022, date(2025, 6, 30), LAW, "Chủ tịch UBND cấp huyện (cấp huyện "
     "kết thúc hoạt động từ 01/7/2025).", {"authority": "district"}),
    ("GK_SYT_CN", "authority", True, False, LAW_2022, None, LAW, "Giám đốc Sở.", {"authority": "department"}),
    ("GK_SYT_TT", "authority", True, False, LAW_2022, None, LAW, "Giám đốc Sở.", {"authority": "department"}),
    ("BK_TINH_CN", "authority", False, True, LAW_2022, None, "", "Chủ tịch UBND tỉnh (chưa xác minh).",
     {"authority": "province"}),
    ("BK_TINH_CN", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("1.5")}),
    ("BK_TINH_TT", "authority", False, True, LAW_2022, None, "", "Chủ tịch UBND tỉnh (chưa xác minh).",
     {"authority": "province"}),
    ("BK_TTG_CN", "authority", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022", "Thủ tướng Chính phủ.",
     {"authority": "prime_minister"}),
    ("BK_TTG_CN", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("3.5")}),
    ("HCLD3_CN", "authority", True, False, LAW_2022, None, "Luật Thi đua, khen thưởng 2022", "Chủ tịch nước.",
     {"authority": "president"}),
    ("HCLD3_CN", "disclosure", True, False, LAW_2022, None, "NĐ 98/2023 Điều 46(2); NĐ 152/2025 Điều 44(2)",
     "Công khai danh sách trên phương tiện thông tin ít nhất 10 ngày làm việc trước khi họp Hội đồng.",
     {"count": 10}),
    ("HCLD3_CN", "bonus", True, False, NEW_DECREE, None, f"{ND152}, Điều 51", "", {"coefficient": Decimal("4.5")}),
    # Giấy khen to an individual: 0,3 (domain.md §3.2, NĐ 152/2025 Art. 54(1)). The district's Giấy
    # khen has none: its chairman confers nothing after 30/6/2025, and NĐ 152 starts on 1/7/2025.
    *[(code, "bonus", True, False, NEW_DECREE, None, GK_BASIS, "", {"coefficient": Decimal("0.3")})
      for code in ("GK_DV_CN", "GK_XA_CN", "GK_SYT_CN")],
    # Unverified (domain.md §3.2): shipped disabled and without a coefficient; the administrator
    # enters the decree's figure and confirms it on the catalogue page.
    *[(code, "bonus", False, True, NEW_DECREE, None, ND152, text, {})
      for code, text in (("GK_DV_TT", COLLECTIVE_HINT), ("GK_SYT_TT", COLLECTIVE_HINT), ("BK_TINH_TT", COLLECTIVE_HINT),
                         ("CO_TINH", UNVERIFIED_HINT))],
]

# The statutory base salary (domain.md §2.9): recalled values, to be confirmed against the decrees.
# (from, amount, basis, needs verification): domain.md §3.2 verifies only the 2024 figure.
SALARIES = [
    (date(2018, 7, 1), 1390000, "Nghị định 72/2018/NĐ-CP", True),
    (date(2019, 7, 1), 1490000, "Nghị định 38/2019/NĐ-CP", True),
    (date(2023, 7, 1), 1800000, "Nghị định 24/2023/NĐ-CP", True),
    (date(2024, 7, 1), 2340000, "Nghị định 73/2024/NĐ-CP", False),
]


# What a decision on awards cites, by period (domain.md §0). Dates and names checked against
# vbpl.vn (Luật 15/2003/QH11 of 26/11/2003), the consolidated text 05/VBHN-VPQH (Luật 47/2005/QH11
# of 14/6/2005), QĐ 31/2020/QĐ-UBND Phú Yên (cites the 2013 amendment of 16/11/2013 and NĐ 91/2017 of
# 31/7/2017), thuvienphapluat.vn (NĐ 98/2023 of 31/12/2023). The old law's row starts when the
# 2003 law came into force (01/7/2004); the system holds no decision that old. NĐ 98/2023's end
# (replaced by NĐ 152/2025 from 01/7/2025) is [unverified] in domain.md: it ships "cần xác minh".
# kind, order, from, to, needs verification, text
LEGAL_BASES = [
    ("law", 10, date(2004, 7, 1), date(2023, 12, 31), False,
     "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
     "khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013"),
    ("law", 10, LAW_2022, None, False, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
    ("decree", 20, date(2017, 10, 1), date(2023, 12, 31), False,
     "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số "
     "điều của Luật Thi đua, khen thưởng"),
    ("decree", 20, LAW_2022, date(2025, 6, 30), True,
     "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số "
     "điều của Luật Thi đua, khen thưởng"),
    ("decree", 20, NEW_DECREE, None, False,
     "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền "
     "trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi "
     "đua, khen thưởng"),
]


def ensure_legal_bases(model) -> None:
    """Seeds the dated căn cứ when the table is empty (the migration, a test flush); `model` is
    the historical model in a migration. Rows that exist are the administrator's and stay."""
    if model.objects.exists():
        return
    model.objects.bulk_create(
        model(kind=kind, order=order, effective_from=start, effective_to=end, needs_verification=verify, text=text,
              document="decision")
        for kind, order, start, end, verify, text in LEGAL_BASES)


# Where each type is counted in the statistics forms (TT 02/2023/TT-BNV, 0602.N and 0603.N); the
# others are in no form. Awards migration 0012 fills the same for databases made before.
STATISTICS_COLUMNS = {"CSTD_TINH": "fighter", "CO_TINH": "flag", "BK_TINH_CN": "certificate",
                      "BK_TINH_TT": "certificate",
                      "CSTD_TQ": "national_fighter", "BK_TTG_CN": "pm_certificate"}


def ensure(**_kwargs) -> None:
    from awards.models import AwardRule, AwardType, BaseSalary, DatedLegalBasis

    types = {t.code: t for t in AwardType.objects.all()}
    fresh = set()
    for code, name, short, category, recipient, yearly, council, disclosure, order in TYPES:
        if code not in types:
            types[code] = AwardType.objects.create(
                code=code, name=name, short_name=short, category=category, recipient_kind=recipient,
                is_yearly=yearly, needs_council=council, needs_disclosure=disclosure, order=order,
                statistics_column=STATISTICS_COLUMNS.get(code, ""))
            fresh.add(code)
    for code, kind, enabled, verify, start, end, basis, text, params in RULES:
        if code not in fresh:
            continue
        params = dict(params)
        related = params.pop("related", None)
        AwardRule.objects.create(award_type=types[code], kind=kind, enabled=enabled, needs_verification=verify,
                                 effective_from=start, effective_to=end, legal_basis=basis, text=text,
                                 related_type=types[related] if related else None, **params)
    if not BaseSalary.objects.exists():
        for start, amount, basis, verify in SALARIES:
            BaseSalary.objects.create(effective_from=start, amount=amount, legal_basis=basis, needs_verification=verify)
    ensure_legal_bases(DatedLegalBasis)
