"""The words that may follow (or precede) a number, for ``numbers.find_numbers``.

Each table is compiled once into one regex alternation with a named group per
entry, so classifying a number costs one ``match`` per table, not a loop over
words.  Russian inflects nouns after numerals (1 доллар, 2 доллара, 5 долларов,
about 5 долларах …), so every stem carries its case endings.
"""
from __future__ import annotations

import re
from typing import Any

# One line's worth of space: ordinary, no-break, thin and narrow no-break spaces.
# Never a newline: a number and its unit live on one line.
SP = r"[ \t\u00a0\u2007\u2009\u200a\u202f]"
# A letter may not follow a unit directly ("млн" but not "млнх"; "г." but not "где").
END = r"(?![0-9A-Za-zА-Яа-яЁё])"


def _alternation(entries: list[tuple[str, object]]) -> re.Pattern[str]:
    """One regex matching any entry's pattern at a position; group ``u<i>`` tells which."""
    parts = [f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(entries)]
    return re.compile("|".join(parts), re.IGNORECASE)


def lookup(pattern: re.Pattern[str], entries: list[tuple[str, object]], text: str,
           pos: int) -> tuple[int, Any] | None:
    """(end, value) of the table entry that matches ``text`` at ``pos``, or None."""
    m = pattern.match(text, pos)
    if not m or m.lastgroup is None:
        return None
    index = int(m.lastgroup[1:])
    return m.end(), entries[index][1]


# --- scales: "52 млрд", "8,5 миллиарда", "20 тыс." ---------------------------------
_CASES = r"(?:а|ов|ы|ам|ами|ах|е|у|ом)?"
SCALES: list[tuple[str, object]] = [
    (rf"тыс\.|тыс{END}|тысяч(?:а|и|у|ей|ам|ами|ах|ью)?{END}", 1e3),
    (rf"млн\.?{END}|миллион{_CASES}{END}", 1e6),
    (rf"млрд\.?{END}|миллиард{_CASES}{END}", 1e9),
    (rf"трлн\.?{END}|триллион{_CASES}{END}", 1e12),
]
SCALE_RE = _alternation(SCALES)

# --- currencies, after the number: unit is the ISO code ----------------------------
_DOLLAR = rf"(?:долл\.|долл(?:ар{_CASES})?{END})"
_RUBLE = rf"(?:руб\.|руб{END}|рубл(?:ь|я|ей|ям|ями|ях|е|ю|ём|ем){END})"
CURRENCIES: list[tuple[str, object]] = [
    (rf"канадск[а-я]*{SP}+{_DOLLAR}", "CAD"),
    (rf"австралийск[а-я]*{SP}+{_DOLLAR}", "AUD"),
    (rf"гонконгск[а-я]*{SP}+{_DOLLAR}", "HKD"),
    (rf"сингапурск[а-я]*{SP}+{_DOLLAR}", "SGD"),
    (rf"(?:американск[а-я]*{SP}+)?{_DOLLAR}(?:{SP}+США{END})?", "USD"),
    (rf"белорусск[а-я]*{SP}+{_RUBLE}", "BYN"),
    (rf"(?:российск[а-я]*{SP}+)?{_RUBLE}", "RUB"),
    (rf"евро{END}", "EUR"),
    (rf"фунт(?:а|ов|ы|ам|ами|ах)?(?:{SP}+стерлингов)?{END}", "GBP"),
    (rf"юан(?:ь|я|ей|ям|ями|ях|и){END}", "CNY"),
    (rf"[ий]ен(?:а|ы|у|ам|ами|ах)?{END}", "JPY"),
    (rf"шведск[а-я]*{SP}+крон[а-я]*", "SEK"),
    (rf"норвежск[а-я]*{SP}+крон[а-я]*", "NOK"),
    (rf"датск[а-я]*{SP}+крон[а-я]*", "DKK"),
    (rf"чешск[а-я]*{SP}+крон[а-я]*", "CZK"),
    (rf"крон(?:а|ы|у|ой|ам|ами|ах)?{END}", None),
    (rf"швейцарск[а-я]*{SP}+франк[а-я]*", "CHF"),
    (rf"франк(?:а|ов|и|ам|ами|ах)?{END}", None),
    (rf"гривн(?:а|ы|у|ой|ам|ами|ах)?{END}|гривен{END}", "UAH"),
    (rf"тенге{END}", "KZT"),
    (rf"(?:турецк[а-я]*{SP}+)?лир(?:а|ы|у|ой|ам|ами|ах)?{END}", "TRY"),
    (rf"рупи(?:я|и|й|ям|ями|ях){END}", "INR"),
    (rf"биткоин(?:а|ов|ы|ам|ами|ах)?{END}", "BTC"),
    (rf"(?:USD|EUR|RUB|GBP|CNY|JPY|CHF|SEK|NOK|DKK|BYN|UAH|KZT|TRY|INR|BTC){END}", "CODE"),
    (r"\$", "USD"),
    (r"€", "EUR"),
    (r"£", "GBP"),
    (r"₽", "RUB"),
    (r"¥", "JPY"),
]
CURRENCY_RE = _alternation(CURRENCIES)
# Before the number: "$5 млн", "€20", "US$ 3".
CURRENCY_PREFIX_RE = re.compile(rf"(?:US\$|\$|€|£|₽){SP}?$")
PREFIX_CODES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}

