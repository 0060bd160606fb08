"""Parsing one number found by ``numbers.find_numbers``: what it counts, its value and unit.

Each step is an anchored ``match`` at a known position: the number itself, then the words
around it (scale, currency, month, period, counted noun), a range or a join ("от 10 до 20").
Digits that are part of a name ("Су-57", «Россия 1») or a list marker are no quantity: ``None``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.analysis import number_units as U
from tui_reader.model import NumberKind

SP = U.SP
_NUM = rf"\d{{1,3}}(?:{SP}\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"
# Where a number may start: not glued to a word, a "%" (URL escape) or a decimal point.
# (A number glued after "12-" or "07/" is the tail of a code or date already dealt with.)
CORE_RE = re.compile(
    rf"(?<![\w%])(?<!\d[.,])(?<!\d[-‐/])(?:"
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\d])"
    rf"|(?P<dmy>\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep)(?:\d{{4}}|\d{{2}}))(?![.,/]?\d)"
    rf"|(?P<dm>\d{{1,2}}\.\d{{2}})(?=,?{SP}+\d{{1,2}}:\d{{2}})"
    rf"|(?P<time>\d{{1,2}}:\d{{2}})(?![\d:])"
    rf"|(?P<ratio>\d{{1,3}}(?:,\d{{1,2}})?:\d{{1,5}}(?:,\d{{1,2}})?)(?![\d:])"
    rf"|(?P<frac>\d{{1,4}}/\d{{1,4}})(?![\d/])"
    rf"|(?P<num>{_NUM}))"
)
NUM_RE = re.compile(rf"(?P<num>{_NUM})")

# The number is the rest of a name: "COVID-19", "Су-57", "ru-43", "потока-2".
NAME_HYPHEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё][-‐]$")
# A bare number right after a Latin word is a model or version: "Boeing 737", "Windows 10".
LATIN_BEFORE_RE = re.compile(rf"[A-Za-z][A-Za-z0-9]*{SP}$")
NAME_BEFORE_RE = re.compile(rf"[«\"“„][A-ZА-ЯЁ][\w.-]*(?:{SP}[\w.-]+)*{SP}$")
NUMERO_BEFORE_RE = re.compile(rf"(?:№|(?<![A-Za-z])(?:N|No\.?)|#){SP}*$")
LIST_MARKER_AFTER_RE = re.compile(rf"[.)]{SP}|[.)]?{SP}*(?:\n|$)")
HYPHEN_WORD_RE = re.compile(r"[-‐]([а-яё]+)(?![а-яёА-ЯЁ])")
# Some texts lost the hyphen: "11 го октября", "19 летний", "1 й номер".
SPACED_SUFFIX_RE = re.compile(rf"{SP}(го|ти|ми|х|й|м|ой|ый|ий|ая|ое|лет(?:н|и)[а-яё]*)(?![а-яёА-ЯЁ])")
RANGE_RE = re.compile(rf"{SP}?[-–—]{SP}?(?=\d)")
JOIN_RE = re.compile(rf"(?:{SP}+(?P<word>до|по|и|или|из){SP}+|{SP}*[—–]{SP}*)(?=\d)")
SPACES_RE = re.compile(rf"{SP}*")
YEAR_AFTER_MONTH_RE = re.compile(rf"{SP}+(\d{{4}})(?![\d\w])")
# Past-tense and present verbs: "в 2020 вырос" keeps 2020 a year, not a count of "вырос".
VERB_END_RE = re.compile(r"(?:л|ла|ло|ли|ет|ит|ут|ют|ат|ят)$")
TIME_AFTER_RE = re.compile(rf",?{SP}+(\d{{1,2}}):(\d{{2}})(?![\d:])")
TIME_WITH_DOT_RE = re.compile(r"\d{1,2}\.\d{2}")
AT_BEFORE_RE = re.compile(rf"(?:^|\s)(?:в|с|до|к|на){SP}$", re.IGNORECASE)
# A minus glued to the digits after a space: "до -25 °C", "−3%".
MINUS_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))[-−–]$")
FROM_BEFORE_RE = re.compile(rf"(?:^|(?<=\W))(?:от|с|со|между){SP}+$", re.IGNORECASE)

@dataclass(slots=True)
class Parsed:
    start: int
    end: int
    kind: NumberKind
    value: float | None
    unit: str | None = None
    scale: float = 1.0
    value_max: float | None = None  # a range's upper end


def text_before(text: str, pos: int, width: int = 24) -> str:
    return text[max(0, pos - width):pos]


def _is_name_part(text: str, start: int) -> bool:
    before = text_before(text, start, 8)
    return bool(NAME_HYPHEN_RE.search(before) or NUMERO_BEFORE_RE.search(before))


def _is_label(text: str, start: int, end: int) -> bool:
    """A footnote mark ("[1]") or the end of a quoted name («Россия 1», "Москва 24")."""
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return True
    return text[end:end + 1] in "»”\"" and end < len(text) and NAME_BEFORE_RE.search(text_before(text, start, 30)) is not None


def _is_standalone(text: str, start: int, end: int) -> bool:
    """A list marker ("1." opening a line) or a line that is nothing but this number."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return LIST_MARKER_AFTER_RE.match(text, end) is not None


# --- parsing one number ---------------------------------------------------------------

def _skip_spaces(text: str, pos: int) -> int:
    m = SPACES_RE.match(text, pos)  # matches the empty string too: never None
    return m.end() if m else pos


def _to_float(raw: str) -> float:
    return float(re.sub(SP, "", raw).replace(",", "."))


def _digits_at(text: str, start: int) -> re.Match[str]:
    """The plain number where a date-like match ("31.13", "45/67/89") turned out no date."""
    m = NUM_RE.match(text, start)
    assert m is not None, "CORE_RE matched digits here"
    return m


def parse(text: str, m: re.Match[str]) -> Parsed | None:
    start = m.start()
    if _is_name_part(text, start):
        return None
    if m.group("iso"):
        return Parsed(start, m.end(), "date", None, m.group("iso"))
    if m.group("dm"):
        day, month = (int(x) for x in m.group("dm").split("."))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return _with_time(text, Parsed(start, m.end(), "date", None, f"--{month:02d}-{day:02d}"))
        m = _digits_at(text, start)
    elif m.group("dmy"):
        day, month, year = (int(x) for x in re.split(r"[./]", m.group("dmy")))
        if 1 <= day <= 31 and 1 <= month <= 12:
            year += 2000 if year < 100 else 0
            end = _skip_year_noun(text, m.end())
            return _with_time(text, Parsed(start, end, "date", None, f"{year:04d}-{month:02d}-{day:02d}"))
        m = _digits_at(text, start)
    elif m.group("time"):
        hours, minutes = (int(x) for x in m.group("time").split(":"))
        if hours <= 24 and minutes < 60:
            return Parsed(start, m.end(), "date", None, f"T{hours:02d}:{minutes:02d}")
        return _ratio(text, start, m.end(), m.group("time"))
    elif m.group("ratio") or m.group("frac"):
        return _ratio(text, start, m.end(), m.group("ratio") or m.group("frac"))
    parsed = _parse_quantity(text, start, m.end(), m.group("num"))
    if parsed is None:
        return None
    bare = parsed.unit is None and parsed.end == m.end()  # no unit, noun or range
    if bare and (LATIN_BEFORE_RE.search(text_before(text, start, 30)) or _is_standalone(text, start, parsed.end)
                 or _is_label(text, start, parsed.end)):
        return None
    if bare and TIME_WITH_DOT_RE.fullmatch(m.group("num")) and AT_BEFORE_RE.search(text_before(text, start, 4)):
        hours, minutes = (int(x) for x in m.group("num").split("."))
        if hours <= 24 and minutes < 60:  # "в 10.00 по московскому времени"
            return Parsed(start, parsed.end, "date", None, f"T{hours:02d}:{minutes:02d}")
    _extend_back(text, parsed)
    return parsed


