"""Numbers written with digits: one span per expression, with kind, value and unit.

A span covers the number and the words that say what it counts: its scale
("млн"), currency, "%", month and year, period ("лет", "часа") or counted noun
("4 млн доз", "350 авиакомпаниями").  What each kind carries:

* ``money``    value in units of the currency (scale applied: "52 млрд долларов" → 5.2e10),
               unit the ISO code ("USD", "RUB", "EUR"…) or None for an unnamed krona/franc;
* ``percent``  value as written ("3%" → 3), unit "%" (or "п.п." for percentage points);
* ``year``     value the year ("в 2025 году" → 2025; decades "90-х" → 1990), unit None
               or "decade";
* ``date``     value None, unit the ISO 8601 form of what is known: "2020-11-23",
               "--12-02" (no year), "2013-01" (month and year), "T22:00" (a time of day,
               also "в 10.00"); a range of days gives its first day;
* ``duration`` value the count, unit the period in English ("30 лет" → 30 "year",
               "72 часа" → 72 "hour"; ages "55-летний" → 55 "year");
* ``count``    value the count with its scale ("4 млн человек" → 4e6), unit the
               counted noun as written ("человек") or None;
* ``ordinal``  value the number ("3-й", "45-го"; anniversaries "45-летие" unit "anniversary",
               centuries "19 век" unit "century");
* ``other``    measures (unit "km", "t", "m³", "°"…), scores, ratios and fractions
               ("3:1", "1/8 финала": unit "ratio", value the quotient) and anything else.

A minus glued to the digits ("до -25 °C") makes the value negative.

A range ("5-7%", "от 10 до 20", "306 из 538", "2009 и 2010 годах") is one span
whose value is its first (lower) number.  Digits that are not quantities are
skipped: URLs, e-mail addresses, percent-escapes and phone numbers, names and
models (COVID-19, Су-57, Boeing 737, G20, Tele2), "№ 5", dotted codes ("ст. 20.3.1"),
list markers and lines holding nothing but a number.

The text is scanned for digit runs with one precompiled regex; the Python work
per number is a handful of anchored ``match`` calls, so the 3 MB novel (a few
hundred numbers) takes well under 100 ms.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from tui_reader.analysis import number_units as U
from tui_reader.model import Number

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
# Scanning for bare digit runs first and trying CORE_RE only there is ~3x faster
# than CORE_RE.finditer, whose lookbehinds would run at every character.
DIGITS_RE = re.compile(r"\d+")
NUM_RE = re.compile(rf"(?P<num>{_NUM})")

# Places where digits are no quantities.  Each pattern starts with something rare
# (a scheme, "www.", a top-level domain, "@", "%") so that scanning 3 MB stays fast;
# the span is then widened back over the rest of the address.
SCHEME_RE = re.compile(r"://\S*")
WWW_RE = re.compile(r"www\.\S+")
ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
DOMAIN_PATH_RE = re.compile(r"\.(?:ru|com|org|net|рф|eu|info|io|gov|uk|de|ua|by|kz)/\S*", re.IGNORECASE)
EMAIL_RE = re.compile(r"@[\w-]+\.[\w.]+")
ADDRESS_CHAR_RE = re.compile(r"[\w.+-]")
# Tried only where a number starts: "+7 (495) 123-45-67", "8 800 555-35-35".
PHONE_RE = re.compile(r"(?:[78][ -]?)?\(?\d{3,4}\)?[ -]?\d{3}[ -]\d{2}[ -]\d{2}(?!\d)")
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
SPACES1_RE = re.compile(rf"{SP}+")
YEAR_AFTER_MONTH_RE = re.compile(rf"{SP}+(\d{{4}})(?![\d\w])")
WORD_RE = re.compile(r"[а-яё]+(?:-[а-яё]+)*(?![\w])")
# Past-tense and present verbs: "в 2020 вырос" keeps 2020 a year, not a count of "вырос".
VERB_END_RE = re.compile(r"(?:л|ла|ло|ли|ет|ит|ут|ют|ат|ят)$")
# Plural past-tense verbs are not counted nouns: "45 проголосовали".
PLURAL_PAST_RE = re.compile(r"(?:али|яли|или|ыли|ули|ся|сь)$")
TIME_AFTER_RE = re.compile(rf",?{SP}+(\d{{1,2}}):(\d{{2}})(?![\d:])")
TIME_WITH_DOT_RE = re.compile(r"\d{1,2}\.\d{2}")
AT_BEFORE_RE = re.compile(rf"(?:^|\s)(?:в|с|до|к|на){SP}$", re.IGNORECASE)
# A minus glued to the digits after a space: "до -25 °C", "−3%".
MINUS_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))[-−–]$")
# "порядка 52 млрд", "почти на 3%", "около 10", "более 300": the figure is not exact.
APPROX_BEFORE_RE = re.compile(
    rf"(?<![а-яёА-ЯЁ])(?:порядка|почти|около|более|свыше|примерно|приблизительно|менее|"
    rf"не\s+менее|не\s+более|чуть\s+(?:более|менее|больше|меньше)|больше|меньше)"
    rf"(?:{SP}+(?:на|в|до|с|чем))?{SP}+$", re.IGNORECASE)
# A Latin word (and its punctuation) right before: the novel's French with note numbers.
FOREIGN_BEFORE_RE = re.compile(rf"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[.,;:!?…)»\"]*{SP}+$")
FROM_BEFORE_RE = re.compile(rf"(?:^|(?<=\W))(?:от|с|со|между){SP}+$", re.IGNORECASE)

# "12-часовой", "21-месячный", "3-дневный": a period as an adjective.
PERIOD_STEMS = {"часов": "hour", "месячн": "month", "дневн": "day", "минутн": "minute",
                "недельн": "week", "секундн": "second", "суточн": "day", "вековн": "century"}
PERIOD_ADJECTIVES = tuple(PERIOD_STEMS)


def _period(suffix: str) -> str:
    return next(unit for stem, unit in PERIOD_STEMS.items() if suffix.startswith(stem))


# "3-й", "45-го", "2-я" are ordinals; "30-и", "20-ти", "2-х" are cardinals in oblique cases.
ORDINAL_SUFFIXES = frozenset("й я е го му м ом ой ый ий ая ое ые ых ого ому ым ыми ю".split())
CARDINAL_SUFFIXES = frozenset("и ти ми ью ух ех ох".split())


@dataclass(slots=True)
class _Parsed:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    scale: float = 1.0
    value_max: float | None = None  # a range's upper end


def find_numbers(text: str) -> list[Number]:
    """Every digit expression of ``text``, sorted, non-overlapping."""
    skip = _excluded_ranges(text)
    skip_starts = [s for s, _ in skip]
    out: list[Number] = []
    pos = 0
    for run in DIGITS_RE.finditer(text):
        start = run.start()
        if start < pos or _inside(skip, skip_starts, start):
            continue
        phone = PHONE_RE.match(text, start)
        if phone is not None:
            pos = phone.end()
            continue
        m = CORE_RE.match(text, start)
        if m is None:
            continue
        parsed = _parse(text, m)
        if parsed is None:
            pos = m.end()  # the rest of a rejected "70 000" is no number of its own
            continue
        if _is_footnote_mark(text, start, parsed):
            pos = parsed.end
            continue
        if out and parsed.start < out[-1].end:  # a prefix reached back into the last span
            parsed.start = out[-1].end
        approx = APPROX_BEFORE_RE.search(_before(text, parsed.start, 30)) is not None
        # A 309-digit number (or one scaled past it) is infinite as a float: JSON has no
        # such value, and no reader needs it, so it has none ("value": null).
        value = parsed.value if parsed.value is None or math.isfinite(parsed.value) else None
        value_max = parsed.value_max if parsed.value_max is None or math.isfinite(parsed.value_max) else None
        if parsed.kind == "date":  # the ISO form is the date's value, not a unit
            out.append(Number(parsed.start, parsed.end, "date", None, None, None, approx, parsed.unit))
        else:
            out.append(Number(parsed.start, parsed.end, parsed.kind, value, parsed.unit, value_max, approx))
        pos = parsed.end
    return out


# --- context checks -----------------------------------------------------------------

def _is_footnote_mark(text: str, start: int, parsed: _Parsed) -> bool:
    """The novel's note numbers: a bare integer right after a foreign (Latin) phrase,
    «…les Rohans, 10 одна из…» (the translation is in a note).  A quantity after Latin
    text has a unit of its own (money, %, a measure) and is kept."""
    if parsed.kind not in ("count", "other") or parsed.scale != 1.0 or parsed.start != start:
        return False
    if not text[start:parsed.end].split()[0].isdigit():
        return False
    return FOREIGN_BEFORE_RE.search(_before(text, start, 30)) is not None


def _excluded_ranges(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and percent-escapes, sorted and merged."""
    found = [(m.start(), m.end()) for pattern in (WWW_RE, ESCAPE_RE) for m in pattern.finditer(text)]
    for pattern in (SCHEME_RE, DOMAIN_PATH_RE, EMAIL_RE):
        for m in pattern.finditer(text):
            start = m.start()
            while start > 0 and ADDRESS_CHAR_RE.match(text, start - 1):
                start -= 1
            found.append((start, m.end()))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(ranges: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _before(text: str, pos: int, width: int = 24) -> str:
    return text[max(0, pos - width):pos]


def _is_name_part(text: str, start: int) -> bool:
    before = _before(text, start, 8)
    return bool(NAME_HYPHEN_RE.search(before) or NUMERO_BEFORE_RE.search(before))


def _is_label(text: str, start: int, end: int) -> bool:
    """A footnote mark ("[1]") or the end of a quoted name («Россия 1», "Москва 24")."""
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return True
    return text[end:end + 1] in "»”\"" and end < len(text) and NAME_BEFORE_RE.search(_before(text, start, 30)) is not None


def _is_standalone(text: str, start: int, end: int) -> bool:
    """A list marker ("1." opening a line) or a line that is nothing but this number."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return LIST_MARKER_AFTER_RE.match(text, end) is not None


# --- parsing one number ---------------------------------------------------------------

def _to_float(raw: str) -> float:
    return float(re.sub(SP, "", raw).replace(",", "."))


def _parse(text: str, m: re.Match[str]) -> _Parsed | None:
    start = m.start()
    if _is_name_part(text, start):
        return None
    if m.group("iso"):
        return _Parsed(start, m.end(), "date", None, m.group("iso"))
    if m.group("dm"):
        day, month = (int(x) for x in m.group("dm").split("."))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return _with_time(text, _Parsed(start, m.end(), "date", None, f"--{month:02d}-{day:02d}"))
        m = NUM_RE.match(text, start)
    elif m.group("dmy"):
        day, month, year = (int(x) for x in re.split(r"[./]", m.group("dmy")))
        if 1 <= day <= 31 and 1 <= month <= 12:
            year += 2000 if year < 100 else 0
            end = _skip_year_noun(text, m.end())
            return _with_time(text, _Parsed(start, end, "date", None, f"{year:04d}-{month:02d}-{day:02d}"))
        m = NUM_RE.match(text, start)
    elif m.group("time"):
        hours, minutes = (int(x) for x in m.group("time").split(":"))
        if hours <= 24 and minutes < 60:
            return _Parsed(start, m.end(), "date", None, f"T{hours:02d}:{minutes:02d}")
        return _ratio(text, start, m.end(), m.group("time"))
    elif m.group("ratio") or m.group("frac"):
        return _ratio(text, start, m.end(), m.group("ratio") or m.group("frac"))
    parsed = _parse_quantity(text, start, m.end(), m.group("num"))
    if parsed is None:
        return None
    bare = parsed.unit is None and parsed.end == m.end()  # no unit, noun or range
    if bare and (LATIN_BEFORE_RE.search(_before(text, start, 30)) or _is_standalone(text, start, parsed.end)
                 or _is_label(text, start, parsed.end)):
        return None
    if bare and TIME_WITH_DOT_RE.fullmatch(m.group("num")) and AT_BEFORE_RE.search(_before(text, start, 4)):
        hours, minutes = (int(x) for x in m.group("num").split("."))
        if hours <= 24 and minutes < 60:  # "в 10.00 по московскому времени"
            return _Parsed(start, parsed.end, "date", None, f"T{hours:02d}:{minutes:02d}")
    _extend_back(text, parsed)
    return parsed


def _with_time(text: str, parsed: _Parsed) -> _Parsed:
    """"31.01, 20:56", "04/08/2008 12:08": a date and its time of day are one expression."""
    time = TIME_AFTER_RE.match(text, parsed.end)
    if time is not None:
        hours, minutes = int(time.group(1)), int(time.group(2))
        if hours <= 24 and minutes < 60:
            parsed.end = time.end()
            parsed.unit = f"{parsed.unit}T{hours:02d}:{minutes:02d}"
    return parsed


def _ratio(text: str, start: int, end: int, raw: str) -> _Parsed:
    """A score or ratio ("3:1", "0,5:0,5"), a fraction ("1/8 финала") or a season ("2020/21")."""
    first, second = (_to_float(x) for x in re.split(r"[:/]", raw))
    if first.is_integer() and second.is_integer():
        first, second = int(first), int(second)
    if "/" in raw and 1000 <= first <= 2100:
        return _Parsed(start, _skip_year_noun(text, end), "year", first)
    parsed = _Parsed(start, end, "other", first / second if second else None, "ratio")
    noun = _noun_after(text, end)
    if noun is not None:
        parsed.end = noun[0]
    return parsed


def _parse_quantity(text: str, start: int, end: int, raw: str) -> _Parsed | None:
    value = _to_float(raw)
    is_int = not re.search(r"[.,]", raw)
    plain_year = is_int and len(raw) == 4 and 1000 <= value <= 2100

    nxt = text[end:end + 1]
    if nxt in ".," and text[end + 1:end + 2].isdigit():
        return None  # "20.3.1", "1.2.3": an article or version number
    if nxt.isalpha() and not U.GLUED_UNIT_RE.match(text, end):
        if not HYPHEN_WORD_RE.match(text, end):
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
                parsed = _with_suffix(text, start, suffix.end(), value, suffix.group(1), plain_year)
                return _with_upper_end(parsed, second_value)
    parsed = _after_range(text, start, end, value, is_int, plain_year, is_range)
    return _with_upper_end(parsed, second_value) if is_range else parsed


def _with_upper_end(parsed: _Parsed | None, upper: float) -> _Parsed | None:
    """A range ("7–8%", "3-4 раза", "1990-2000-х"): its upper end, scaled like the value."""
    if parsed is None or parsed.kind == "date" or parsed.value is None or parsed.value_max is not None:
        return parsed
    if parsed.unit == "decade" and upper < 100:
        upper += 1900
    parsed.value_max = upper * parsed.scale
    return parsed


def _after_range(text: str, start: int, end: int, value: float, is_int: bool, plain_year: bool,
                 is_range: bool) -> _Parsed | None:
    result = _parse_units(text, start, end, value, is_int, plain_year)
    if result is not None:
        return result

    # nothing after it names a unit: join "от 10 до 20", "306 из 538", "2009 и 2010 годах"
    joined = _join(text, start, end, value, scale=1.0)
    if joined is not None:
        return joined
    noun = _noun_after(text, end)
    if noun is not None and not (plain_year and VERB_END_RE.search(noun[1])):
        return _Parsed(start, noun[0], "count", value, noun[1])
    if plain_year:
        return _Parsed(start, end, "year", value)
    return _Parsed(start, end, "count" if is_int and not is_range else "other", value)


def _parse_units(text: str, start: int, end: int, value: float, is_int: bool,
                 plain_year: bool) -> _Parsed | None:
    """The number followed by a scale and/or a unit; None when no unit follows."""
    gap = SPACES_RE.match(text, end).end()
    scale = 1.0
    scaled_end = end
    hit = U.lookup(U.SCALE_RE, U.SCALES, text, gap)
    if hit:
        scaled_end, scale = hit
        gap = SPACES_RE.match(text, scaled_end).end()

    hit = U.lookup(U.CURRENCY_RE, U.CURRENCIES, text, gap)
    if hit:
        code = hit[1]
        if code == "CODE":
            code = text[gap:hit[0]].upper()
        return _Parsed(start, hit[0], "money", value * scale, code, scale)
    hit = U.lookup(U.PERCENT_RE, U.PERCENTS, text, gap)
    if hit:
        return _Parsed(start, hit[0], "percent", value * scale, hit[1], scale)
    if scale == 1.0:
        hit = U.lookup(U.MONTH_RE, U.MONTHS, text, gap)
        if hit and is_int and 1 <= value <= 31 and gap > end:
            return _date(text, start, hit[0], int(value), int(hit[1]))
        year_noun = U.YEAR_NOUN_RE.match(text, gap)
        if year_noun and plain_year:
            return _Parsed(start, year_noun.end(), "year", value)
    hit = U.lookup(U.DURATION_RE, U.DURATIONS, text, gap)
    if hit and hit[1] == "CENTURY":
        return _Parsed(start, hit[0], "ordinal", value, "century")
    if hit:
        return _Parsed(start, hit[0], "duration", value * scale, hit[1], scale)
    hit = U.lookup(U.MEASURE_RE, U.MEASURES, text, gap)
    if hit and (gap > end or U.GLUED_UNIT_RE.match(text, end)):
        return _Parsed(start, hit[0], "other", value * scale, hit[1], scale)
    if scale != 1.0:
        joined = _join(text, start, scaled_end, value * scale, scale)
        if joined is not None:
            return joined
        noun = _noun_after(text, scaled_end)
        if noun is not None:
            return _Parsed(start, noun[0], "count", value * scale, noun[1], scale)
        return _Parsed(start, scaled_end, "count", value * scale, None, scale)
    return None


def _date(text: str, start: int, end: int, day: int, month: int) -> _Parsed:
    year = YEAR_AFTER_MONTH_RE.match(text, end)
    if year:
        end = _skip_year_noun(text, year.end())
        return _Parsed(start, end, "date", None, f"{int(year.group(1)):04d}-{month:02d}-{day:02d}")
    return _Parsed(start, end, "date", None, f"--{month:02d}-{day:02d}")


def _skip_year_noun(text: str, end: int) -> int:
    gap = SPACES_RE.match(text, end).end()
    noun = U.YEAR_NOUN_RE.match(text, gap)
    return noun.end() if noun else end


def _with_suffix(text: str, start: int, end: int, value: float, suffix: str, plain_year: bool) -> _Parsed:
    """"55-летний", "45-летие", "2018-м", "90-х", "3-й", "30-и", "5-процентный"."""
    if suffix in ORDINAL_SUFFIXES and 1 <= value <= 31 and value.is_integer():
        gap = SPACES1_RE.match(text, end)
        month = U.lookup(U.MONTH_RE, U.MONTHS, text, gap.end()) if gap else None
        if month:  # "11-го октября 1805 года"
            return _date(text, start, month[0], int(value), int(month[1]))
    if suffix.startswith("летн"):
        parsed = _Parsed(start, end, "duration", value, "year")
    elif suffix.startswith("лети"):
        parsed = _Parsed(start, end, "ordinal", value, "anniversary")
    elif suffix.startswith("процентн"):
        parsed = _Parsed(start, end, "percent", value, "%")
    elif suffix.startswith(PERIOD_ADJECTIVES):
        parsed = _Parsed(start, end, "duration", value, _period(suffix))
    elif suffix in ("х", "е", "ые", "ых") and value >= 10 and value % 10 == 0 and value <= 2100:
        decade = value + 1900 if value < 100 else value
        parsed = _Parsed(start, _skip_year_noun(text, end), "year", decade, "decade")
    elif plain_year and suffix in ORDINAL_SUFFIXES:
        parsed = _Parsed(start, _skip_year_noun(text, end), "year", value)
    elif suffix in ORDINAL_SUFFIXES:
        parsed = _Parsed(start, end, "ordinal", value)
    elif suffix in CARDINAL_SUFFIXES or suffix == "х":
        parsed = _Parsed(start, end, "count", value)
    else:
        parsed = _Parsed(start, end, "other", value)
    if parsed.end == end and parsed.kind != "year":
        noun = _noun_after(text, end)
        if noun is not None:
            parsed.end = noun[0]
            if parsed.kind == "count":
                parsed.unit = noun[1]
    return parsed


def _join(text: str, start: int, end: int, value: float, scale: float) -> _Parsed | None:
    link = JOIN_RE.match(text, end)
    if not link:
        return None
    second_match = CORE_RE.match(text, link.end())
    if second_match is None or not second_match.group("num"):
        return None
    second = _parse_quantity(text, link.end(), second_match.end(), second_match.group("num"))
    if second is None:
        return None
    if scale == 1.0 and second.scale != 1.0:
        value *= second.scale
    if second.kind == "date":
        # "с 6 по 9 апреля" starts on the 6th
        if second.unit and re.fullmatch(r"(?:\d{4}|-)-\d{2}-\d{2}", second.unit) and 1 <= value <= 31:
            second.unit = f"{second.unit[:-2]}{int(value):02d}"
        value = None
    elif second.kind == "year":
        pass  # the first year stays the value
    joined = _Parsed(start, second.end, second.kind, value, second.unit, second.scale)
    if link.group("word") in (None, "до", "по") and value is not None and second.value is not None \
            and second.kind not in ("date", "ordinal"):
        joined.value_max = second.value  # "от 10 до 20", "10 — 20 тысяч" (not "306 из 538")
    before = FROM_BEFORE_RE.search(_before(text, start, 8)) if link.group("word") in ("до", "по", "и") else None
    if before:
        joined.start = start - (len(before.group(0)))
    return joined


def _noun_after(text: str, end: int) -> tuple[int, str] | None:
    """The counted noun after a number ("350 авиакомпаниями", "3 новых завода"): (end, noun)."""
    gap = SPACES1_RE.match(text, end)
    if not gap:
        return None
    word = WORD_RE.match(text, gap.end())
    if not word or word.group() in U.STOPWORDS or len(word.group()) < 2:
        return None
    if PLURAL_PAST_RE.search(word.group()):
        return None  # a verb: "45 проголосовали", "5 собрались"
    if U.ADJECTIVE_END_RE.search(word.group()):
        gap2 = SPACES1_RE.match(text, word.end())
        noun = WORD_RE.match(text, gap2.end()) if gap2 else None
        if noun and noun.group() not in U.STOPWORDS and len(noun.group()) > 1:
            return noun.end(), noun.group()
    return word.end(), word.group()


def _extend_back(text: str, parsed: _Parsed) -> None:
    """Take in what belongs before the digits: "$5 млн", "в январе 2013 года", a minus."""
    before = _before(text, parsed.start, 16)
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
            if month and month[0] <= parsed.start + len(word.group()):
                parsed.kind, parsed.unit = "date", f"{int(parsed.value):04d}-{int(month[1]):02d}"
                parsed.value = None
