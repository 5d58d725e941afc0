"""The electronic dossier (hồ sơ điện tử) a proposal travels upward in (issue 16, item 2; NĐ 152/2025
Art. 42): one .zip with manifest.json naming every file, its size, SHA-256 and what it is.

Pure: no database. reports.dossier gathers a proposal's files and calls `build`; the higher issuer's
import (awards.services.dossier) calls `read`, which refuses the whole package at the first thing
that does not match, with a Vietnamese sentence naming the file.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

FORMAT = "thidua-ho-so"
VERSION = 1
MANIFEST = "manifest.json"
# A zip timestamp the same on every export, so that one dossier exported twice is byte-identical.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Limits of a received package: the upload itself, how many files, and how much it unpacks to (a
# small zip can claim gigabytes: the claimed sizes are added up before anything is read, and each
# member is read no further than its claimed size).
MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_FILES = 500
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_MANIFEST_BYTES = 2 * 1024 * 1024

# What a file is: its kind in the manifest and the title shown when none is given.
KINDS = {
    "to_trinh": "Tờ trình đề nghị khen thưởng (bản lưu của hệ thống)",
    "to_trinh_signed": "Tờ trình đề nghị khen thưởng (bản đã ký số)",
    "danh_sach": "Danh sách đề nghị khen thưởng (Excel)",
    "bao_cao_thanh_tich": "Báo cáo thành tích",
    "dinh_kem": "Tài liệu kèm theo",
    "bien_ban": "Biên bản họp Hội đồng Thi đua – Khen thưởng (bản lưu của hệ thống)",
    "bien_ban_signed": "Biên bản họp Hội đồng Thi đua – Khen thưởng (bản đã ký)",
    "cong_khai": "Biên bản công khai danh sách đề nghị khen thưởng",
    "tep_to_trinh": "Tệp kèm theo tờ trình",
    "qua_trinh_khen_thuong": "Quá trình khen thưởng (trích sổ khen thưởng của cơ quan gửi)",
}
# Files printed afresh at each export with the day's date on them, from rows the manifest itself
# carries (the list from "nominations", the history from each nomination's "history"): two downloads
# of one dossier are compared by those rows, not by these files' bytes.
PRINTED_AT_EXPORT = {"danh_sach", "qua_trinh_khen_thuong"}
# Folders, numbered so that a person opening the zip reads them in the order of the dossier.
FOLDERS = {
    "to_trinh": "01-to-trinh", "to_trinh_signed": "01-to-trinh", "tep_to_trinh": "01-to-trinh",
    "danh_sach": "02-danh-sach", "bao_cao_thanh_tich": "03-de-nghi", "dinh_kem": "03-de-nghi",
    "bien_ban": "04-hoi-dong", "bien_ban_signed": "04-hoi-dong", "cong_khai": "05-cong-khai",
}

_SAFE_PATH = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class DossierError(Exception):
    """The package is refused; `str()` is the sentence shown next to the upload field."""


def slug(text: str, limit: int = 60) -> str:
    """ASCII, lower case, hyphens: "Nguyễn Văn Đức" → "nguyen-van-duc"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-") or "tep"


def file_name(number: int, name: str) -> str:
    """A numbered, safe file name that keeps the extension: (3, "Báo cáo TT.pdf") → "03-bao-cao-tt.pdf"."""
    stem, dot, ending = (name or "").rpartition(".")
    if not dot or not stem:
        stem, ending = name, ""
    ending = re.sub(r"[^a-z0-9]", "", ending.lower())[:8]
    return f"{number:02d}-{slug(stem, 50)}" + (f".{ending}" if ending else "")


def is_safe_path(path: str) -> bool:
    """Relative, forward slashes, ASCII names, no "..": what may stand in a package."""
    return (isinstance(path, str) and len(path) <= 200 and bool(_SAFE_PATH.match(path))
            and ".." not in path.split("/") and not any(part in (".", "..") for part in path.split("/")))


