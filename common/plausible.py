"""What typed input can mean at all, before a parser reads it: which characters are digits, and
which dates an office can mean. One module, so that every form field, the results grid and every
Excel import draw the same line. Pure: no Django, no clock."""

from datetime import date

# Python's int(), Decimal() and strptime() read any Unicode decimal digit: "٣" is 3, "३" is 3,
# "𝟑" is 3. A Vietnamese office writes 0–9; another script's digit in a figure is a paste from
# elsewhere or a probe, and reading it silently would store a number nobody saw typed. So:
#   - full-width digits ("５", what an East Asian input method or a document typed with one gives)
#     are the very digits 0–9 in a wider glyph (NFKC folds them to ASCII): read as 0–9, explicitly;
#   - every other non-ASCII decimal digit is refused with DIGITS_MESSAGE.
# Ids in URLs and hidden fields are made by the application, never typed: common.forms.parse_id
# takes ASCII digits only, without this folding.
DIGITS_MESSAGE = "Chỉ dùng chữ số 0–9."
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


class NonAsciiDigit(ValueError):
    """Text holding a decimal digit that is neither 0–9 nor full-width; str() is DIGITS_MESSAGE."""

    def __init__(self, character: str):
        super().__init__(DIGITS_MESSAGE)
        self.character = character


def ascii_digits(text: str) -> str:
    """`text` with full-width digits made 0–9. Raises NonAsciiDigit for any other non-ASCII
    decimal digit; leaves everything else ("²", "½", letters) for the parser to judge."""
    if text.isascii():
        return text
    text = text.translate(_FULL_WIDTH)
    for character in text:
        if character.isdecimal() and not character.isascii():
            raise NonAsciiDigit(character)
    return text


# Births, units founded decades ago and decisions copied from paper registers reach back into the
# last century; nothing an office records lies past 2100. A year 9999 or 0001 is a slip of the
# keyboard (or a probe): stored, it sorts first or last everywhere, shows as a real date, and a
# deadline's day before 01/01/0001 (or after 31/12/9999) is an OverflowError.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE_RANGE_MESSAGE = (f"Ngày phải trong khoảng {EARLIEST_DATE:%d/%m/%Y} – {LATEST_DATE:%d/%m/%Y}; "
                      "kiểm tra lại năm.")


def is_plausible_date(day: date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE
