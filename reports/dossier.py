"""The electronic dossier of a proposal forwarded upward (issue 16, item 2): what goes in it,
gathered here because the stored tờ trình and minutes are reports' editions (awards may not import
reports). The layout, names and hashes are awards.dossier's; this module only collects."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.html import escape

from awards import dossier
from awards import selectors as award_selectors
from awards.models import Disclosure, Nomination, Proposal, ProposalFile, RegisterEntry, Tally
from awards.workflow import State
from common import clock, xlsx
from common.text import format_date
from reports import pdf, selectors, services
from reports.models import DocumentEdition, SignedCopy
from units.models import Organisation

Kind = DocumentEdition.Kind


def forwarded(proposal: Proposal) -> QuerySet[Nomination]:
    """The proposal's nominations that went to the higher level: forwarded, or decided there."""
    return proposal.nominations.filter(
        Q(state=State.FORWARDED)
        | Q(state=State.DECIDED, register_entry__source=RegisterEntry.Source.HIGHER)).order_by("order", "id")


def exportable(proposal: Proposal) -> bool:
    return forwarded(proposal).exists()


def _unit(org: Organisation) -> dict:
    return {"code": org.code, "name": org.name, "kind": org.kind}


def _read(field_file) -> bytes:
    with field_file.open("rb") as stream:
        return stream.read()


def _ending(name: str, default: str = "pdf") -> str:
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else default
    return ending if ending.isalnum() and len(ending) <= 8 else default


def build(proposal: Proposal) -> tuple[str, bytes]:
    """(file name, .zip bytes) of the proposal's dossier."""
    proposal = Proposal.objects.select_related("campaign__issuer", "organisation__parent").get(pk=proposal.pk)
    nominations = list(forwarded(proposal).select_related(
        "award_type", "person__organisation", "organisation__parent").prefetch_related("files"))
    refs = {n.pk: f"N{number:03d}" for number, n in enumerate(nominations, start=1)}
    tallies = {}
    for tally in (Tally.objects.filter(nomination__in=nominations).exclude(outcome="")
                  .select_related("session").order_by("session__held_on", "id")):
        tallies[tally.nomination_id] = tally   # the latest session's count wins
    files: list[dossier.PackageFile] = []
    _proposal_files(proposal, files)
    files.append(dossier.PackageFile(path="02-danh-sach/danh-sach-de-nghi.xlsx", kind="danh_sach",
                                     content=_workbook(proposal, nominations, tallies)))
    histories = _histories(nominations)
    for number, nomination in enumerate(nominations, start=1):
        folder = f"03-de-nghi/{number:02d}-{dossier.slug(nomination.nominee_name, 40)}"
        index = 1
        for row in nomination.files.all():
            kind = "bao_cao_thanh_tich" if row.kind == "report" else "dinh_kem"
            index += _append(files, dossier.PackageFile(
                path=f"{folder}/{dossier.file_name(index, row.name)}", content=_read(row.file), kind=kind,
                title=f"{dossier.KINDS[kind]}: {nomination.nominee_name} – {row.name}", nomination=refs[nomination.pk],
                source_kind=row.kind))
        history, printed = histories[_nominee(nomination)]
        _append(files, dossier.PackageFile(
            path=f"{folder}/{index:02d}-qua-trinh-khen-thuong.pdf", content=printed, kind="qua_trinh_khen_thuong",
            title=f"Quá trình khen thưởng: {nomination.nominee_name}", nomination=refs[nomination.pk]))
    _council_files({t.session for t in tallies.values()}, files)
    _disclosure_files(proposal, nominations, files)
    manifest = {
        "created_at": clock.now().isoformat(timespec="seconds"),
        "sender": {"name": proposal.campaign.issuer.name, "code": proposal.campaign.issuer.code},
        "proposal": {
            "title": proposal.title, "year": proposal.year, "number_text": proposal.number_text,
            "campaign": proposal.campaign.title,
            "organisation": {**_unit(proposal.organisation), "parent_codes": _parent_codes(proposal.organisation)},
        },
        "nominations": [_nomination(n, refs[n.pk], tallies.get(n.pk), histories[_nominee(n)][0]) for n in nominations],
    }
    name = f"ho-so-dien-tu-to-trinh-{proposal.pk}-{dossier.slug(proposal.organisation.name, 40)}.zip"
    return name, dossier.build(manifest, files)