@dataclass
class PackageFile:
    path: str
    content: bytes
    kind: str
    title: str = ""
    nomination: str | None = None   # the nomination's ref in the manifest, or None for the proposal's
    source_kind: str = ""           # the file's own kind where it was kept (ProposalFile.Kind, NominationFile.Kind)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def build(manifest: dict, files: list[PackageFile]) -> bytes:
    """The .zip: manifest.json first (with "files" filled in), then each file in the order given.
    Raises ValueError on an unsafe or repeated path (a bug of the caller, never the user's)."""
    seen: set[str] = set()
    listed = []
    for item in files:
        if not is_safe_path(item.path) or item.path == MANIFEST or item.path in seen:
            raise ValueError(f"unsafe or repeated path {item.path!r}")
        if item.kind not in KINDS:
            raise ValueError(f"unknown kind {item.kind!r}")
        seen.add(item.path)
        row = {"path": item.path, "sha256": item.sha256, "size": len(item.content), "kind": item.kind,
               "title": item.title or KINDS[item.kind], "nomination": item.nomination}
        if item.source_kind:
            row["source_kind"] = item.source_kind
        listed.append(row)
    whole = {"format": FORMAT, "version": VERSION, **manifest, "files": listed}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _write(archive, MANIFEST, json.dumps(whole, ensure_ascii=False, indent=2, sort_keys=False).encode())
        for item in files:
            _write(archive, item.path, item.content)
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, path: str, content: bytes) -> None:
    info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, content)


@dataclass
class Package:
    manifest: dict
    files: dict[str, bytes] = field(default_factory=dict)   # path → content, every one checked

    def entries(self, nomination: str | None) -> list[dict]:
        """The manifest's file rows of one nomination (or of the proposal itself with None)."""
        return [row for row in self.manifest["files"] if row.get("nomination") == nomination]