def _with_time(text: str, parsed: Parsed) -> Parsed:
    """"31.01, 20:56", "04/08/2008 12:08": a date and its time of day are one expression."""
    time = TIME_AFTER_RE.match(text, parsed.end)
    if time is not None:
        hours, minutes = int(time.group(1)), int(time.group(2))
        if hours <= 24 and minutes < 60:
            parsed.end = time.end()
            parsed.unit = f"{parsed.unit}T{hours:02d}:{minutes:02d}"
    return parsed


def _ratio(text: str, start: int, end: int, raw: str) -> Parsed:
    """A score or ratio ("3:1", "0,5:0,5"), a fraction ("1/8 финала") or a season ("2020/21")."""
    first, second = (_to_float(x) for x in re.split(r"[:/]", raw))
    if first.is_integer() and second.is_integer():
        first, second = int(first), int(second)
    if "/" in raw and 1000 <= first <= 2100:
        return Parsed(start, _skip_year_noun(text, end), "year", first)
    parsed = Parsed(start, end, "other", first / second if second else None, "ratio")
    noun = U.noun_after(text, end)
    if noun is not None:
        parsed.end = noun[0]
    return parsed


def _parse_quantity(text: str, start: int, end: int, raw: str) -> Parsed | None:
    value = _to_float(raw)
    is_int = not re.search(r"[.,]", raw)
    plain_year = is_int and len(raw) == 4 and 1000 <= value <= 2100

    nxt = text[end:end + 1]
    if nxt in ".," and text[end + 1:end + 2].isdigit():
        return None  # "20.3.1", "1.2.3": an article or version number
    if nxt.isalpha() and not U.GLUED_UNIT_RE.match(text, end) and not HYPHEN_WORD_RE.match(text, end):
        return None  # "3G", "1С": a name, not a quantity
    word = SPACED_SUFFIX_RE.match(text, end) if nxt in " \u00a0" else None
    if word is not None:
        return _with_suffix(text, start, word.end(), value, word.group(1), plain_year)
    if nxt in "-‐" and text[end + 1:end + 2].isalpha():
        word = HYPHEN_WORD_RE.match(text, end)
        if word is None:
            return None  # "123-ФЗ", "2-АГ": a code
        return _with_suffix(text, start, word.end(), value, word.group(1), plain_year)

    # "5-7%", "1981-1988 годах", "18-20 февраля"
    is_range = False
    rng = RANGE_RE.match(text, end)
    if rng:
        second = NUM_RE.match(text, rng.end())
        glued = second is not None and text[second.end():second.end() + 1].isalpha()
        if second is not None and (not glued or U.GLUED_UNIT_RE.match(text, second.end())):
            end = second.end()
            is_range = True
            second_value = _to_float(second.group("num"))
            is_int = is_int and not re.search(r"[.,]", second.group("num"))
            plain_year = plain_year and len(second.group("num")) == 4 and 1000 <= second_value <= 2100
            suffix = HYPHEN_WORD_RE.match(text, end)
            if suffix:  # "1990-2000-х годах"
                with_suffix = _with_suffix(text, start, suffix.end(), value, suffix.group(1), plain_year)
                return _with_upper_end(with_suffix, second_value)
    parsed = _after_range(text, start, end, value, is_int, plain_year, is_range)
    return _with_upper_end(parsed, second_value) if is_range else parsed


def _with_upper_end(parsed: Parsed | None, upper: float) -> Parsed | None:
    """A range ("7–8%", "3-4 раза", "1990-2000-х"): its upper end, scaled like the value."""
    if parsed is None or parsed.kind == "date" or parsed.value is None or parsed.value_max is not None:
        return parsed
    if parsed.unit == "decade" and upper < 100:
        upper += 1900
    parsed.value_max = upper * parsed.scale
    return parsed