def _append(files: list[dossier.PackageFile], item: dossier.PackageFile) -> bool:
    """Add the file unless the same bytes are already in the same place (the proposal's files, or
    this nomination's): the signed tờ trình is both a signed copy of the edition and a file of the
    proposal. The same bytes under two nominations stay in both, each receiver's copy needs its own."""
    if any(f.nomination == item.nomination and f.sha256 == item.sha256 for f in files):
        return False
    files.append(item)
    return True


def _nominee(nomination: Nomination) -> tuple[str, int]:
    return ("p", nomination.person_id) if nomination.person_id else ("o", nomination.organisation_id)


def _histories(nominations: list[Nomination]) -> dict[tuple[str, int], tuple[list[dict], bytes]]:
    """Each nominee's award history, once even if nominated twice: the manifest's rows (revoked
    awards left out: they count for nothing above) and the printable QUÁ TRÌNH KHEN THƯỞNG, as the
    register's history page prints it, revoked ones marked."""
    found: dict[tuple[str, int], tuple[list[dict], bytes]] = {}
    for nomination in nominations:
        key = _nominee(nomination)
        if key in found:
            continue
        history = (award_selectors.award_history(person=nomination.person) if nomination.person_id
                   else award_selectors.award_history(organisation=nomination.organisation))
        rows = [{"award_type": {"code": row.award_code, "name": row.award}, "achievement_year": row.year,
                 "reference": row.number or row.reference, "decided_on": row.decided_on.isoformat()
                 if row.decided_on else None, "issuer": row.issuer, "revoked": row.revoked}
                for row in history.rows if not row.revoked]
        with pdf.without_cyclic_gc():
            printed = pdf.render_pdf(services.render_html(selectors.award_history_document(history, clock.today())))
        found[key] = (rows, printed)
    return found


def _parent_codes(org: Organisation) -> list[str]:
    """The codes above the unit, nearest first, up to its root (one query)."""
    ids = [int(part) for part in org.path.split(".") if part][:-1]
    parents = {o.pk: o.code for o in Organisation.objects.filter(pk__in=ids)}
    return [parents[pk] for pk in reversed(ids) if pk in parents]


def _nomination(nomination: Nomination, ref: str, tally: Tally | None, history: list[dict]) -> dict:
    row = {"ref": ref, "award_type": {"code": nomination.award_type.code, "name": nomination.award_type.name}}
    if hasattr(nomination, "mode"):
        row["mode"] = nomination.mode
    if nomination.person_id:
        person = nomination.person
        row["person"] = {"employee_code": person.employee_code, "full_name": person.full_name,
                         "birth_date": person.birth_date.isoformat() if person.birth_date else None,
                         "gender": person.gender, "position": person.position,
                         "organisation": _unit(person.organisation)}
        row["organisation"] = None
    else:
        row["person"] = None
        row["organisation"] = _unit(nomination.organisation)
    row.update(achievement_year=nomination.achievement_year, summary=nomination.summary, state=nomination.state)
    row["tally"] = None if tally is None else {
        "yes": tally.yes, "no": tally.no, "abstain": tally.abstain, "outcome": tally.outcome,
        "session": tally.session.title, "held_on": tally.session.held_on.isoformat()}
    row["history"] = history
    return row


def _edition_files(edition: DocumentEdition | None, folder: str, stem: str, kind: str, title: str,
                   files: list[dossier.PackageFile], start: int = 1) -> int:
    """The edition's stored copy (issued print if recorded, else the copy sent for signature) and
    every signed copy; returns the next number in the folder."""
    if edition is None:
        return start
    stored = edition.issued_file or edition.file
    number = start
    if stored:
        which = "ban hành" if edition.issued_file else "trình ký"
        number += _append(files, dossier.PackageFile(
            path=f"{folder}/{number:02d}-{stem}.pdf", content=_read(stored), kind=kind,
            title=f"{title} – phiên bản {edition.number}, bản {which}"))
    for copy in SignedCopy.objects.filter(edition=edition).order_by("uploaded_at", "id"):
        number += _append(files, dossier.PackageFile(
            path=f"{folder}/{number:02d}-{stem}-da-ky.{_ending(copy.file.name)}", content=_read(copy.file),
            kind=f"{kind}_signed", title=f"{title} – bản đã ký tải lên {format_date(copy.uploaded_at)}"))
    return number


def _proposal_files(proposal: Proposal, files: list[dossier.PackageFile]) -> None:
    folder = "01-to-trinh"
    number = _edition_files(services.current_edition(Kind.PROPOSAL, proposal.pk), folder, "to-trinh", "to_trinh",
                            f"Tờ trình {proposal.number_text}".strip(), files)
    # The tờ trình first: of two copies of the same bytes the first is kept, with its kind.
    rows = sorted(proposal.files.all(), key=lambda r: (r.kind != ProposalFile.Kind.SUBMISSION, r.uploaded_at, r.pk))
    for row in rows:
        number += _append(files, dossier.PackageFile(
            path=f"{folder}/{dossier.file_name(number, row.name)}", content=_read(row.file), kind="tep_to_trinh",
            title=f"{row.get_kind_display()}: {row.name}", source_kind=row.kind))


