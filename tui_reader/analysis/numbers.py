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

from tui_reader.analysis import number_units as U
from tui_reader.analysis.number_parse import CORE_RE, Parsed, parse, text_before
from tui_reader.model import Number

SP = U.SP
# Scanning for bare digit runs first and trying CORE_RE only there is ~3x faster
# than CORE_RE.finditer, whose lookbehinds would run at every character.
DIGITS_RE = re.compile(r"\d+")

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
# "порядка 52 млрд", "почти на 3%", "около 10", "более 300": the figure is not exact.
APPROX_BEFORE_RE = re.compile(
    rf"(?<![а-яёА-ЯЁ])(?:порядка|почти|около|более|свыше|примерно|приблизительно|менее|"
    rf"не\s+менее|не\s+более|чуть\s+(?:более|менее|больше|меньше)|больше|меньше)"
    rf"(?:{SP}+(?:на|в|до|с|чем))?{SP}+$", re.IGNORECASE)
# A Latin word (and its punctuation) right before: the novel's French with note numbers.
FOREIGN_BEFORE_RE = re.compile(rf"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[.,;:!?…)»\"]*{SP}+$")

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
        parsed = parse(text, m)
        if parsed is None:
            pos = m.end()  # the rest of a rejected "70 000" is no number of its own
            continue
        if _is_footnote_mark(text, start, parsed):
            pos = parsed.end
            continue
        if out and parsed.start < out[-1].end:  # a prefix reached back into the last span
            parsed.start = out[-1].end
        approx = APPROX_BEFORE_RE.search(text_before(text, parsed.start, 30)) is not None
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

def _is_footnote_mark(text: str, start: int, parsed: Parsed) -> bool:
    """The novel's note numbers: a bare integer right after a foreign (Latin) phrase,
    «…les Rohans, 10 одна из…» (the translation is in a note).  A quantity after Latin
    text has a unit of its own (money, %, a measure) and is kept."""
    if parsed.kind not in ("count", "other") or parsed.scale != 1.0 or parsed.start != start:
        return False
    if not text[start:parsed.end].split()[0].isdigit():
        return False
    return FOREIGN_BEFORE_RE.search(text_before(text, start, 30)) is not None


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