# --- percent ---------------------------------------------------------------------
PERCENTS: list[tuple[str, object]] = [
    (r"%", "%"),
    (rf"процент(?:а|ов|ы|ам|ами|ах|е|у|ом)?{END}", "%"),
    (rf"п\.{SP}?п\.|процентн(?:ый|ого|ых|ым|ыми){SP}+пункт{_CASES}{END}", "п.п."),
]
PERCENT_RE = _alternation(PERCENTS)

# --- months (genitive after a day, prepositional/nominative before a year) ----------
MONTHS: list[tuple[str, object]] = [
    (rf"январ[ьяею]{END}", 1), (rf"феврал[ьяею]{END}", 2), (rf"март[аеу]?{END}", 3),
    (rf"апрел[ьяею]{END}", 4), (rf"ма[йяею]{END}", 5), (rf"июн[ьяею]{END}", 6),
    (rf"июл[ьяею]{END}", 7), (rf"август[аеу]?{END}", 8), (rf"сентябр[ьяею]{END}", 9),
    (rf"октябр[ьяею]{END}", 10), (rf"ноябр[ьяею]{END}", 11), (rf"декабр[ьяею]{END}", 12),
    # abbreviations: "4 авг", "12 сент."
    (r"янв\.?(?![а-яё])", 1), (r"февр?\.?(?![а-яё])", 2), (r"апр\.?(?![а-яё])", 4),
    (r"авг\.?(?![а-яё])", 8), (r"сент?\.?(?![а-яё])", 9), (r"окт\.?(?![а-яё])", 10),
    (r"нояб?\.?(?![а-яё])", 11), (r"дек\.?(?![а-яё])", 12),
]
MONTH_RE = _alternation(MONTHS)
# A month (or season, or "канун") just before a year belongs to the date: "в январе 2013 года".
YEAR_PREFIX_RE = re.compile(
    r"(?<![А-Яа-яЁё])(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    rf"|весн[аеуы]|лет[оау]|осен[ьи]|зим[аеуы]|канун[ае]?){SP}+$",
    re.IGNORECASE,
)

# --- a year: "2025 году", "1983 г.", "2007-2009 гг." ------------------------------------
YEAR_NOUN_RE = re.compile(rf"(?:гг?\.|год(?:а|у|ом|е|ы|ов|ах|ам)?{END})", re.IGNORECASE)

# --- durations: unit is the English name of the period -----------------------------
DURATIONS: list[tuple[str, object]] = [
    (rf"лет{END}|год(?:а|у|ом|ы|ов|ам|ами|ах)?{END}", "year"),
    (rf"месяц(?:а|ев|ы|ам|ами|ах|е)?{END}|мес\.", "month"),
    (rf"недел(?:я|и|ь|ю|ям|ями|ях|е){END}", "week"),
    (rf"(?:дн(?:я|ей|ям|ями|ях)|день|сут(?:ок|ки|кам|ками)){END}", "day"),
    (rf"час(?:а|ов|ы|ам|ами|ах)?{END}|ч\.", "hour"),
    (rf"минут(?:а|ы|у|ам|ами|ах)?{END}|мин\.", "minute"),
    (rf"секунд(?:а|ы|у|ам|ами|ах)?{END}|сек\.", "second"),
    (rf"(?:век(?:а|ов|ам|ами|ах)|столети(?:е|я|й|ям|ями|ях)){END}", "century"),
    # "19 век", "в 21 веке" name a century, not a period; "CENTURY" makes them ordinals
    (rf"(?:век|веке|веком){END}", "CENTURY"),
]
DURATION_RE = _alternation(DURATIONS)