def _council_files(sessions, files: list[dossier.PackageFile]) -> None:
    for index, session in enumerate(sorted(sessions, key=lambda s: (s.held_on, s.pk)), start=1):
        folder = f"04-hoi-dong/{index:02d}-{dossier.slug(session.title, 40)}"
        title = f"Biên bản {session.title} ngày {format_date(session.held_on)}"
        number = _edition_files(services.current_edition(Kind.MINUTES, session.pk), folder, "bien-ban", "bien_ban",
                                title, files)
        if session.minutes:
            _append(files, dossier.PackageFile(
                path=f"{folder}/{number:02d}-bien-ban-ban-ky.{_ending(session.minutes.name)}",
                content=_read(session.minutes), kind="bien_ban_signed", title=f"{title} – bản ký tải lên"))


def _disclosure_files(proposal: Proposal, nominations: list[Nomination], files: list[dossier.PackageFile]) -> None:
    disclosures = (Disclosure.objects.filter(nominations__in=nominations).distinct()
                   .prefetch_related("nominations__award_type", "nominations__person", "nominations__organisation")
                   .order_by("starts_on", "id"))
    ours = {n.pk for n in nominations}
    for index, disclosure in enumerate(disclosures, start=1):
        files.append(dossier.PackageFile(
            path=f"05-cong-khai/{index:02d}-cong-khai.html", kind="cong_khai",
            title=f"Công khai: {disclosure.title}",
            content=_disclosure_html(disclosure, [n for n in disclosure.nominations.all() if n.pk in ours])))


def _disclosure_html(disclosure, nominations: list[Nomination]) -> bytes:
    """A plain, self-contained record of the disclosure; every value escaped (user text is data)."""
    rows = "".join(f"<tr><td>{i}</td><td>{escape(n.nominee_name)}</td><td>{escape(n.award_type.name)}</td>"
                   f"<td>{n.achievement_year}</td></tr>" for i, n in enumerate(nominations, start=1))
    comments = escape(disclosure.comments) if disclosure.comments else "Không có ý kiến."
    return (
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(disclosure.title)}</title></head><body>"
        f"<h1>{escape(disclosure.title)}</h1>"
        f"<p>Cơ quan công khai: {escape(disclosure.issuer.name)}</p>"
        f"<p>Thời gian công khai: từ ngày {format_date(disclosure.starts_on)} đến ngày "
        f"{format_date(disclosure.ends_on)} ({disclosure.working_days} ngày làm việc)</p>"
        f"<p>Nơi công khai: {escape(disclosure.published_at)}</p>"
        f"<p>Ý kiến nhận được: {comments}</p>"
        "<table border=\"1\"><thead><tr><th>STT</th><th>Cá nhân, tập thể</th><th>Danh hiệu, hình thức</th>"
        f"<th>Năm thành tích</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
    ).encode()


def _workbook(proposal: Proposal, nominations: list[Nomination], tallies: dict) -> bytes:
    rows = []
    for number, n in enumerate(nominations, start=1):
        tally = tallies.get(n.pk)
        count = f"{tally.yes}/{tally.no}/{tally.abstain} – {tally.get_outcome_display()}" if tally else ""
        rows.append([number, n.nominee_name, n.person.employee_code if n.person_id else "",
                     n.person.organisation.name if n.person_id else n.organisation.name,
                     n.award_type.name, n.achievement_year, n.summary, str(State(n.state).label), count])
    sheet = xlsx.Sheet(
        title="Danh sách đề nghị",
        headers=["STT", "Cá nhân, tập thể", "Mã cán bộ", "Đơn vị", "Danh hiệu, hình thức", "Năm thành tích",
                 "Tóm tắt thành tích", "Trạng thái", "Biểu quyết (đồng ý/không/không biểu quyết)"],
        rows=rows, widths=[6, 30, 14, 30, 35, 12, 60, 22, 30],
        heading=[f"Danh sách đề nghị khen thưởng kèm {proposal.title}", proposal.organisation.name,
                 f"Hồ sơ {proposal.campaign.issuer.name} gửi cấp trên, lập ngày {format_date(clock.today())}"])
    return xlsx.write_workbook([sheet])
