"""Demo figures for the statistics forms (issue 16): the leadership tier of Thái Nguyên's people, and
the awards its units and people received in the reporting year from the province and the Prime
Minister, recorded in the register as decided by a higher level. tests/reports/test_statistics.py
counts them by hand: one more was decided the day before the reporting year (01/12 to 30/11)
and must not be counted."""

from __future__ import annotations

from datetime import date

from awards import services
from awards.models import AwardType, RegisterEntry
from devtools.demo.awards import NOTE
from units import services as unit_services
from units.access import SYSTEM
from units.models import Organisation, Person

# Positions as the demo names them → the forms' tiers (mẫu 0602.N/0603.N "Cá nhân" chia ra).
DEPARTMENT_LEADERS = ("Giám đốc Sở", "Phó Giám đốc Sở")
MARK = f"{NOTE} (biểu thống kê)"
OTHER_LEADERS = ("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Trưởng khoa", "Phó Trưởng khoa")


def _tier(position: str) -> str:
    if position.startswith(DEPARTMENT_LEADERS):
        return "department"
    if position.startswith(OTHER_LEADERS):
        return "other"
    return ""


def _tiers(root: Organisation) -> None:
    for person in Person.objects.filter(organisation__path__startswith=root.path).order_by("pk"):
        tier = _tier(person.position)
        if tier and person.leadership != tier:
            unit_services.update_person(by=SYSTEM, person=person, leadership=tier)


def _first(root: Organisation, code: str, **filters) -> Person:
    return (Person.objects.filter(organisation__root=root, organisation__code=code, **filters)
            .order_by("employee_code").first())


def load(orgs: dict[str, Organisation], today: date, log=print) -> None:
    root = orgs["TN"]
    if RegisterEntry.objects.filter(owner=root, note=MARK).exists():
        return
    _tiers(root)
    # The reporting year the statistics page opens on (reports.statistics_views.default_year).
    year = today.year
    types = {t.code: t for t in AwardType.objects.all()}
    leader = Person.objects.filter(organisation__root=root, leadership="department").order_by("employee_code").first()
    head = Person.objects.filter(organisation__root=root, leadership="other").order_by("employee_code").first()
    nurse = _first(root, "BVC", leadership="", is_direct_worker=True) or _first(root, "BVC", leadership="")
    doctor = _first(root, "TTYT-DT", leadership="", is_direct_worker=True) or _first(root, "TTYT-DT", leadership="")
    province = "Chủ tịch UBND tỉnh Thái Nguyên"
    rows = [
        # (subject, award, mode, reference, decided on)
        (leader, "BK_TINH_CN", "regular", "Số 125/QĐ-UBND", date(year, 1, 15)),
        (nurse, "BK_TINH_CN", "sudden", "Số 1468/QĐ-UBND", date(year, 8, 20)),
        (orgs["TN:BVA"], "BK_TINH_TT", "thematic", "Số 802/QĐ-UBND", date(year, 5, 10)),
        (head, "CSTD_TINH", "regular", "Số 2298/QĐ-UBND", date(year - 1, 12, 1)),  # the year's first day
        (orgs["TN:BVC"], "CO_TINH", "regular", "Số 127/QĐ-UBND", date(year, 1, 15)),
        (doctor, "BK_TTG_CN", "regular", "Số 655/QĐ-TTg", date(year, 6, 2)),
        # The day before the reporting year starts: the year before's.
        (leader, "BK_TINH_CN", "regular", "Số 2201/QĐ-UBND", date(year - 1, 11, 30)),
    ]
    for subject, code, mode, reference, decided_on in rows:
        is_person = isinstance(subject, Person)
        services.add_register_entry(by=SYSTEM, owner=root, instance=RegisterEntry(
            person=subject if is_person else None, organisation=None if is_person else subject,
            award_type=types[code], achievement_year=decided_on.year - 1 if decided_on.month < 6 else decided_on.year,
            mode=mode, issuer_name="Thủ tướng Chính phủ" if code == "BK_TTG_CN" else province,
            reference=reference, decided_on=decided_on, source=RegisterEntry.Source.HIGHER, note=MARK))
    log(f"Thống kê: {len(rows)} khen thưởng cấp tỉnh, cấp nhà nước của Thái Nguyên (năm báo cáo {year}).")