# --- measures (kind "other"): unit is the usual symbol -----------------------------
MEASURES: list[tuple[str, object]] = [
    (rf"км/ч{END}|километр(?:а|ов)?{SP}+в{SP}+час{END}", "km/h"),
    (rf"кв\.{SP}?(?:км|километр[а-я]*){END}|км2|км²", "km²"),
    (rf"кв\.{SP}?(?:м|метр[а-я]*){END}|м2|м²", "m²"),
    (rf"куб\.{SP}?м{END}|м3|м³|кубометр{_CASES}{END}|кубических{SP}+метр{_CASES}{END}", "m³"),
    (rf"км{END}|километр{_CASES}{END}", "km"),
    (rf"см{END}|сантиметр{_CASES}{END}", "cm"),
    (rf"мм{END}|миллиметр{_CASES}{END}", "mm"),
    (rf"м{END}|метр{_CASES}{END}", "m"),
    (rf"кг{END}|килограмм{_CASES}{END}", "kg"),
    (rf"г{END}|грамм{_CASES}{END}", "g"),
    (rf"т{END}|тонн(?:а|ы|у|ой|ам|ами|ах)?{END}", "t"),
    (rf"л{END}|литр{_CASES}{END}", "l"),
    (rf"га{END}|гектар{_CASES}{END}", "ha"),
    (rf"баррел(?:ь|я|ей|ям|ями|ях|е){END}", "bbl"),
    (rf"°{SP}?[CС]?|℃|градус{_CASES}{END}", "°"),
    (rf"(?:кВт|МВт|ГВт|Вт)(?:[·*⋅]?ч)?{END}|(?:кило|мега|гига)?ватт{_CASES}{END}", "W"),
    (rf"(?:ГБ|МБ|ТБ|Гб|Мб|Тб){END}", "B"),
    (rf"раз(?:а)?{END}", "times"),
]
MEASURE_RE = _alternation(MEASURES)

# Units that may be glued to the digits with no space ("10км", "5млн", "3%").
GLUED_UNIT_RE = re.compile(
    rf"(?:км|кг|см|мм|м|г|т|л|га|млн|млрд|трлн|тыс|руб|долл|ч|мин|сек){END}|%|°|\$|€|₽|£"
)

# Words that end a count's noun phrase instead of being its noun ("5 из", "10 и").
STOPWORDS = frozenset("""
в во на с со к ко по о об обо от до из за для при без через над под про у около возле после перед между среди
и а но или да не ни же ли бы что чтобы как чем это то так уже еще ещё лишь только даже всего почти более менее
свыше примерно приблизительно тоже также когда где если хотя пока был была было были будет будут быть есть
он она оно они его ее её их им ими ему ей нам вам мы вы я ты себя свой своих своим свою своей своего сам сама
этот эта эти этих этим того тех той который которая которые которых которым кто чей весь все всех всем всё
из-за из-под по-прежнему назад спустя вперед вперёд подряд ранее позже позднее потом тогда там тут здесь
""".split())

# Endings of Russian adjectives and participles: such a word is followed by its noun
# ("3 новых завода", "15,6 млрд шведских крон").
ADJECTIVE_END_RE = re.compile(r"(?:ых|их|ые|ие|ый|ий|ой|ого|его|ому|ему|ым|им|ыми|ими|ая|яя|ую|юю|ое|ее)$")


# "12-часовой", "21-месячный", "3-дневный": a period as an adjective.
PERIOD_STEMS = {"часов": "hour", "месячн": "month", "дневн": "day", "минутн": "minute",
                "недельн": "week", "секундн": "second", "суточн": "day", "вековн": "century"}
PERIOD_ADJECTIVES = tuple(PERIOD_STEMS)


def period_of(suffix: str) -> str:
    return next(unit for stem, unit in PERIOD_STEMS.items() if suffix.startswith(stem))


# "3-й", "45-го", "2-я" are ordinals; "30-и", "20-ти", "2-х" are cardinals in oblique cases.
ORDINAL_SUFFIXES = frozenset("й я е го му м ом ой ый ий ая ое ые ых ого ому ым ыми ю".split())
CARDINAL_SUFFIXES = frozenset("и ти ми ью ух ех ох".split())


# --- the counted noun after a number ------------------------------------------------
SPACES1_RE = re.compile(rf"{SP}+")
WORD_RE = re.compile(r"[а-яё]+(?:-[а-яё]+)*(?![\w])")
# Plural past-tense verbs are not counted nouns: "45 проголосовали".
PLURAL_PAST_RE = re.compile(r"(?:али|яли|или|ыли|ули|ся|сь)$")


def noun_after(text: str, end: int) -> tuple[int, str] | None:
    """The counted noun after a number ("350 авиакомпаниями", "3 новых завода"): (end, noun)."""
    gap = SPACES1_RE.match(text, end)
    if not gap:
        return None
    word = WORD_RE.match(text, gap.end())
    if not word or word.group() in STOPWORDS or len(word.group()) < 2:
        return None
    if PLURAL_PAST_RE.search(word.group()):
        return None  # a verb: "45 проголосовали", "5 собрались"
    if ADJECTIVE_END_RE.search(word.group()):
        gap2 = SPACES1_RE.match(text, word.end())
        noun = WORD_RE.match(text, gap2.end()) if gap2 else None
        if noun and noun.group() not in STOPWORDS and len(noun.group()) > 1:
            return noun.end(), noun.group()
    return word.end(), word.group()