def _after_range(text: str, start: int, end: int, value: float, is_int: bool, plain_year: bool,
                 is_range: bool) -> Parsed | None:
    result = _parse_units(text, start, end, value, is_int, plain_year)
    if result is not None:
        return result

    # nothing after it names a unit: join "от 10 до 20", "306 из 538", "2009 и 2010 годах"
    joined = _join(text, start, end, value, scale=1.0)
    if joined is not None:
        return joined
    noun = U.noun_after(text, end)
    if noun is not None and not (plain_year and VERB_END_RE.search(noun[1])):
        return Parsed(start, noun[0], "count", value, noun[1])
    if plain_year:
        return Parsed(start, end, "year", value)
    return Parsed(start, end, "count" if is_int and not is_range else "other", value)


def _parse_units(text: str, start: int, end: int, value: float, is_int: bool,
                 plain_year: bool) -> Parsed | None:
    """The number followed by a scale and/or a unit; None when no unit follows."""
    gap = _skip_spaces(text, end)
    scale = 1.0
    scaled_end = end
    hit = U.lookup(U.SCALE_RE, U.SCALES, text, gap)
    if hit:
        scaled_end, scale = hit
        gap = _skip_spaces(text, scaled_end)

    hit = U.lookup(U.CURRENCY_RE, U.CURRENCIES, text, gap)
    if hit:
        code = hit[1]
        if code == "CODE":
            code = text[gap:hit[0]].upper()
        return Parsed(start, hit[0], "money", value * scale, code, scale)
    hit = U.lookup(U.PERCENT_RE, U.PERCENTS, text, gap)
    if hit:
        return Parsed(start, hit[0], "percent", value * scale, hit[1], scale)
    if scale == 1.0:
        hit = U.lookup(U.MONTH_RE, U.MONTHS, text, gap)
        if hit and is_int and 1 <= value <= 31 and gap > end:
            return _date(text, start, hit[0], int(value), int(hit[1]))
        year_noun = U.YEAR_NOUN_RE.match(text, gap)
        if year_noun and plain_year:
            return Parsed(start, year_noun.end(), "year", value)
    hit = U.lookup(U.DURATION_RE, U.DURATIONS, text, gap)
    if hit and hit[1] == "CENTURY":
        return Parsed(start, hit[0], "ordinal", value, "century")
    if hit:
        return Parsed(start, hit[0], "duration", value * scale, hit[1], scale)
    hit = U.lookup(U.MEASURE_RE, U.MEASURES, text, gap)
    if hit and (gap > end or U.GLUED_UNIT_RE.match(text, end)):
        return Parsed(start, hit[0], "other", value * scale, hit[1], scale)
    if scale != 1.0:
        joined = _join(text, start, scaled_end, value * scale, scale)
        if joined is not None:
            return joined
        noun = U.noun_after(text, scaled_end)
        if noun is not None:
            return Parsed(start, noun[0], "count", value * scale, noun[1], scale)
        return Parsed(start, scaled_end, "count", value * scale, None, scale)
    return None


def _date(text: str, start: int, end: int, day: int, month: int) -> Parsed:
    year = YEAR_AFTER_MONTH_RE.match(text, end)
    if year:
        end = _skip_year_noun(text, year.end())
        return Parsed(start, end, "date", None, f"{int(year.group(1)):04d}-{month:02d}-{day:02d}")
    return Parsed(start, end, "date", None, f"--{month:02d}-{day:02d}")


def _skip_year_noun(text: str, end: int) -> int:
    gap = _skip_spaces(text, end)
    noun = U.YEAR_NOUN_RE.match(text, gap)
    return noun.end() if noun else end


