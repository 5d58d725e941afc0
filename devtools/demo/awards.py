"""Demo awards: every nomination state somewhere, on the source documents' campaigns and the live
one, so that each screen shows something real on `make run`.

- Seed 000 (Hồng Ngự, 2021): communes that met every key target got the district chairman's
  Giấy khen (a decision of January 2022); one that missed a target was not proposed.
- Seed 002 (Bà Rịa-Vũng Tàu, 2021): proposals under items 2.1 (per programme), 2.2, 2.3, 2.6;
  decided, rejected and forwarded nominations; a decision later revoked.
- The live campaign of Sở Y tế Thái Nguyên: proposals in every open state, a disclosure, a
  council session with one tally recorded and one to do, an issued decision, Trung tâm Y tế Đại
  Từ's own LĐTT decision, register history from before the system, appraisals, an initiative
  and a hold. Units with legal personality decide LĐTT and their own Giấy khen.
All of it is demo data; the history rows say so.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape

from awards import selectors as award_selectors
from awards import services
from awards.models import (
    Appraisal,
    AwardType,
    CouncilTerm,
    Hold,
    Holiday,
    Initiative,
    Proposal,
    RatioCap,
    RegisterEntry,
    UnitAuthority,
)
from awards.services import MemberInput
from awards.workflow import State
from campaigns.models import Campaign, SubCampaign
from devtools import history
from devtools.demo import signing
from reports import pdf
from reports.services import editions
from units.access import SYSTEM
from units.models import Organisation, Person

NOTE = "Dữ liệu minh họa"


def _signed_submission(proposal: Proposal) -> None:
    """The tờ trình as a unit sends it: its copy sent for signature, signed with the unit's
    certificate from the demo CA, kept as its verified signed copy and attached to the proposal."""
    editions.send_for_signature(by=SYSTEM, kind="proposal", obj=proposal)
    unit = proposal.organisation.name
    data = signing.sign_edition(kind="proposal", obj=proposal, signatures=[("KySo", unit, unit)],
                                filename="to-trinh-da-ky.pdf")
    services.add_proposal_file(by=SYSTEM, proposal=proposal, kind="submission",
                               upload=SimpleUploadedFile("to-trinh-da-ky.pdf", data, content_type="application/pdf"))


def _minutes(unit: Organisation, people: list[Person], day: date, head: str) -> bytes:
    """The unit's biên bản bình xét, which the system does not draft: a one-page PDF in the
    documents' letterhead, layout and font, signed by the unit's head with the demo CA (a file a
    reader opens, where the demo once kept a 70-byte placeholder)."""
    place, body = "", unit
    while body is not None and not place:      # the body's own place, else the nearest parent's
        place, body = body.place_name, body.parent
    letterhead = render_to_string("_letterhead.html", {"head": {
        "parent_line": unit.parent.name if unit.parent_id else "", "name_line": unit.name,
        "number_line": "Số: 12/BB-HĐTĐKT",
        "date_line": f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"}})
    rows = "".join(f"<tr><td class='num'>{i}</td><td class='text'>{escape(p.full_name)}</td>"
                   f"<td class='text'>Lao động tiên tiến</td></tr>" for i, p in enumerate(people, 1))
    name = escape(unit.name)
    html = (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biên bản bình xét thi đua năm '
            f'{day.year}</title><meta name="author" content="{name}"><link rel="stylesheet" href="reports/pdf.css">'
            f'</head><body class="pdf">{letterhead}<div class="doc-type">BIÊN BẢN</div><div class="doc-title">'
            f'<span class="ruled">Họp Hội đồng Thi đua - Khen thưởng bình xét danh hiệu thi đua năm {day.year}'
            f'</span></div><div class="doc-body"><p>Ngày {day:%d/%m/%Y}, Hội đồng Thi đua - Khen thưởng {name} họp '
            f'bình xét danh hiệu thi đua năm {day.year} (dữ liệu minh họa). Hội đồng thống nhất đề nghị Giám đốc '
            f'công nhận danh hiệu “Lao động tiên tiến” cho các cá nhân sau:</p></div><table class="doc-table">'
            f'<thead><tr><th style="width:12mm">STT</th><th>Họ và tên</th><th>Danh hiệu</th></tr></thead><tbody>'
            f'{rows}</tbody></table><footer class="doc-footer"><div></div><div><div class="signer">CHỦ TỊCH HỘI '
            f'ĐỒNG</div><div class="signer">GIÁM ĐỐC</div><div class="signer-name">{escape(head)}</div></div>'
            f'</footer></body></html>')
    return signing.sign(pdf.render_pdf(html), html=html, signatures=[("KySo", head, unit.name)])


def _achievement_report_pdf(full_name: str) -> bytes:
    """A nominee's báo cáo thành tích: one page in the documents' layout (demo text)."""
    name = escape(full_name)
    html = (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo thành tích – {name}</title>'
            f'<link rel="stylesheet" href="reports/pdf.css"></head><body class="pdf"><div class="doc-type">BÁO CÁO '
            f'THÀNH TÍCH</div><div class="doc-title"><span class="ruled">Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp '
            f'tỉnh</span></div><div class="doc-body"><p>Họ và tên: {name} (dữ liệu minh họa).</p><p>Ba năm liên tục '
            f'đạt danh hiệu Chiến sĩ thi đua cơ sở; chủ trì sáng kiến đặt lịch khám trực tuyến được công nhận cấp '
            f'tỉnh.</p></div></body></html>')
    return pdf.render_pdf(html)


def _people(org: Organisation, count: int = 10) -> list[Person]:
    return list(Person.objects.filter(organisation=org, is_active=True).order_by("employee_code")[:count])


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def load(campaigns: dict[str, Campaign], orgs: dict[str, Organisation], today: date, log=print) -> None:
    # The council by term comes before the early return: a demo loaded before it existed gets it too.
    _council_term(orgs, today)
    if Proposal.objects.exists():
        return
    types = {t.code: t for t in AwardType.objects.all()}
    _authorities(orgs, types)
    _holidays(campaigns["live"].year)
    _seed_000(campaigns["seed-000"], orgs, types)
    _seed_002(campaigns["seed-002"], orgs, types)
    _live(campaigns["live"], orgs, types, today)
    log("Khen thưởng: đã nạp danh mục, tờ trình, Hội đồng, quyết định và sổ khen thưởng minh họa.")


def _authorities(orgs, types) -> None:
    unit_types = [types["LDTT"], types["GK_DV_CN"], types["GK_DV_TT"]]
    for key, org in orgs.items():
        if key.startswith("TN:") and org.has_legal_personality and org.parent_id == orgs["TN"].pk:
            authority = UnitAuthority.objects.create(
                organisation=org, basis="Đơn vị sự nghiệp có tư cách pháp nhân trực thuộc Sở (minh họa phân cấp)")
            authority.award_types.set(unit_types)
    RatioCap.objects.create(issuer=orgs["TN"], award_type=types["CSTDCS"], base_type=types["LDTT"], percent=15,
                            legal_basis="Quy định của Sở (tham chiếu NĐ 91/2017, Điều 9 khoản 3) – minh họa")


# Lunar holidays move every year and are set by the government: demo values, marked to be checked.
LUNAR = {
    2026: [(date(2026, 2, d), "Nghỉ Tết Nguyên đán (minh họa)") for d in (16, 17, 18, 19, 20)]
    + [(date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (minh họa)")],
    2027: [(date(2027, 2, d), "Nghỉ Tết Nguyên đán (minh họa)") for d in (4, 5, 8, 9, 10)]
    + [(date(2027, 4, 16), "Giỗ Tổ Hùng Vương (minh họa)")],
}


def _holidays(year: int) -> None:
    """The demo year and the next (a disclosure opened in December runs into January)."""
    for y in (year, year + 1):
        fixed = [(date(y, 1, 1), "Tết Dương lịch", False), (date(y, 4, 30), "Ngày Chiến thắng", False),
                 (date(y, 5, 1), "Ngày Quốc tế Lao động", False), (date(y, 9, 2), "Quốc khánh", False),
                 (date(y, 9, 1), "Nghỉ liền kề Quốc khánh (minh họa)", True)]
        fixed += [(day, name, True) for day, name in LUNAR.get(y, [])]
        for day, name, verify in fixed:
            Holiday.objects.get_or_create(day=day, defaults={"name": name, "needs_verification": verify})


# --- Seed 000: the district's communes ----------------------------------------------------------------------


def _seed_000(campaign: Campaign, orgs, types) -> None:
    decided, rejected = [], []
    for key, met in (("XA01", True), ("XA04", True), ("XA08", True), ("XA07", False)):
        commune = orgs[f"HN:{key}"]
        proposal = history.import_proposal(
            campaign=campaign, organisation=commune, year=2021, submitted_at=_at(date(2021, 12, 15)),
            title=f"Tờ trình đề nghị khen thưởng phong trào chăm sóc sức khỏe Nhân dân năm 2021 – {commune.name}",
            note=NOTE)
        nomination = history.import_nomination(
            proposal=proposal, award_type=types["GK_HUYEN_TT"], organisation=commune,
            summary="Hoàn thành các chỉ tiêu trọng tâm của phong trào; không xảy ra dịch bệnh lớn, ngộ độc thực phẩm.",
            state=State.APPROVED if met else State.REJECTED,
            reason="" if met else "Chưa đạt chỉ tiêu tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (12,7% so với ≤11,88%).",
            note=NOTE)
        (decided if met else rejected).append(nomination)
        staff = _people(commune, 1)
        if met and staff:
            decided.append(history.import_nomination(
                proposal=proposal, award_type=types["GK_HUYEN_CN"], person=staff[0],
                summary="Tham mưu tổ chức thực hiện tốt phong trào tại xã.", state=State.APPROVED, note=NOTE))
    history.import_decision(
        issuer=orgs["HN"], title="Về việc tặng Giấy khen phong trào thi đua chuyên đề chăm sóc sức khỏe Nhân dân "
        "năm 2021", nominations=decided, number=18, notation="QĐ-UBND", issue_date=date(2022, 1, 10),
        signer_prefix="KT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH", signer_name="Huỳnh Văn Tài", campaign=campaign)
    for nomination in decided:
        nomination.state = State.DECIDED
        nomination.save(update_fields=["state"])


# --- Seed 002: the Sở's sub-campaigns ---------------------------------------------------------------------------


def _item(campaign: Campaign, number: str) -> SubCampaign:
    return campaign.subcampaigns.get(number=number)


def _seed_002(campaign: Campaign, orgs, types) -> None:
    submitted = _at(date(2021, 11, 25))
    bvbr, cdc = orgs["BRVT:BVBR"], orgs["BRVT:CDC"]
    programme = _item(campaign, "2.1.a")
    p21 = history.import_proposal(campaign=campaign, organisation=cdc, subcampaign=_item(campaign, "2.1"), year=2021,
                                   title="Tờ trình đề nghị khen thưởng Chương trình mục tiêu Y tế – Dân số năm 2021",
                                   submitted_at=submitted, note=NOTE)
    cdc_people = _people(cdc, 3)
    decided = [history.import_nomination(proposal=p21, award_type=types["GK_SYT_CN"], person=cdc_people[0],
                                          programme=programme, state=State.APPROVED, note=NOTE,
                                          summary="Triển khai tiêm chủng mở rộng đạt 98% kế hoạch.")]
    history.import_nomination(proposal=p21, award_type=types["GK_SYT_TT"], organisation=cdc, programme=programme,
                               state=State.REJECTED, note=NOTE,
                               reason="Chương trình đã đủ số lượng tập thể được đề nghị.")
    p22 = history.import_proposal(campaign=campaign, organisation=bvbr, subcampaign=_item(campaign, "2.2"), year=2021,
                                  title="Tờ trình đề nghị khen thưởng phong trào “Đổi mới phong cách, thái độ phục "
                                        "vụ”",
                                   submitted_at=submitted, note=NOTE)
    staff = _people(bvbr, 4)
    decided += [history.import_nomination(proposal=p22, award_type=types["GK_SYT_CN"], person=person,
                                           state=State.APPROVED, note=NOTE,
                                           summary="Thực hiện tốt quy tắc ứng xử, được người bệnh khen ngợi.")
                for person in staff[:2]]
    forwarded = history.import_nomination(proposal=p22, award_type=types["BK_TINH_CN"], person=staff[2],
                                           state=State.FORWARDED, note=NOTE,
                                           summary="Ba năm liền đạt Chiến sĩ thi đua cơ sở; sáng kiến cấp tỉnh.")
    history.import_decision(
        issuer=orgs["BRVT"], title="Về việc tặng Giấy khen của Giám đốc Sở Y tế năm 2021", nominations=decided,
        number=1520, notation="QĐ-SYT", issue_date=date(2021, 12, 28), signer_title="GIÁM ĐỐC",
        signer_name="Phạm Minh An", campaign=campaign)
    for nomination in decided:
        nomination.state = State.DECIDED
        nomination.save(update_fields=["state"])
    RegisterEntry.objects.create(
        person=forwarded.person, award_type=types["BK_TINH_CN"], achievement_year=2021,
        issuer_name="Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu", reference="Số 412/QĐ-UBND", decided_on=date(2022, 2, 18),
        source=RegisterEntry.Source.HIGHER, nomination=forwarded, owner=orgs["BRVT"], note=NOTE)
    forwarded.state = State.DECIDED
    forwarded.save(update_fields=["state"])
    # An award later found to rest on a false declaration: the decision is revoked.
    p23 = history.import_proposal(campaign=campaign, organisation=orgs["BRVT:BVLL"], subcampaign=_item(campaign, "2.3"),
                                   year=2021, title="Tờ trình đề nghị khen thưởng Hội thi điều dưỡng giỏi",
                                   submitted_at=submitted, note=NOTE)
    revoked = history.import_nomination(proposal=p23, award_type=types["GK_SYT_CN"],
                                         person=_people(orgs["BRVT:BVLL"], 1)[0], state=State.APPROVED, note=NOTE,
                                         summary="Giải Nhất Hội thi điều dưỡng giỏi cấp Sở.")
    history.import_decision(
        issuer=orgs["BRVT"], title="Về việc tặng Giấy khen Hội thi điều dưỡng giỏi năm 2021", nominations=[revoked],
        number=1498, notation="QĐ-SYT", issue_date=date(2021, 12, 20), signer_title="GIÁM ĐỐC",
        signer_name="Phạm Minh An", campaign=campaign,
        revoke_reason="Kết quả kiểm tra: thành tích kê khai không đúng (giải thưởng của năm trước).")
    revoked.state, revoked.reason = State.REVOKED, "Quyết định bị thu hồi: thành tích kê khai không đúng."
    revoked.save(update_fields=["state", "reason"])
    withdrawn = history.import_proposal(campaign=campaign, organisation=orgs["BRVT:TTYT-CD"],
                                         subcampaign=_item(campaign, "2.6"), year=2021, submitted_at=submitted,
                                         title="Tờ trình đề nghị khen thưởng cá nhân", note=NOTE)
    history.import_nomination(proposal=withdrawn, award_type=types["GK_SYT_CN"],
                               person=_people(orgs["BRVT:TTYT-CD"], 1)[0], state=State.WITHDRAWN, note=NOTE,
                               summary="Đơn vị rút để đề nghị ở nội dung khác.")


# --- The live campaign -------------------------------------------------------------------------------------------


def _history(orgs, types, year: int) -> dict[str, Person]:
    """Register entries from before the system, appraisals, an initiative and a hold."""
    bva = _people(orgs["TN:BVA"], 6)
    star = bva[0]   # three CSTĐCS in a row: a candidate for CSTĐ cấp tỉnh
    for y in (year - 3, year - 2, year - 1):
        RegisterEntry.objects.create(person=star, award_type=types["CSTDCS"], achievement_year=y,
                                     issuer_name="Giám đốc Sở Y tế Thái Nguyên", reference=f"Số {200 + y % 100}/QĐ-SYT",
                                     decided_on=date(y + 1, 1, 15), owner=orgs["TN"], note=NOTE)
        RegisterEntry.objects.create(person=star, award_type=types["LDTT"], achievement_year=y,
                                     issuer_name="Giám đốc Bệnh viện A Thái Nguyên",
                                     reference=f"Số {30 + y % 100}/QĐ-BVA",
                                     decided_on=date(y, 12, 28), owner=orgs["TN"], note=NOTE)
    RegisterEntry.objects.create(organisation=orgs["TN:BVA"], award_type=types["TTLDXS"], achievement_year=year - 1,
                                 issuer_name="Chủ tịch UBND tỉnh Thái Nguyên", reference="Số 95/QĐ-UBND",
                                 decided_on=date(year, 1, 20), owner=orgs["TN"], note=NOTE)
    initiative = Initiative.objects.create(
        title="Ứng dụng phần mềm đặt lịch khám trực tuyến giảm thời gian chờ của người bệnh",
        organisation=orgs["TN:BVA"],
        level="province", recognised_on=date(year, 9, 15), recognised_by="Quyết định của Chủ tịch UBND tỉnh (minh họa)")
    initiative.authors.add(star)
    for person in bva + _people(orgs["TN:TTYT-DT"], 5) + _people(orgs["TN:BVC"], 4) + _people(orgs["TN:TTYT-PB"], 6):
        Appraisal.objects.get_or_create(person=person, year=year, defaults={"grade": "excellent" if person == star
                                                                             else "good"})
    held = _people(orgs["TN:BVC"], 4)[3]
    Hold.objects.create(person=held, kind=Hold.Kind.COMPLAINT, starts_on=date(year, 10, 2),
                        note="Đơn phản ánh đang được Thanh tra Sở xác minh (minh họa).")
    return {"star": star, "held": held}


def _live(campaign: Campaign, orgs, types, today: date) -> None:
    year = campaign.year
    people = _history(orgs, types, year)
    item1, item2, item3 = (_item(campaign, n) for n in ("1", "2", "3"))
    tt = orgs["TN"]

    def proposal(org_key, item, title):
        return services.create_proposal(by=SYSTEM, campaign=campaign, organisation=orgs[org_key], subcampaign=item,
                                        title=title, year=year)

    def nominate(p, code, person=None, organisation=None, summary="Hoàn thành xuất sắc nhiệm vụ năm " + str(year)):
        return services.add_nomination(by=SYSTEM, proposal=p, award_type=types[code], person=person,
                                       organisation=organisation, achievement_year=year, summary=summary)

    # Trung tâm Y tế Đại Từ, item 2: one of each of the secretariat's first answers.
    dt = _people(orgs["TN:TTYT-DT"], 5)
    p_dt = proposal("TN:TTYT-DT", item2, "Tờ trình đề nghị tặng Giấy khen của Giám đốc Sở – phong trào đổi mới "
                                          "phong cách phục vụ")
    n_dt = [nominate(p_dt, "GK_SYT_CN", person=p, summary=s) for p, s in zip(dt, [
        "Khảo sát hài lòng người bệnh đạt 96%, không có phản ánh.", "Triển khai đặt lịch khám qua điện thoại.",
        "Trưởng trạm y tế xã đạt chuẩn quốc gia.", "Điều dưỡng trưởng khoa, nhiều thư khen của người bệnh.",
        "Bác sĩ trạm y tế xã vùng khó khăn."], strict=True)]
    _signed_submission(p_dt)
    services.submit_proposal(by=SYSTEM, proposal=p_dt)
    services.move(by=SYSTEM, nomination=n_dt[1], target=State.RETURNED,
                  reason="Bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị.")
    services.move(by=SYSTEM, nomination=n_dt[2], target=State.ACCEPTED)
    services.move(by=SYSTEM, nomination=n_dt[3], target=State.REJECTED,
                  reason="Thành tích trùng với đề nghị khen thưởng chuyên đề đã xét trong năm.")
    services.move(by=SYSTEM, nomination=n_dt[4], target=State.WITHDRAWN)

    # Bệnh viện A, item 1: the council's business, and a disclosure for a Huân chương.
    bva = _people(orgs["TN:BVA"], 6)
    p_bva = proposal("TN:BVA", item1, "Tờ trình đề nghị khen thưởng cá nhân có thành tích xuất sắc năm " + str(year))
    star = nominate(p_bva, "CSTD_TINH", person=people["star"],
                    summary="Ba năm liên tục đạt Chiến sĩ thi đua cơ sở; sáng kiến đặt lịch khám trực tuyến được công "
                            "nhận cấp tỉnh.")
    bk = nominate(p_bva, "BK_TINH_CN", person=bva[1], summary="Chủ trì triển khai bệnh án điện tử toàn viện.")
    medal = nominate(p_bva, "HCLD3_CN", person=bva[2], summary="Hơn 25 năm công tác, nhiều năm Chiến sĩ thi đua.")
    # The forwarded nomination's báo cáo thành tích travels in the electronic dossier (issue 16).
    services.add_nomination_file(by=SYSTEM, nomination=star, upload=SimpleUploadedFile(
        "bao-cao-thanh-tich.pdf", _achievement_report_pdf(people["star"].full_name), content_type="application/pdf"))
    _signed_submission(p_bva)
    services.submit_proposal(by=SYSTEM, proposal=p_bva)
    services.accept_many(by=SYSTEM, nominations=[star, bk, medal])
    services.open_disclosure(by=SYSTEM, issuer=tt, nominations=[medal], starts_on=today - timedelta(days=3),
                             working_days=10, published_at="Cổng thông tin điện tử Sở Y tế Thái Nguyên",
                             title="Công khai danh sách đề nghị tặng Huân chương Lao động năm " + str(year))
    term, members = _council(orgs, today - timedelta(days=1))
    session = services.create_session(by=SYSTEM, issuer=tt, title=f"Phiên họp Hội đồng Thi đua – Khen thưởng ngành "
                                       f"Y tế xét khen thưởng năm {year}", held_on=today - timedelta(days=1),
                                       place="Phòng họp Sở Y tế", members=members, nominations=[star, bk], term=term)
    seats = list(session.members.all())
    services.set_attendance(by=SYSTEM, session=session, attendance={
        m.pk: ("written" if i == len(seats) - 1 else "present") for i, m in enumerate(seats)},
        absences={seats[-1].pk: services.AbsenceInput(reason="Đi công tác, gửi phiếu biểu quyết")})
    services.record_tally(by=SYSTEM, tally=session.tallies.get(nomination=star), yes=6, no=0, abstain=0, approved=True)
    services.move(by=SYSTEM, nomination=star, target=State.FORWARDED)

    # Bệnh viện C, item 2: approved by the secretariat and decided; one waits in a draft decision.
    bvc = _people(orgs["TN:BVC"], 4)
    p_bvc = proposal("TN:BVC", item2, "Tờ trình đề nghị tặng Giấy khen – đổi mới phong cách phục vụ")
    n_bvc = [nominate(p_bvc, "GK_SYT_CN", person=p) for p in bvc[:3]]
    n_bvc.append(nominate(p_bvc, "GK_SYT_TT", organisation=orgs["TN:BVC-HSTC"],
                          summary="Khoa đạt tỷ lệ hài lòng cao nhất bệnh viện."))
    held = nominate(p_bvc, "GK_SYT_CN", person=people["held"], summary="Có nhiều đóng góp trong năm.")
    _signed_submission(p_bvc)
    services.submit_proposal(by=SYSTEM, proposal=p_bvc)
    services.accept_many(by=SYSTEM, nominations=[*n_bvc, held])
    for n in n_bvc:
        services.move(by=SYSTEM, nomination=n, target=State.APPROVED)
    decision = services.create_decision(by=SYSTEM, issuer=tt, campaign=campaign, nominations=n_bvc[:2] + n_bvc[3:],
                                        title="Về việc tặng Giấy khen của Giám đốc Sở Y tế")
    services.issue_decision(by=SYSTEM, decision=decision, number=412, notation="QĐ-SYT",
                            issue_date=today - timedelta(days=2), signer_prefix="KT. GIÁM ĐỐC",
                            signer_title="PHÓ GIÁM ĐỐC", signer_name="Trần Minh Khoa")

    # Trung tâm Y tế Phú Bình (donvi), item 3: a draft the unit has started.
    pb = _people(orgs["TN:TTYT-PB"], 6)
    p_pb = proposal("TN:TTYT-PB", item3, "Tờ trình đề nghị khen thưởng Hội thi điều dưỡng, trạm trưởng giỏi")
    nominate(p_pb, "GK_SYT_CN", person=pb[3], summary="Giải Nhì Hội thi trạm trưởng trạm y tế giỏi.")

    # Trung tâm Y tế Đại Từ's head decided LĐTT for its staff (the yearly path).
    unit = services.create_proposal(by=SYSTEM, campaign=campaign, organisation=orgs["TN:TTYT-DT"],
                                    kind=Proposal.Kind.UNIT, year=year,
                                    title=f"Bình xét danh hiệu thi đua năm {year} của Trung tâm Y tế Đại Từ")
    for person in dt:
        nominate(unit, "LDTT", person=person, summary="Hoàn thành tốt nhiệm vụ, chấp hành tốt nội quy.")
    minutes = _minutes(orgs["TN:TTYT-DT"], dt, today - timedelta(days=5), "Dương Văn Quang")
    services.add_proposal_file(by=SYSTEM, proposal=unit, kind="minutes",
                               upload=SimpleUploadedFile("bien-ban-binh-xet.pdf", minutes,
                                                         content_type="application/pdf"))
    services.decide_unit_titles(by=SYSTEM, proposal=unit, number=215, notation="QĐ-TTYT",
                                issue_date=today - timedelta(days=4),
                                signer_prefix="", signer_title="GIÁM ĐỐC", signer_name="Dương Văn Quang")


def _council_term(orgs, today: date) -> CouncilTerm:
    """Sở Y tế Thái Nguyên's Hội đồng Thi đua – Khen thưởng for the term running today (once): the
    director in the chair, a deputy director as vice-chair, the secretariat's officer as secretary,
    heads of offices and of a hospital as members (the hospital's head stands aside for its staff)."""
    tt = orgs["TN"]
    term = CouncilTerm.objects.filter(issuer=tt, starts_on__lte=today, ends_on__gte=today).first()
    if term is not None:
        return term
    start = today.year - (today.year - 2026) % 5      # terms of five years: 2026–2030, 2031–2035…
    term = services.create_term(
        by=SYSTEM, issuer=tt, name=f"{start}–{start + 4}", starts_on=date(start, 1, 1), ends_on=date(start + 4, 12, 31),
        decision=f"Quyết định số 15/QĐ-SYT ngày 05/01/{start} của Giám đốc Sở Y tế về việc kiện toàn Hội đồng Thi đua "
                 f"– Khen thưởng ngành Y tế nhiệm kỳ {start}–{start + 4} ({NOTE.lower()})")
    leader = Person.objects.filter(user__username="lanhdao").first()
    secretary = Person.objects.filter(user__username="thuongtruc").first() or _people(orgs["TN:TCHC"], 1)[0]
    seats = [(_people(orgs["TN:BGD"], 1)[0], "chair", "Giám đốc Sở Y tế")]
    if leader is not None:
        seats.append((leader, "vice_chair", "Phó Giám đốc Sở Y tế"))
    seats.append((secretary, "secretary", secretary.position))
    for key in ("TN:KHTC", "TN:NVY", "TN:CDN", "TN:BVA"):
        person = Person.objects.filter(user__username="hoidong").first() if key == "TN:KHTC" else None
        # The hospital's member is its director, not one of its nominees.
        person = person or _people(orgs[key], 6)[-1]
        seats.append((person, "member", person.position))
    for person, role, position in seats:
        services.add_member(by=SYSTEM, term=term, person=person, role=role, position=position or "",
                            joined_on=term.starts_on, today=today)
    return term


def _council(orgs, today: date) -> tuple[CouncilTerm, list[MemberInput]]:
    """The session's members: the council's term as it stands on the day (a session starts from it)."""
    term = _council_term(orgs, today)
    seated = award_selectors.term_members(term, day=today)
    return term, [MemberInput(m.person, m.role) for m in seated]
