"""manage.py benchmark_imports builds a file at the import limits, reads it, and times the refusal
of the hostile one. No database."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.slow
def test_the_command_reads_a_file_at_the_size_limits_and_times_the_refusal():
    out = StringIO()
    call_command("benchmark_imports", "--rows", "2000", "--repeat", "1", stdout=out)
    text = out.getvalue()
    assert "giải nén 20,0 MB" in text or "nặng 5,0 MB" in text
    assert "read_sheet:" in text and "1.999 dòng dữ liệu" in text and "lúc đỉnh" in text
    assert "từ chối sau" in text and "khai báo 12.000 dòng × 16.384 cột" in text
