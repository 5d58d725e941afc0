"""Demo indicators and results.

Seeds 000, 001 and 004: their indicators and targets exactly as printed. Seed 004's 2020
results and 2021 plan are the district's appendix as printed (its Tỷ lệ column is what the
evaluation must reproduce). Seed 000's commune results are plausible figures, labelled demo:
some communes meet the key targets and some do not, one annual report is late and one missing.
The live campaign gets indicators on the pattern of seed 001, some units' six-month results
entered, some submitted, one returned; Trung tâm Y tế Phú Bình (donvi) has its report to fill in.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from campaigns.models import Campaign
from devtools import history
from indicators import services
from indicators.evaluation import Comparator as C
from indicators.evaluation import Direction as D
from indicators.models import CampaignIndicator, IndicatorDefinition
from indicators.submissions import Status
from units.access import SYSTEM
from units.models import Organisation

S = CampaignIndicator.Scope
R = CampaignIndicator.Rollup

# (code, number, label as printed, unit, direction, comparator, target as printed, extra)
SEED_000 = [
    ("SDD5-CN", "", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng/tuổi", "%", D.LOWER, C.LTE, "≤11,88%",
     {"printed_line": "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng/tuổi ≤11,88%",
      "rollup": R.ENTERED, "responsible": "HN:PYT"}),
    ("TDS-TN", "", "Tỷ lệ tăng dân số tự nhiên", "%", D.LOWER, C.LT, "<1%",
     {"printed_line": "Tỷ lệ tăng dân số tự nhiên <1%", "rollup": R.ENTERED, "responsible": "HN:PYT"}),
    ("NDTP", "", "Ngộ độc thực phẩm lớn", "", D.LOWER, C.ZERO_EVENTS, "Không xảy ra ngộ độc thực phẩm lớn",
     {"printed_line": "Không xảy ra ngộ độc thực phẩm lớn", "rollup": R.SUM}),
    ("BHYT", "", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", D.HIGHER, C.GTE, "≥91%",
     {"printed_line": "Tỷ lệ dân số tham gia bảo hiểm y tế đạt ≥91%", "rollup": R.ENTERED, "responsible": "HN:PYT"}),
    ("TYT-CQG", "", "Trạm Y tế đạt chuẩn quốc gia", "trạm", D.HIGHER, C.MAINTAIN_AT_LEAST,
     "Duy trì 10 Trạm Y tế đạt chuẩn quốc gia",
     {"printed_line": "Duy trì 10 Trạm Y tế đạt chuẩn quốc gia", "scope": S.RESPONSIBLE, "responsible": "HN:PYT"}),
    ("DICH", "", "Dịch bệnh lớn trên địa bàn", "", D.LOWER, C.ZERO_EVENTS, "Không để xảy ra dịch bệnh lớn trên địa bàn",
     {"printed_line": "Không để xảy ra dịch bệnh lớn trên địa bàn", "rollup": R.SUM}),
]

# Seed 001's table: every row is a province-wide figure kept by Phòng Kế hoạch – Tài chính.
SEED_001 = [
    ("QMDS", "1", "Quy mô dân số (dân số trung bình)", "Người", D.NONE, C.INFORMATIONAL, "580.000", {}),
    ("GIAM-SINH", "2", "Mức giảm tỷ lệ sinh", "%", D.LOWER, C.CHANGE_BY, "0,3", {}),
    ("TDS-TN", "3", "Tỷ lệ tăng dân số tự nhiên", "%", D.LOWER, C.LTE, "11,8", {}),
    ("TSGT", "4", "Tỷ số giới tính của trẻ em mới sinh (trai/100 gái)", "%", D.LOWER, C.LT, "< 110", {}),
    ("GIUONG", "5", "Số giường bệnh trên 10.000 dân (không bao gồm giường của trạm y tế)", "Giường", D.HIGHER,
     C.GTE, "40,3", {}),
    ("BACSY", "6", "Số bác sỹ trên vạn dân", "Bác sỹ", D.HIGHER, C.GTE, "10,8", {}),
    ("TYT-BS", "7", "Tỷ lệ trạm y tế có bác sỹ làm việc", "%", D.HIGHER, C.GTE, "100", {}),
    ("XA-CQG", "8", "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế xã (theo Quyết định số 4667/QĐ-BYT)", "%", D.HIGHER,
     C.GTE, "100", {}),
    ("TCDD", "9", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "%", D.HIGHER, C.GTE, "≥ 97", {}),
    ("TVME", "10", "Tỷ suất tử vong mẹ (trên 100.000 ca sinh sống)", "", D.LOWER, C.LTE, "34,1", {}),
    ("TV1", "11", "Tỷ suất tử vong trẻ em dưới 1 tuổi (trên 1.000 ca sinh sống)", "%", D.LOWER, C.LTE, "32,2", {}),
    ("TV5", "12", "Tỷ suất tử vong trẻ em dưới 5 tuổi (trên 1.000 ca sinh sống)", "%", D.LOWER, C.LTE, "49,8", {}),
    ("SDD5", "13", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "", D.LOWER, C.INFORMATIONAL, "", {"group": True}),
    ("SDD5-CN", "", "Cân nặng theo tuổi", "%", D.LOWER, C.LTE, "18,8", {"parent": "SDD5"}),
    ("SDD5-CC", "", "Chiều cao theo tuổi", "%", D.LOWER, C.LTE, "32,7", {"parent": "SDD5"}),
    ("KHAMTHAI", "14", "Tỷ lệ phụ nữ đẻ được khám thai ít nhất 4 lần trong 3 thời kỳ", "%", D.HIGHER, C.GTE, "60,0",
     {}),
]

# Seed 004's appendix: KH 2020, TH 2020 (the district's result, printed), KH 2021.
SEED_004 = [
    ("SDD5", "1", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "%", D.LOWER, C.LT, "< 14",
     {"th": "13,04", "next": "< 14"}),
    ("TVME-SS", "2", "Giảm tử vong mẹ, giảm tử vong sơ sinh trên địa bàn", "%00", D.LOWER, C.LT, "< 17",
     {"th": "< 17", "next": "< 17"}),
    ("TDS-TN", "3", "Tỷ lệ tăng dân số tự nhiên", "%", D.LOWER, C.LT, "< 1", {"th": "0,90", "next": "< 1"}),
    ("BPTT", "4", "Số người áp dụng các biện pháp tránh thai hiện đại", "%", D.HIGHER, C.GT, "> 80",
     {"th": "84", "next": "> 80"}),
    ("TYT-CQG", "5", "Số trạm Y tế đạt chuẩn Quốc gia (theo bộ tiêu chí mới", "trạm", D.HIGHER, C.ALL_OF, "100",
     {"th": "12/12", "next": "12/12"}),
    ("TCMD", "6", "Tỷ lệ trẻ em được tiêm chủng miễn dịch (từ 5 tuổi đến dưới 1 tuổi)", "%", D.HIGHER, C.GT, "> 90",
     {"th": "95", "next": "> 90"}),
    ("GIUONG", "7", "Số giường bệnh/vạn dân", "giường", D.HIGHER, C.GTE, "9,8", {"th": "9,8", "next": "9,8"}),
    ("BACSY", "8", "Số bác sĩ/vạn dân", "BS", D.HIGHER, C.GTE, "3,67", {"th": "3,67", "next": "3,7"}),
    ("BHYT", "9", "Tỷ lệ tham gia bảo hiểm y tế", "%", D.HIGHER, C.GTE, "90", {"th": "90,08", "next": "91"}),
]
SEED_004_PRINTED_RATIO = [">100", "100", ">100", "100", "100", "100", "100", "100", "100"]

TTYT = ["TN:TTYT-PB", "TN:TTYT-DT", "TN:TTYT-DH"]
HOSPITALS = ["TN:BVA", "TN:BVC", "TN:BVLBP", "TN:BVYHCT"]
LIVE = [
    ("TCDD", "1", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "%", D.HIGHER, C.GTE, "≥ 97",
     {"scope": S.NAMED, "units": TTYT, "rollup": R.ENTERED, "responsible": "TN:CDC"}),
    ("TYT-BS", "2", "Tỷ lệ trạm y tế có bác sỹ làm việc", "%", D.HIGHER, C.GTE, "100",
     {"scope": S.NAMED, "units": TTYT}),
    ("XA-CQG", "3", "Số trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã", "trạm", D.HIGHER, C.ALL_OF, "100",
     {"scope": S.NAMED, "units": TTYT, "rollup": R.RATE}),
    ("HAILONG", "4", "Tỷ lệ hài lòng của người bệnh", "%", D.HIGHER, C.GTE, "≥ 90",
     {"scope": S.NAMED, "units": TTYT + HOSPITALS}),
    ("GIUONG", "5", "Số giường bệnh trên 10.000 dân (không bao gồm giường của trạm y tế)", "Giường", D.HIGHER, C.GTE,
     "32,5", {"scope": S.RESPONSIBLE, "responsible": "TN:KHTC"}),
    ("TV1", "6", "Tỷ suất tử vong trẻ em dưới 1 tuổi (trên 1.000 ca sinh sống)", "‰", D.LOWER, C.LTE, "≤ 12",
     {"scope": S.RESPONSIBLE, "responsible": "TN:CDC"}),
    ("SDD5", "7", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "", D.LOWER, C.INFORMATIONAL, "", {"group": True}),
    ("SDD5-CN", "", "Cân nặng theo tuổi", "%", D.LOWER, C.LTE, "≤ 12", {"parent": "SDD5", "scope": S.NAMED,
                                                                           "units": TTYT}),
    ("SDD5-CC", "", "Chiều cao theo tuổi", "%", D.LOWER, C.LTE, "≤ 20", {"parent": "SDD5", "scope": S.NAMED,
                                                                            "units": TTYT}),
    ("SUCO", "8", "Sự cố y khoa nghiêm trọng", "", D.LOWER, C.ZERO_EVENTS, "Không xảy ra sự cố y khoa nghiêm trọng",
     {"scope": S.NAMED, "units": TTYT + HOSPITALS, "rollup": R.SUM}),
    ("QMDS", "9", "Quy mô dân số (dân số trung bình)", "Người", D.NONE, C.INFORMATIONAL, "1.330.000",
     {"scope": S.RESPONSIBLE, "responsible": "TN:KHTC"}),
]

# Seed 000: plausible commune figures (six-month, annual) for the indicators communes report.
COMMUNE_FIGURES = {
    "XA01": (("10,2", "0,85", "0", "92,1", "0"), ("9,8", "0,82", "0", "93,0", "0")),
    "XA02": (("11,5", "0,95", "0", "90,4", "0"), ("11,2", "0,91", "0", "91,6", "0")),
    "XA03": (("12,6", "1,02", "0", "89,7", "0"), ("12,1", "0,98", "0", "90,2", "0")),
    "XA04": (("9,4", "0,78", "0", "94,2", "0"), ("9,1", "0,76", "0", "94,8", "0")),
    "XA05": (("10,9", "0,88", "0", "91,3", "0"), ("10,5", "0,86", "1", "92,0", "0")),
    "XA06": (("11,0", "0,93", "0", "91,0", "0"), ("11,88", "0,97", "0", "91,0", "0")),
    "XA07": (("13,2", "1,10", "0", "87,5", "0"), ("12,7", "1,05", "0", "88,9", "0")),
    "XA08": (("10,1", "0,80", "0", "93,5", "0"), ("9,9", "0,79", "0", "93,9", "0")),
    "XA09": (("11,3", "0,90", "0", "92,0", "0"), ("11,0", "0,89", "0", "92,5", "0")),   # annual sent late
    "XA10": (("12,0", "0,99", "0", "90,8", "0"), None),                                  # annual missing
}
COMMUNE_CODES = ["SDD5-CN", "TDS-TN", "NDTP", "BHYT", "DICH"]


def _definition(issuer: Organisation, code: str, label: str, unit: str, direction: str) -> IndicatorDefinition:
    existing = IndicatorDefinition.objects.filter(issuer=issuer, code=code).first()
    return existing or services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=issuer, code=code, name=label, unit=unit, direction=direction))


def _indicators(campaign: Campaign, rows: list, orgs: dict[str, Organisation], *, default_scope=S.ALL,
                default_responsible: str | None = None) -> dict[str, CampaignIndicator]:
    issuer = campaign.issuer.root
    made: dict[str, CampaignIndicator] = {}
    for order, (code, number, label, unit, direction, comparator, target, extra) in enumerate(rows, start=1):
        definition = _definition(issuer, code, label, unit, direction)
        responsible = extra.get("responsible", default_responsible)
        indicator = CampaignIndicator(
            definition=definition, order=order, number=number, label=label, unit_label=unit,
            is_key=campaign.form == Campaign.Form.THEMATIC, is_group=extra.get("group", False),
            comparator=comparator, target_text=target, next_target_text=extra.get("next", ""),
            reporting_scope=extra.get("scope", default_scope), rollup=extra.get("rollup", R.NONE),
            responsible=orgs[responsible] if responsible else None, printed_line=extra.get("printed_line", ""),
            parent=made.get(extra["parent"]) if "parent" in extra else None,
        )
        units = [orgs[key] for key in extra.get("units", [])]
        made[code] = services.save_indicator(by=SYSTEM, campaign=campaign, instance=indicator, reporting_units=units)
    return made


def _at(day, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load(campaigns: dict[str, Campaign], orgs: dict[str, Organisation], today, log=print) -> None:
    if CampaignIndicator.objects.filter(campaign__in=campaigns.values()).exists():
        return
    _seed_000(campaigns["seed-000"], orgs)
    _indicators(campaigns["seed-001"], SEED_001, orgs, default_scope=S.RESPONSIBLE, default_responsible="KT:KHTC")
    _seed_004(campaigns["seed-004"], orgs)
    _live(campaigns["live"], orgs, today)
    log("Chỉ tiêu: đã nạp chỉ tiêu của văn bản 000, 001, 004 và phong trào minh họa.")


def _seed_000(campaign: Campaign, orgs: dict[str, Organisation]) -> None:
    made = _indicators(campaign, SEED_000, orgs)
    six, year = list(campaign.periods.order_by("year", "order"))
    for key, (first, second) in COMMUNE_FIGURES.items():
        org = orgs[f"HN:{key}"]
        history.import_report(period=six, organisation=org, status=Status.ACCEPTED,
                              submitted_at=_at(six.deadline - timedelta(days=5)),
                               values={made[c].pk: v for c, v in zip(COMMUNE_CODES, first, strict=True)},
                               note="Dữ liệu minh họa")
        if second is None:
            continue
        late = key == "XA09"
        sent = year.deadline + timedelta(days=8) if late else year.deadline - timedelta(days=4)
        history.import_report(period=year, organisation=org, status=Status.ACCEPTED, submitted_at=_at(sent),
                               values={made[c].pk: v for c, v in zip(COMMUNE_CODES, second, strict=True)},
                               note="Dữ liệu minh họa" + (" (nộp muộn)" if late else ""))
    pyt = orgs["HN:PYT"]
    for period, figures in ((six, ("10,9", "0,91", "91,4", "10")), (year, ("10,6", "0,88", "92,0", "10"))):
        history.import_report(period=period, organisation=pyt, status=Status.ACCEPTED,
                               submitted_at=_at(period.deadline - timedelta(days=2)),
                               values={made[c].pk: v for c, v in zip(["SDD5-CN", "TDS-TN", "BHYT", "TYT-CQG"], figures,
                                                                      strict=True)},
                               note="Dữ liệu minh họa: số liệu chung của Huyện")


def _seed_004(campaign: Campaign, orgs: dict[str, Organisation]) -> None:
    made = _indicators(campaign, SEED_004, orgs, default_scope=S.RESPONSIBLE, default_responsible="CT:PYT")
    period = campaign.periods.get()
    history.import_report(
        period=period, organisation=orgs["CT:PYT"], status=Status.ACCEPTED, submitted_at=_at(date(2020, 11, 30)),
        values={made[row[0]].pk: row[7]["th"] for row in SEED_004},
        note="Phụ lục II của báo cáo (văn bản nguồn 004), kết quả thực hiện năm 2020 như văn bản in",
    )


def _live(campaign: Campaign, orgs: dict[str, Organisation], today) -> None:
    made = _indicators(campaign, LIVE, orgs)
    current = campaign.periods.get(kind="six_month")
    ttyt_rows = {"TCDD": "96,2", "TYT-BS": "100", "XA-CQG": "3/3", "HAILONG": "91,5", "SDD5-CN": "11,4",
                 "SDD5-CC": "19,2", "SUCO": "0"}
    hospital_rows = {"HAILONG": "92,8", "SUCO": "0"}
    sent = _at(today - timedelta(days=3), 10)
    history.import_report(period=current, organisation=orgs["TN:TTYT-DT"], status=Status.ACCEPTED, submitted_at=sent,
                           values={made[c].pk: v for c, v in ttyt_rows.items()},
                           narrative={"narrative_done": "Tiêm chủng mở rộng đạt tiến độ; 3/3 trạm đạt chuẩn."},
                           note="Dữ liệu minh họa")
    history.import_report(period=current, organisation=orgs["TN:TTYT-DH"], status=Status.SUBMITTED, submitted_at=sent,
                           values={made[c].pk: v for c, v in {**ttyt_rows, "TCDD": "94,8", "HAILONG": "88,6",
                                                              "SDD5-CN": "12,9"}.items()},
                           narrative={"narrative_difficulties": "Thiếu bác sĩ ở 1 trạm vùng sâu."},
                           note="Dữ liệu minh họa")
    history.import_report(period=current, organisation=orgs["TN:BVA"], status=Status.SUBMITTED, submitted_at=sent,
                           values={made[c].pk: v for c, v in hospital_rows.items()}, note="Dữ liệu minh họa")
    history.import_report(period=current, organisation=orgs["TN:BVC"], status=Status.RETURNED, submitted_at=sent,
                           values={made[c].pk: v for c, v in {"HAILONG": "85", "SUCO": "1"}.items()},
                           return_reason="Sự cố y khoa ghi 1 nhưng chưa có báo cáo sự cố kèm theo; đề nghị bổ sung "
                                         "biên bản và giải trình tỷ lệ hài lòng dưới 90%.",
                           note="Dữ liệu minh họa")
    history.import_report(period=current, organisation=orgs["TN:BVLBP"], status=Status.DRAFT,
                           values={made["HAILONG"].pk: "90,3"}, note="Dữ liệu minh họa")
    history.import_report(period=current, organisation=orgs["TN:KHTC"], status=Status.SUBMITTED, submitted_at=sent,
                           values={made["GIUONG"].pk: "33,1", made["QMDS"].pk: "1.331.200"}, note="Dữ liệu minh họa")
