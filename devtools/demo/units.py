"""Demo organisations, people, blocs and accounts for the five source documents.

The seeds name their issuers and the offices they assign work to; they name kinds of units
without listing them ("các đơn vị trực thuộc", "UBND các xã, thị trấn", "Trạm Y tế"). Where
they do, this module supplies a plausible set (real place names of the period, but the
selection, codes and staff are illustrative). Staff names are generated deterministically;
the only real names are the signers and the contact officer printed in the seeds.

Bà Rịa-Vũng Tàu and Kon Tum provinces were merged in the 2025 reform and the districts
(Hồng Ngự, Châu Thành) were abolished on 01/07/2025: those bodies are loaded as closed, kept
as history. Sở Y tế Thái Nguyên still exists and carries the live demo campaign.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from units import services
from units.access import SYSTEM
from units.models import Bloc, BlocMember, Membership, Organisation, OrganisationKind, Person, User
from units.passwords import DEMO_PASSWORD

K = OrganisationKind
REFORM_DATE = date(2025, 7, 1)


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    children: list[Unit] = field(default_factory=list)
    legal: bool = False
    staff: int = 0


def stations(prefix: str, names: list[str], staff: int = 3) -> list[Unit]:
    return [Unit(f"{prefix}-{i + 1:02d}", f"Trạm Y tế {name}", K.STATION, staff=staff) for i, name in enumerate(names)]


def communes(names: list[str]) -> list[Unit]:
    units = []
    for i, name in enumerate(names):
        title = "thị trấn" if name.startswith("TT ") else "xã"
        plain = name.removeprefix("TT ")
        units.append(Unit(f"XA{i + 1:02d}", f"UBND {title} {plain}", K.COMMUNE_COMMITTEE, staff=2, children=[
            Unit(f"TYT{i + 1:02d}", f"Trạm Y tế {title} {plain}", K.STATION, staff=3)]))
    return units


def department_offices(codes: list[tuple[str, str]]) -> list[Unit]:
    return [Unit(code, name, K.DEPARTMENT_OFFICE, staff=4) for code, name in codes]


@dataclass
class Root:
    key: str
    name: str
    code: str
    kind: str
    parent_line: str
    name_line: str
    place: str
    children: list[Unit]
    closed_on: date | None = None
    closure_note: str = ""
    successor: str = ""


TREES: list[Root] = [
    Root("TN", "Sở Y tế Thái Nguyên", "SYT", K.DEPARTMENT, "UBND TỈNH THÁI NGUYÊN", "SỞ Y TẾ", "Thái Nguyên", [
        Unit("BGD", "Ban Giám đốc", K.DEPARTMENT_OFFICE, staff=3),
        *department_offices([
            ("TCHC", "Phòng Tổ chức - Hành chính"), ("KHTC", "Phòng Kế hoạch - Tài chính"),
            ("NVY", "Phòng Nghiệp vụ Y"), ("NVD", "Phòng Nghiệp vụ Dược"), ("TTRA", "Thanh tra Sở"),
        ]),
        Unit("CDN", "Công đoàn ngành Y tế", K.MASS_ORGANISATION, staff=2),
        Unit("CDC", "Trung tâm Kiểm soát bệnh tật", K.CDC, legal=True, staff=6, children=[
            Unit("CDC-TTGDSK", "Khoa Truyền thông - Giáo dục sức khỏe", K.INTERNAL, staff=3),
            Unit("CDC-KSBTN", "Khoa Kiểm soát bệnh truyền nhiễm", K.INTERNAL, staff=3),
        ]),
        Unit("BVA", "Bệnh viện A Thái Nguyên", K.HOSPITAL, legal=True, staff=6, children=[
            Unit("BVA-NOI", "Khoa Nội tổng hợp", K.INTERNAL, staff=4),
            Unit("BVA-NGOAI", "Khoa Ngoại tổng hợp", K.INTERNAL, staff=4),
            Unit("BVA-DD", "Phòng Điều dưỡng", K.INTERNAL, staff=3),
        ]),
        Unit("BVC", "Bệnh viện C Thái Nguyên", K.HOSPITAL, legal=True, staff=6, children=[
            Unit("BVC-HSTC", "Khoa Hồi sức tích cực - Chống độc", K.INTERNAL, staff=4),
            Unit("BVC-SAN", "Khoa Phụ sản", K.INTERNAL, staff=4),
        ]),
        Unit("BVLBP", "Bệnh viện Lao và Bệnh phổi", K.HOSPITAL, legal=True, staff=5),
        Unit("BVYHCT", "Bệnh viện Y học cổ truyền", K.HOSPITAL, legal=True, staff=5),
        Unit("TTYT-PB", "Trung tâm Y tế Phú Bình", K.HEALTH_CENTRE, legal=True, staff=6, children=[
            Unit("TTYT-PB-KB", "Khoa Khám bệnh", K.INTERNAL, staff=3),
            Unit("TTYT-PB-KSBT", "Khoa Kiểm soát bệnh tật - HIV/AIDS", K.INTERNAL, staff=3),
            *stations("TTYT-PB-TYT", ["xã Kha Sơn", "xã Tân Đức", "xã Điềm Thụy", "xã Úc Kỳ"]),
        ]),
        Unit("TTYT-DT", "Trung tâm Y tế Đại Từ", K.HEALTH_CENTRE, legal=True, staff=5, children=[
            *stations("TTYT-DT-TYT", ["xã Đức Lương", "xã Hùng Sơn", "xã Quân Chu"]),
        ]),
        Unit("TTYT-DH", "Trung tâm Y tế Đồng Hỷ", K.HEALTH_CENTRE, legal=True, staff=5, children=[
            *stations("TTYT-DH-TYT", ["xã Hóa Thượng", "xã Văn Hán", "xã Minh Lập"]),
        ]),
    ]),
    Root("KT", "Sở Y tế Kon Tum", "SYT", K.DEPARTMENT, "UBND TỈNH KON TUM", "SỞ Y TẾ", "Kon Tum", [
        Unit("BGD", "Ban Giám đốc", K.DEPARTMENT_OFFICE, staff=3),
        *department_offices([
            ("TCHC", "Phòng Tổ chức – Hành chính"), ("KHTC", "Phòng Kế hoạch – Tài chính"),
            ("NV", "Phòng Nghiệp vụ"),
        ]),
        Unit("CDN", "Công đoàn ngành Y tế", K.MASS_ORGANISATION, staff=2),
        Unit("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", K.CDC, legal=True, staff=5, children=[
            Unit("CDC-TTGDSK", "Khoa Truyền thông, giáo dục sức khỏe", K.INTERNAL, staff=3),
        ]),
        Unit("BVDK", "Bệnh viện Đa khoa tỉnh Kon Tum", K.HOSPITAL, legal=True, staff=6),
        Unit("BVYDCT", "Bệnh viện Y dược cổ truyền - Phục hồi chức năng", K.HOSPITAL, legal=True, staff=4),
        Unit("TTYT-TP", "Trung tâm Y tế thành phố Kon Tum", K.HEALTH_CENTRE, legal=True, staff=4, children=[
            *stations("TTYT-TP-TYT", ["phường Quyết Thắng", "xã Đăk Cấm"]),
        ]),
        Unit("TTYT-DH", "Trung tâm Y tế huyện Đăk Hà", K.HEALTH_CENTRE, legal=True, staff=4, children=[
            *stations("TTYT-DH-TYT", ["thị trấn Đăk Hà", "xã Hà Mòn"]),
        ]),
    ], closed_on=REFORM_DATE, successor="QN",
        closure_note="Sắp xếp đơn vị hành chính cấp tỉnh năm 2025: tỉnh Kon Tum hợp nhất vào tỉnh Quảng Ngãi."),
    Root("BRVT", "Sở Y tế Bà Rịa-Vũng Tàu", "SYT", K.DEPARTMENT, "UBND TỈNH BÀ RỊA - VŨNG TÀU", "SỞ Y TẾ",
         "Bà Rịa - Vũng Tàu", [
        Unit("BGD", "Ban Giám đốc", K.DEPARTMENT_OFFICE, staff=3),
        *department_offices([
            ("VP", "Văn phòng Sở"), ("KHTC", "Phòng Kế hoạch – Tài chính"), ("NV", "Phòng Nghiệp vụ"),
            ("TCCB", "Phòng Tổ chức cán bộ"), ("TTRA", "Thanh tra Sở"),
        ]),
        Unit("CDN", "Công đoàn ngành Y tế", K.MASS_ORGANISATION, staff=2),
        Unit("DTN", "Đoàn Thanh niên ngành Y tế", K.MASS_ORGANISATION, staff=2),
        Unit("CDC", "Trung tâm Kiểm soát bệnh tật", K.CDC, legal=True, staff=5),
        Unit("CCDS", "Chi cục Dân số - Kế hoạch hóa gia đình", K.OTHER_UNIT, legal=True, staff=3),
        Unit("CCATTP", "Chi cục An toàn vệ sinh thực phẩm", K.OTHER_UNIT, legal=True, staff=3),
        Unit("BVBR", "Bệnh viện Bà Rịa", K.HOSPITAL, legal=True, staff=6),
        Unit("BVLL", "Bệnh viện Lê Lợi", K.HOSPITAL, legal=True, staff=5),
        Unit("BVTT", "Bệnh viện Tâm thần", K.HOSPITAL, legal=True, staff=4),
        Unit("TTYT-CD", "Trung tâm Y tế huyện Châu Đức", K.HEALTH_CENTRE, legal=True, staff=4, children=[
            *stations("TTYT-CD-TYT", ["xã Kim Long", "xã Láng Lớn"]),
        ]),
        Unit("TTYT-XM", "Trung tâm Y tế huyện Xuyên Mộc", K.HEALTH_CENTRE, legal=True, staff=4, children=[
            *stations("TTYT-XM-TYT", ["xã Bưng Riềng", "xã Hòa Hiệp"]),
        ]),
        Unit("TTYT-VT", "Trung tâm Y tế thành phố Vũng Tàu", K.HEALTH_CENTRE, legal=True, staff=4, children=[
            *stations("TTYT-VT-TYT", ["Phường 1", "phường Thắng Nhất"]),
        ]),
    ], closed_on=REFORM_DATE, successor="HCM",
        closure_note="Sắp xếp đơn vị hành chính cấp tỉnh năm 2025: tỉnh Bà Rịa - Vũng Tàu hợp nhất vào Thành phố "
                     "Hồ Chí Minh."),
    Root("HN", "Ủy ban nhân dân huyện Hồng Ngự", "UBND", K.DISTRICT_COMMITTEE, "", "ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ",
         "Hồng Ngự", [
        Unit("VP", "Văn phòng HĐND và UBND Huyện", K.COMMITTEE_OFFICE, staff=3),
        Unit("PNV", "Phòng Nội vụ", K.COMMITTEE_OFFICE, staff=3),
        Unit("PYT", "Phòng Y tế", K.COMMITTEE_OFFICE, staff=3),
        Unit("VHTT", "Phòng Văn hóa và Thông tin", K.COMMITTEE_OFFICE, staff=2),
        Unit("TCKH", "Phòng Tài chính và Kế hoạch", K.COMMITTEE_OFFICE, staff=2),
        Unit("BHXH", "Bảo hiểm xã hội Huyện", K.OTHER, staff=2),
        Unit("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam Huyện", K.MASS_ORGANISATION, staff=2),
        Unit("BCD", "Ban Chỉ đạo chăm sóc sức khỏe Nhân dân Huyện", K.STEERING_BOARD),
        *communes(["TT Thường Thới Tiền", "Thường Phước 1", "Thường Phước 2", "Thường Thới Hậu A", "Thường Lạc",
                   "Long Khánh A", "Long Khánh B", "Long Thuận", "Phú Thuận A", "Phú Thuận B"]),
    ], closed_on=REFORM_DATE,
        closure_note="Kết thúc hoạt động của chính quyền cấp huyện từ 01/07/2025 (chính quyền địa phương hai cấp)."),
    Root("CT", "Ủy ban nhân dân huyện Châu Thành", "UBND", K.DISTRICT_COMMITTEE, "",
         "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Châu Thành", [
        Unit("VP", "Văn phòng HĐND và UBND Huyện", K.COMMITTEE_OFFICE, staff=3),
        Unit("PNV", "Phòng Nội vụ", K.COMMITTEE_OFFICE, staff=2),
        Unit("PYT", "Phòng Y tế", K.COMMITTEE_OFFICE, staff=3),
        Unit("TTYT", "Trung tâm Y tế Huyện", K.HEALTH_CENTRE, legal=True, staff=4),
        Unit("BCD", "Ban Chỉ đạo bảo vệ, chăm sóc, nâng cao sức khỏe nhân dân và vệ sinh an toàn thực phẩm huyện",
             K.STEERING_BOARD),
        *communes(["TT Cái Tàu Hạ", "An Hiệp", "An Khánh", "An Nhơn", "An Phú Thuận", "Hòa Tân", "Phú Hựu",
                   "Phú Long", "Tân Bình", "Tân Nhuận Đông", "Tân Phú", "Tân Phú Trung"]),
    ], closed_on=REFORM_DATE,
        closure_note="Kết thúc hoạt động của chính quyền cấp huyện từ 01/07/2025 (chính quyền địa phương hai cấp)."),
]

# The higher issuer the Sở forwards to (issue 16: the electronic dossier goes up to it). Its tree holds
# the Sở by the same code ("SYT"), so an imported dossier finds the proposing Sở and creates the rest.
TREES.append(Root("TNP", "UBND tỉnh Thái Nguyên", "UBND", K.PROVINCE_COMMITTEE, "", "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
                  "Thái Nguyên", [
                      Unit("VP", "Văn phòng UBND tỉnh", K.COMMITTEE_OFFICE, staff=2),
                      Unit("SNV", "Sở Nội vụ (Ban Thi đua - Khen thưởng)", K.DEPARTMENT, staff=2),
                      Unit("SYT", "Sở Y tế", K.DEPARTMENT),
                  ]))

# Successor bodies named by the closures above; loaded as empty roots.
SUCCESSORS = {
    "QN": ("Sở Y tế tỉnh Quảng Ngãi", "UBND TỈNH QUẢNG NGÃI", "Quảng Ngãi"),
    "HCM": ("Sở Y tế Thành phố Hồ Chí Minh", "UBND THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh"),
}

# People printed in the seeds: (root key, unit code or "" for the root, name, position, phone).
SEED_PEOPLE = [
    ("HN", "", "Huỳnh Văn Tài", "Phó Chủ tịch UBND huyện", ""),
    ("CT", "", "Đỗ Nhật Định", "Phó Chủ tịch UBND huyện", ""),
    ("KT", "BGD", "Võ Văn Thanh", "Giám đốc Sở Y tế", ""),
    ("BRVT", "BGD", "Phạm Minh An", "Giám đốc Sở Y tế", ""),
    ("TN", "BGD", "Đặng Ngọc Huy", "Giám đốc Sở Y tế", ""),
    ("TN", "TCHC", "Đinh Thị Na", "Chuyên viên", "0977763793"),
]


@dataclass
class Account:
    username: str
    full_name: str
    role: str
    root: str
    unit: str  # "" = the root itself
    position: str
    person_unit: str | None = None  # where the person works, when not the membership's unit


R = Membership.Role
ACCOUNTS = [
    Account("quantri", "Quản trị hệ thống", R.ADMIN, "TN", "", "Quản trị hệ thống"),
    Account("thuongtruc", "Nguyễn Thị Thu Hà", R.SECRETARIAT, "TN", "", "Chuyên viên thi đua, khen thưởng",
            person_unit="TCHC"),
    Account("hoidong", "Lê Văn Đức", R.COUNCIL_MEMBER, "TN", "", "Trưởng phòng Kế hoạch - Tài chính",
            person_unit="KHTC"),
    Account("lanhdao", "Trần Minh Khoa", R.LEADER, "TN", "", "Phó Giám đốc Sở Y tế", person_unit="BGD"),
    Account("donvi", "Phạm Thị Hồng Nhung", R.UNIT_STAFF, "TN", "TTYT-PB", "Chuyên viên Phòng Tổ chức - Hành chính"),
    Account("truongdonvi", "Hoàng Văn Nam", R.UNIT_HEAD, "TN", "TTYT-PB", "Giám đốc Trung tâm"),
    Account("thuongtruc.kontum", "Y Thị Hoa", R.SECRETARIAT, "KT", "", "Chuyên viên", person_unit="TCHC"),
    Account("donvi.kontum", "A Văn Sơn", R.UNIT_STAFF, "KT", "BVDK", "Chuyên viên"),
    Account("thuongtruc.brvt", "Lâm Thị Mỹ Dung", R.SECRETARIAT, "BRVT", "", "Chuyên viên Văn phòng Sở",
            person_unit="VP"),
    Account("donvi.brvt", "Trương Văn Lộc", R.UNIT_STAFF, "BRVT", "BVBR", "Chuyên viên"),
    Account("thuongtruc.hongngu", "Nguyễn Văn Hậu", R.SECRETARIAT, "HN", "", "Chuyên viên Phòng Nội vụ",
            person_unit="PNV"),
    Account("donvi.hongngu", "Võ Thị Kim Ngân", R.UNIT_STAFF, "HN", "XA02", "Công chức Văn hóa - Xã hội"),
    Account("thuongtruc.chauthanh", "Lê Minh Trí", R.SECRETARIAT, "CT", "", "Chuyên viên Phòng Nội vụ",
            person_unit="PNV"),
    Account("ubnd.tdkt", "Vũ Thị Minh Nguyệt", R.SECRETARIAT, "TNP", "", "Chuyên viên Ban Thi đua - Khen thưởng",
            person_unit="SNV"),
]

BLOCS = [
    ("TN", "Khối các bệnh viện tuyến tỉnh", [("BVA", "head"), ("BVC", "deputy"), ("BVLBP", "member"),
                                            ("BVYHCT", "member")]),
    ("TN", "Khối các trung tâm y tế", [("TTYT-PB", "head"), ("TTYT-DT", "deputy"), ("TTYT-DH", "member"),
                                      ("CDC", "member")]),
    ("TN", "Khối các phòng thuộc Sở", [("TCHC", "head"), ("KHTC", "deputy"), ("NVY", "member"), ("NVD", "member"),
                                      ("TTRA", "member")]),
    ("KT", "Khối các đơn vị trực thuộc Sở Y tế Kon Tum", [("BVDK", "head"), ("CDC", "deputy"), ("BVYDCT", "member"),
                                                         ("TTYT-TP", "member"), ("TTYT-DH", "member")]),
    ("BRVT", "Khối các bệnh viện", [("BVBR", "head"), ("BVLL", "deputy"), ("BVTT", "member")]),
    ("BRVT", "Khối các trung tâm y tế và chi cục", [("TTYT-CD", "head"), ("TTYT-XM", "deputy"), ("TTYT-VT", "member"),
                                                    ("CDC", "member"), ("CCDS", "member"), ("CCATTP", "member")]),
    ("HN", "Cụm thi đua các xã, thị trấn", [("XA01", "head"), ("XA02", "deputy")]
     + [(f"XA{i:02d}", "member") for i in range(3, 11)]),
]
# Seed 002's own bloc in the province: the Sở is a member, the other members are outside the system.
PROVINCE_BLOC = ("BRVT", "Khối thi đua VII", "Hội đồng Thi đua - Khen thưởng tỉnh Bà Rịa - Vũng Tàu")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Đoàn", "Trịnh", "Lương"]
MIDDLE_M = ["Văn", "Hữu", "Minh", "Đức", "Quốc", "Xuân", "Đình", "Công", "Thanh", "Ngọc"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Thanh", "Ngọc", "Thị Kim", "Thị Hồng", "Thị Mỹ", "Bảo"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Đức", "Hải", "Hiếu", "Hòa", "Hùng", "Khánh", "Long",
           "Minh", "Nam", "Phong", "Quân", "Quang", "Sơn", "Thắng", "Trung", "Tuấn", "Việt"]
GIVEN_F = ["Anh", "Giang", "Hà", "Hạnh", "Hương", "Huyền", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương",
           "Tâm", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Ánh"]
POSITIONS = {
    K.STATION: ["Trạm trưởng", "Y sĩ", "Hộ sinh", "Điều dưỡng"],
    K.HOSPITAL: ["Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Bác sĩ", "Điều dưỡng", "Kế toán"],
    K.INTERNAL: ["Trưởng khoa", "Bác sĩ", "Điều dưỡng", "Kỹ thuật viên", "Dược sĩ"],
    # No generated director: the demo head (truongdonvi) directs Trung tâm Y tế Phú Bình.
    K.HEALTH_CENTRE: ["Phó Giám đốc", "Trưởng phòng", "Bác sĩ", "Điều dưỡng", "Kế toán", "Y sĩ"],
    K.CDC: ["Giám đốc", "Phó Giám đốc", "Bác sĩ", "Kỹ thuật viên", "Chuyên viên"],
}
DIRECT = {"Bác sĩ", "Điều dưỡng", "Hộ sinh", "Y sĩ", "Kỹ thuật viên", "Dược sĩ", "Trạm trưởng", "Trưởng khoa"}


# Roughly how common each family name is (Nguyễn is close to four in ten Vietnamese), so that the
# demo reads like a real staff list and "nguyen van" finds people.
FAMILY_WEIGHTS = [38, 11, 9, 7, 5, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1]
MIDDLE_M_WEIGHTS = [30, 8, 8, 8, 6, 5, 6, 5, 6, 5]


def _person_name(rng: random.Random) -> tuple[str, str]:
    family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
    if rng.random() < 0.55:
        return f"{family} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}", "female"
    return f"{family} {rng.choices(MIDDLE_M, MIDDLE_M_WEIGHTS)[0]} {rng.choice(GIVEN_M)}", "male"


class Loader:
    """Creates (or finds) the demo tree through the services; running it twice adds nothing."""

    def __init__(self, log=print):
        self.log = log
        self.orgs: dict[str, Organisation] = {}
        self.codes: dict[str, int] = {}

    def org(self, key: str) -> Organisation:
        """"TN" is the root; "TN:CDC" a unit inside it."""
        return self.orgs[key]

    def load(self) -> None:
        for key, (name, parent_line, place) in SUCCESSORS.items():
            self.orgs[key] = self._root(key, name, "SYT", K.DEPARTMENT, parent_line, "SỞ Y TẾ", place)
        for tree in TREES:
            root = self._root(tree.key, tree.name, tree.code, tree.kind, tree.parent_line, tree.name_line, tree.place)
            self.orgs[tree.key] = root
            for unit in tree.children:
                self._unit(tree.key, root, unit)
        self._people()
        self._blocs()
        self._accounts()

    def close_reformed(self) -> None:
        """Close the bodies the 2025 reform ended, after their historical campaigns are loaded."""
        for tree in TREES:
            root = self.orgs[tree.key]
            if tree.closed_on and root.closed_on is None:
                successor = self.orgs.get(tree.successor) if tree.successor else None
                services.close_organisation(by=SYSTEM, organisation=root, closed_on=tree.closed_on,
                                            successor=successor, note=tree.closure_note)

    def _root(self, key, name, code, kind, parent_line, name_line, place) -> Organisation:
        existing = Organisation.objects.filter(parent__isnull=True, name=name).first()
        if existing:
            return existing
        return services.create_organisation(
            by=SYSTEM, parent=None, name=name, code=code, kind=kind, has_legal_personality=True,
            document_parent_line=parent_line, document_name_line=name_line, place_name=place,
        )

    def _unit(self, root_key: str, parent: Organisation, unit: Unit) -> None:
        root = self.orgs[root_key]
        org = Organisation.objects.filter(root=root, code=unit.code).first()
        if org is None:
            org = services.create_organisation(by=SYSTEM, parent=parent, name=unit.name, code=unit.code,
                                               kind=unit.kind, has_legal_personality=unit.legal)
        self.orgs[f"{root_key}:{unit.code}"] = org
        self.codes[f"{root_key}:{unit.code}"] = unit.staff
        for child in unit.children:
            self._unit(root_key, org, child)

    def _people(self) -> None:
        if Person.objects.filter(employee_code__startswith="DEMO-").exists():
            return
        for number, (root_key, unit_code, name, position, phone) in enumerate(SEED_PEOPLE, start=1):
            org = self.orgs[f"{root_key}:{unit_code}"] if unit_code else self.orgs[root_key]
            services.create_person(by=SYSTEM, organisation=org, full_name=name, employee_code=f"VB-{number:02d}",
                                   position=position, phone=phone, employment_type=Person.EmploymentType.CIVIL_SERVANT,
                                   start_date=date(2021, 1, 1))
        rng = random.Random(20260101)
        serial = 0
        for key, staff in self.codes.items():
            org = self.orgs[key]
            positions = POSITIONS.get(org.kind, ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên"])
            for i in range(staff):
                serial += 1
                name, gender = _person_name(rng)
                position = positions[i] if i < len(positions) else rng.choice(positions[2:] or positions)
                services.create_person(
                    by=SYSTEM, organisation=org, full_name=name, gender=gender, employee_code=f"DEMO-{serial:05d}",
                    birth_date=date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28)),
                    position=position, is_direct_worker=position in DIRECT,
                    employment_type=Person.EmploymentType.PUBLIC_EMPLOYEE if rng.random() < 0.85
                    else Person.EmploymentType.CONTRACT,
                    start_date=date(rng.randint(2005, 2023), 1, 1),
                )

    def _blocs(self) -> None:
        for root_key, name, members in BLOCS:
            organiser = self.orgs[root_key]
            bloc = Bloc.objects.filter(name=name, organiser=organiser).first() or services.create_bloc(
                by=SYSTEM, organiser=organiser, name=name,
                description="Giao ước thi đua giữa các đơn vị trong khối; trưởng khối luân phiên hằng năm.",
            )
            for code, role in members:
                if not bloc.members.filter(organisation=self.orgs[f"{root_key}:{code}"]).exists():
                    services.set_bloc_member(by=SYSTEM, bloc=bloc, organisation=self.orgs[f"{root_key}:{code}"],
                                             role=role)
        root_key, name, organiser_text = PROVINCE_BLOC
        bloc = Bloc.objects.filter(name=name).first() or services.create_bloc(
            by=SYSTEM, organiser=None, organiser_text=organiser_text, name=name,
            description="Khối thi đua của các sở, ngành tỉnh (văn bản nguồn 002); các thành viên khác ngoài hệ thống.",
        )
        if not bloc.members.exists():
            services.set_bloc_member(by=SYSTEM, bloc=bloc, organisation=self.orgs[root_key],
                                     role=BlocMember.Role.MEMBER)

    def _accounts(self) -> None:
        for i, account in enumerate(ACCOUNTS, start=1):
            if User.objects.filter(username=account.username).exists():
                continue
            root = self.orgs[account.root]
            membership_org = self.orgs[f"{account.root}:{account.unit}"] if account.unit else root
            person_org = self.orgs[f"{account.root}:{account.person_unit}"] if account.person_unit else membership_org
            person = None
            if account.role != R.ADMIN:
                person = services.create_person(
                    by=SYSTEM, organisation=person_org, full_name=account.full_name, employee_code=f"TK-{i:03d}",
                    position=account.position, employment_type=Person.EmploymentType.CIVIL_SERVANT,
                    start_date=date(2018, 1, 1),
                )
            user, _password = services.create_account(
                by=SYSTEM, username=account.username, full_name=account.full_name,
                email=f"{account.username}@demo.thidua.vn", organisation=membership_org, role=account.role,
                password=DEMO_PASSWORD, person=person, must_change_password=False,
            )
            if account.role == R.ADMIN:
                user.is_staff = True
                user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