def _with_suffix(text: str, start: int, end: int, value: float, suffix: str, plain_year: bool) -> Parsed:
    """"55-летний", "45-летие", "2018-м", "90-х", "3-й", "30-и", "5-процентный"."""
    if suffix in U.ORDINAL_SUFFIXES and 1 <= value <= 31 and value.is_integer():
        gap = U.SPACES1_RE.match(text, end)
        month = U.lookup(U.MONTH_RE, U.MONTHS, text, gap.end()) if gap else None
        if month:  # "11-го октября 1805 года"
            return _date(text, start, month[0], int(value), int(month[1]))
    if suffix.startswith("летн"):
        parsed = Parsed(start, end, "duration", value, "year")
    elif suffix.startswith("лети"):
        parsed = Parsed(start, end, "ordinal", value, "anniversary")
    elif suffix.startswith("процентн"):
        parsed = Parsed(start, end, "percent", value, "%")
    elif suffix.startswith(U.PERIOD_ADJECTIVES):
        parsed = Parsed(start, end, "duration", value, U.period_of(suffix))
    elif suffix in ("х", "е", "ые", "ых") and value >= 10 and value % 10 == 0 and value <= 2100:
        decade = value + 1900 if value < 100 else value
        parsed = Parsed(start, _skip_year_noun(text, end), "year", decade, "decade")
    elif plain_year and suffix in U.ORDINAL_SUFFIXES:
        parsed = Parsed(start, _skip_year_noun(text, end), "year", value)
    elif suffix in U.ORDINAL_SUFFIXES:
        parsed = Parsed(start, end, "ordinal", value)
    elif suffix in U.CARDINAL_SUFFIXES or suffix == "х":
        parsed = Parsed(start, end, "count", value)
    else:
        parsed = Parsed(start, end, "other", value)
    if parsed.end == end and parsed.kind != "year":
        noun = U.noun_after(text, end)
        if noun is not None:
            parsed.end = noun[0]
            if parsed.kind == "count":
                parsed.unit = noun[1]
    return parsed


def _join(text: str, start: int, end: int, value: float | None, scale: float) -> Parsed | None:
    link = JOIN_RE.match(text, end)
    if not link:
        return None
    second_match = CORE_RE.match(text, link.end())
    if second_match is None or not second_match.group("num"):
        return None
    second = _parse_quantity(text, link.end(), second_match.end(), second_match.group("num"))
    if second is None:
        return None
    if scale == 1.0 and second.scale != 1.0 and value is not None:
        value *= second.scale
    if second.kind == "date":
        # "с 6 по 9 апреля" starts on the 6th
        if second.unit and re.fullmatch(r"(?:\d{4}|-)-\d{2}-\d{2}", second.unit) and value is not None \
                and 1 <= value <= 31:
            second.unit = f"{second.unit[:-2]}{int(value):02d}"
        value = None
    elif second.kind == "year":
        pass  # the first year stays the value
    joined = Parsed(start, second.end, second.kind, value, second.unit, second.scale)
    if link.group("word") in (None, "до", "по") and value is not None and second.value is not None \
            and second.kind not in ("date", "ordinal"):
        joined.value_max = second.value  # "от 10 до 20", "10 — 20 тысяч" (not "306 из 538")
    before = FROM_BEFORE_RE.search(text_before(text, start, 8)) if link.group("word") in ("до", "по", "и") else None
    if before:
        joined.start = start - (len(before.group(0)))
    return joined


def _extend_back(text: str, parsed: Parsed) -> None:
    """Take in what belongs before the digits: "$5 млн", "в январе 2013 года", a minus."""
    before = text_before(text, parsed.start, 16)
    if parsed.kind in ("other", "percent", "money", "count") and parsed.value and MINUS_BEFORE_RE.search(before):
        parsed.start -= 1
        parsed.value = -parsed.value
        return
    prefix = U.CURRENCY_PREFIX_RE.search(before)
    if prefix:
        symbol = prefix.group().strip()
        parsed.start -= len(prefix.group())
        if parsed.kind != "money":
            parsed.kind, parsed.unit = "money", U.PREFIX_CODES.get(symbol, "USD")
        return
    if parsed.kind == "year" and parsed.unit is None:
        word = U.YEAR_PREFIX_RE.search(before)
        if word:
            parsed.start -= len(word.group())
            month = U.lookup(U.MONTH_RE, U.MONTHS, text, parsed.start)
            if month and month[0] <= parsed.start + len(word.group()) and parsed.value is not None:
                parsed.kind, parsed.unit = "date", f"{int(parsed.value):04d}-{int(month[1]):02d}"
                parsed.value = None