def read(data: bytes) -> Package:
    """Open and check a received package. Raises DossierError naming what does not match."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise DossierError(f"Tệp lớn hơn {MAX_PACKAGE_BYTES // (1024 * 1024)} MB: không nhận.")
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise DossierError("Tệp không phải là gói hồ sơ điện tử (.zip).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DossierError("Tệp .zip bị hỏng, không đọc được.") from exc
    if len(members) > MAX_FILES + 1:
        raise DossierError(f"Gói có {len(members)} tệp, quá giới hạn {MAX_FILES} tệp: không nhận.")
    if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
        raise DossierError(f"Gói giải nén ra hơn {MAX_UNPACKED_BYTES // (1024 * 1024)} MB: không nhận.")
    names: set[str] = set()
    for info in members:
        name = info.filename
        if name != MANIFEST and not is_safe_path(name):
            raise DossierError(f"Gói có tệp mang đường dẫn không hợp lệ “{name[:120]}” (đường dẫn tuyệt đối, “..” "
                               "hoặc ký tự lạ): không nhận.")
        if name in names:
            raise DossierError(f"Tệp {name} xuất hiện hai lần trong gói: không nhận.")
        names.add(name)
    if MANIFEST not in names:
        raise DossierError("Gói không có bảng kê tệp: không phải hồ sơ điện tử xuất từ hệ thống.")
    manifest = _manifest(_member(archive, archive.getinfo(MANIFEST), MAX_MANIFEST_BYTES))
    listed = {row["path"]: row for row in manifest["files"]}
    for name in sorted(names - set(listed) - {MANIFEST}):
        raise DossierError(f"Tệp {name} có trong gói nhưng không có trong bảng kê tệp: hồ sơ đã bị thay đổi, "
                           "không nhận.")
    package = Package(manifest=manifest)
    for path, row in listed.items():
        if path not in names:
            raise DossierError(f"Tệp {path} ghi trong bảng kê tệp nhưng không có trong gói: hồ sơ thiếu tệp, "
                               "không nhận.")
        info = archive.getinfo(path)
        if info.file_size != row["size"]:
            raise DossierError(f"Tệp {path} có kích thước khác với bảng kê tệp: hồ sơ đã bị thay đổi, không nhận.")
        content = _member(archive, info, row["size"])
        if len(content) != row["size"]:
            raise DossierError(f"Tệp {path} có kích thước khác với bảng kê tệp: hồ sơ đã bị thay đổi, không nhận.")
        if hashlib.sha256(content).hexdigest() != row["sha256"]:
            raise DossierError(f"Tệp {path} không khớp mã SHA-256 ghi trong bảng kê tệp: hồ sơ đã bị thay đổi, "
                               "không nhận.")
        package.files[path] = content
    return package


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than `limit` + 1 whatever its header claims."""
    try:
        with archive.open(info) as stream:
            return stream.read(limit + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        # A CRC that does not match, an unknown compression, an encrypted member.
        raise DossierError(f"Tệp {info.filename} trong gói bị hỏng, không đọc được: không nhận.") from exc


def _manifest(raw: bytes) -> dict:
    if len(raw) > MAX_MANIFEST_BYTES:
        raise DossierError("Bảng kê tệp quá lớn: không nhận.")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DossierError("Bảng kê tệp không đọc được (không phải JSON UTF-8 hợp lệ).") from exc
    problem = manifest_problem(manifest)
    if problem:
        raise DossierError(f"Bảng kê tệp không hợp lệ: {problem}")
    return manifest


def _text(value, limit: int = 2000) -> bool:
    return isinstance(value, str) and len(value) <= limit


def _unit_problem(unit, where: str) -> str:
    if not isinstance(unit, dict) or not _text(unit.get("code"), 50) or not unit.get("code", "").strip():
        return f"{where}: thiếu mã đơn vị."
    if not _text(unit.get("name"), 255) or not unit["name"].strip():
        return f"{where}: thiếu tên đơn vị."
    return ""


def manifest_problem(manifest) -> str:
    """What is wrong with a manifest's shape ("" when nothing is)."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return f"không phải định dạng {FORMAT}."
    if manifest.get("version") != VERSION:
        return f"phiên bản {manifest.get('version')!r} chưa được hỗ trợ (hệ thống đọc phiên bản {VERSION})."
    sender, proposal = manifest.get("sender"), manifest.get("proposal")
    if not isinstance(sender, dict) or not _text(sender.get("name"), 255):
        return "thiếu cơ quan gửi (sender)."
    if not isinstance(proposal, dict) or not _text(proposal.get("title"), 500) or not proposal["title"].strip():
        return "thiếu trích yếu tờ trình."
    if not isinstance(proposal.get("year"), int):
        return "thiếu năm thành tích của tờ trình."
    problem = _unit_problem(proposal.get("organisation"), "đơn vị đề nghị")
    if problem:
        return problem
    nominations = manifest.get("nominations")
    if not isinstance(nominations, list) or not nominations:
        return "không có đề nghị khen thưởng nào."
    refs = set()
    for index, row in enumerate(nominations, start=1):
        where = f"đề nghị thứ {index}"
        if not isinstance(row, dict) or not _text(row.get("ref"), 50) or row["ref"] in refs:
            return f"{where}: thiếu mã tham chiếu (ref) hoặc bị trùng."
        refs.add(row["ref"])
        award = row.get("award_type")
        if not isinstance(award, dict) or not _text(award.get("code"), 20) or not award["code"]:
            return f"{where}: thiếu mã danh hiệu, hình thức."
        if not isinstance(row.get("achievement_year"), int) or not _text(row.get("summary", ""), 20000):
            return f"{where}: thiếu năm thành tích."
        person, organisation = row.get("person"), row.get("organisation")
        if (person is None) == (organisation is None):
            return f"{where}: phải có đúng một cá nhân hoặc một tập thể."
        if person is not None:
            if not isinstance(person, dict) or not _text(person.get("full_name"), 200) or not person["full_name"]:
                return f"{where}: thiếu họ tên cá nhân."
            if not _text(person.get("employee_code"), 30):
                return f"{where}: mã cán bộ không hợp lệ."
            problem = _unit_problem(person.get("organisation"), f"{where}, đơn vị công tác")
        else:
            problem = _unit_problem(organisation, f"{where}, tập thể")
        if problem:
            return problem
        problem = _history_problem(row.get("history"), where)
        if problem:
            return problem
    files = manifest.get("files")
    if not isinstance(files, list):
        return "thiếu danh sách tệp (files)."
    paths = set()
    for row in files:
        if not isinstance(row, dict) or not is_safe_path(row.get("path")) or row.get("path") == MANIFEST:
            path = row.get("path") if isinstance(row, dict) else row
            return f"tệp “{str(path)[:120]}” có đường dẫn không hợp lệ."
        if row["path"] in paths:
            return f"tệp {row['path']} được ghi hai lần."
        paths.add(row["path"])
        if not isinstance(row.get("sha256"), str) or not _SHA256.match(row["sha256"]):
            return f"tệp {row['path']}: mã SHA-256 không hợp lệ."
        if not isinstance(row.get("size"), int) or isinstance(row.get("size"), bool) or row["size"] < 0:
            return f"tệp {row['path']}: kích thước không hợp lệ."
        if row.get("kind") not in KINDS:
            return f"tệp {row['path']}: loại tệp “{str(row.get('kind'))[:40]}” không có trong định dạng."
        if row.get("nomination") is not None and row["nomination"] not in refs:
            return f"tệp {row['path']}: thuộc đề nghị “{str(row['nomination'])[:40]}” không có trong gói."
        if not _text(row.get("source_kind", ""), 20):
            return f"tệp {row['path']}: loại tệp gốc (source_kind) không hợp lệ."
    return ""


def _history_problem(history, where: str) -> str:
    """A nomination's "history" (optional: a package made before it has none)."""
    if history is None:
        return ""
    if not isinstance(history, list) or len(history) > 500:
        return f"{where}: quá trình khen thưởng (history) không hợp lệ."
    for number, row in enumerate(history, start=1):
        place = f"{where}, quá trình khen thưởng dòng {number}"
        award = row.get("award_type") if isinstance(row, dict) else None
        if not isinstance(award, dict) or not _text(award.get("code"), 20) or not award["code"] \
                or not _text(award.get("name", ""), 255):
            return f"{place}: thiếu mã danh hiệu, hình thức."
        year = row.get("achievement_year")
        if not isinstance(year, int) or isinstance(year, bool):
            return f"{place}: thiếu năm thành tích."
        if not _text(row.get("reference", ""), 200) or not _text(row.get("issuer", ""), 255):
            return f"{place}: số quyết định hoặc cơ quan quyết định không hợp lệ."
        decided_on = row.get("decided_on")
        if decided_on is not None and not (_text(decided_on, 10) and _iso_date(decided_on)):
            return f"{place}: ngày quyết định không hợp lệ."
        if not isinstance(row.get("revoked", False), bool):
            return f"{place}: cờ thu hồi (revoked) không hợp lệ."
    return ""


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def content_key(manifest: dict) -> str:
    """What a dossier says, whatever day it was downloaded: the manifest without "created_at", and
    without the bytes of the files printed at export (PRINTED_AT_EXPORT), whose rows are in it. Two
    downloads of one unchanged dossier have the same key; a changed file, nominee or count does not."""
    whole = copy.deepcopy(manifest)
    whole.pop("created_at", None)
    for row in whole.get("files") or []:
        if isinstance(row, dict) and row.get("kind") in PRINTED_AT_EXPORT:
            row.pop("sha256", None)
            row.pop("size", None)
    return hashlib.sha256(json.dumps(whole, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def units_of(manifest: dict) -> list[dict]:
    """Every unit the package names, once per code (case-insensitive), the proposing one first:
    {"code", "name", "kind", "proposing": bool}."""
    found: dict[str, dict] = {}

    def add(unit: dict, proposing: bool = False) -> None:
        key = unit["code"].strip().upper()
        if key not in found:
            found[key] = {"code": unit["code"].strip(), "name": unit["name"].strip(), "kind": unit.get("kind") or "",
                          "proposing": proposing}

    add(manifest["proposal"]["organisation"], proposing=True)
    for row in manifest["nominations"]:
        add(row["person"]["organisation"] if row.get("person") else row["organisation"])
    return list(found.values())


def people_of(manifest: dict) -> list[dict]:
    """Every person the package names, once per employee code (or per name when a code is blank)."""
    found: dict[str, dict] = {}
    for row in manifest["nominations"]:
        person = row.get("person")
        if person is None:
            continue
        key = (person.get("employee_code") or "").strip().upper() or "#" + person["full_name"]
        found.setdefault(key, {**person, "employee_code": (person.get("employee_code") or "").strip()})
    return list(found.values())
