"""The report's tables as an .xlsx (issue 15): one sheet per table its outline prints, in the
outline's order, named after the heading it sits under; the figures as the report prints them
(frozen once sent for signature). Plain values in, xlsx.Sheet rows out."""

from __future__ import annotations

import re
from decimal import Decimal

from common import xlsx
from reports import outlines

PLAIN_NUMBER = re.compile(r"-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?")   # not \d: Decimal() reads "٣" as 3


def number_cell(text: str):
    """A figure printed as a plain number ("33,1", "1.330.000") goes to Excel as a number; anything
    with a sign or words ("< 14", "12/12", ">100", "Không xảy ra…") stays the text it is."""
    if text and PLAIN_NUMBER.fullmatch(text.strip()):
        return Decimal(text.strip().replace(".", "").replace(",", "."))
    return text


def status_cell(row: dict) -> str:
    """The Đánh giá column as the dashboard says it: "Chưa đủ số liệu (1/3 đơn vị đã gửi)"."""
    coverage = row.get("coverage")   # absent from reports issued before coverage was recorded
    return f"{row['status']} ({coverage})" if coverage and row["status"] else row["status"]


def report_sheets(doc, heading: list[str]) -> list[xlsx.Sheet]:
    figures, year = doc.figures, doc.year
    sheets = []
    for section, name in outlines.sheet_names(doc.sections):
        block = section.block
        if block == outlines.INDICATOR_TABLES:
            sheets.append(xlsx.Sheet(name, ["Nội dung", "STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện",
                                            "Tỷ lệ (%)", "Đánh giá"],
                                     [[r["item"], r["number"], r["label"], r["unit"], number_cell(r["target"]),
                                       number_cell(r["actual"]), number_cell(r["ratio"]), status_cell(r)]
                                      for r in figures["indicators"]],
                                     widths=[30, 6, 60, 10, 14, 16, 10, 14], heading=heading))
        elif block == outlines.INDICATOR_APPENDIX:
            columns = outlines.columns_of(section, year, doc.actual_label)
            sheets.append(xlsx.Sheet(name, ["STT", "Tên chỉ tiêu", "Đvt", columns["plan"],
                                            f"{columns['result']}: Thực hiện", f"{columns['result']}: Tỷ lệ",
                                            columns["next"], "Đánh giá"],
                                     [[r["number"], r["label"], r["unit"], number_cell(r["target"]),
                                       number_cell(r["actual"]), number_cell(r["ratio"]), number_cell(r["next_target"]),
                                       status_cell(r)] for r in figures["indicators"]],
                                     widths=[6, 60, 10, 14, 16, 10, 14, 14], heading=heading))
        elif block == outlines.UNITS and doc.whole:
            sheets.append(xlsx.Sheet(name, ["STT", "Đơn vị", "Tình trạng báo cáo", "Ngày gửi", "Chỉ tiêu đạt",
                                            "Chỉ tiêu phải báo cáo", "Tỷ lệ đạt"],
                                     [[i, r["name"], r["state"], r["sent"], r["met"], r["owed"], r["share"]]
                                      for i, r in enumerate(figures["units"], start=1)],
                                     widths=[6, 50, 20, 12, 12, 12, 10], heading=heading))
        elif block == outlines.AWARDS:
            awards = figures["awards"]
            sheets.append(xlsx.Sheet(name, ["STT", "Danh hiệu, hình thức", "Loại", "Cá nhân", "Tập thể"],
                                     [[i, r["name"], r["category"], r["individuals"], r["collectives"]]
                                      for i, r in enumerate(awards["by_type"], start=1)]
                                     + [["", "Tổng cộng", "", awards["individuals"], awards["collectives"]]],
                                     widths=[6, 50, 24, 10, 10], heading=heading))
        elif block == outlines.BRIEFING:
            sheets.append(xlsx.Sheet(name, [outlines.BRIEFING_FIRST, *outlines.BRIEFING_COLUMNS],
                                     [[r["name"], *(outlines.MARK if m else "" for m in r["marks"])]
                                      for r in outlines.briefing_rows(section.data)],
                                     widths=[40, *[12] * len(outlines.BRIEFING_COLUMNS)], heading=heading))
    if not sheets:
        sheets.append(xlsx.Sheet("Báo cáo", ["Ghi chú"], [["Dàn ý của báo cáo không có bảng số liệu."]],
                                 widths=[60], heading=heading))
    return sheets
