"""Names sort in Vietnamese order on PostgreSQL (ICU) exactly as the Python key the SQLite
default uses: the two databases agree."""

import pytest

from common.text import vi_sort_key
from tests.factories import make_org
from units.models import Organisation

pytestmark = pytest.mark.django_db

NAMES = [
    "Zê", "Đức Hòa", "Dĩ An", "Bình Dương", "Ân Thi", "Ẩn", "An Giang", "Ăn Uống", "Ơn", "Ôn", "On", "Ưu Đàm", "Uy Nỗ",
    "Đăk Hà", "Đắk Lắk", "Dung", "Dũng", "Dụng", "Trạm Y tế xã Điềm Thụy", "Trạm Y tế xã Đức Lương",
    "Trạm Y tế xã Kha Sơn", "Trạm Y tế Phường 1", "Trạm Y tế phường Thắng Nhất", "Bệnh viện A", "Bệnh viện C",
]


def test_postgresql_order_matches_the_python_key(tree):
    parent = make_org("Gốc", "GOC")
    for i, name in enumerate(NAMES):
        make_org(name, f"N{i}", parent=parent)
    from_db = list(Organisation.objects.filter(parent=parent).order_by("name").values_list("name", flat=True))
    assert from_db == sorted(NAMES, key=vi_sort_key)
    assert from_db.index("Dụng") < from_db.index("Đăk Hà") < from_db.index("Zê")
