"""Find quantities in Arabic text: digits in three scripts, words, scales, fractions, percents.

Decisions a reader of the results should know:
- A single '.' or ',' followed by exactly three digits groups thousands (``5.964`` is 5964,
  ``1,500`` is 1500) unless the integer part is 0 or longer than three digits; otherwise it is a
  decimal point (``3.5``, ``12,5 مليون``). ``٫`` is always decimal. ``٬`` groups thousands, but
  one followed by other than three digits can only be a decimal point typed with its look-alike
  (``١٢٬٥ مليار`` is 12.5 billion). The Arabic comma between digits (``100،000``) groups
  thousands when every group after it has three digits (``1990،2000`` and ``3، 4`` are lists).
- Digits glued to Latin letters, or joined by a hyphen to any letter, are part of an identifier
  (F16, 4G, COVID-19, كوفيد-19) and are not quantities, and so are digits written on the end
  of an Arabic word (جنيف1, «عيد وفلها2»); clitics alone on them are no word (و500, بـ20).
  Times, dates and ratios written with ':' or '/' (10:30, 21/9/2023, a season 2009 /2010) and
  hyphenated dates (2023-09-21) are skipped whole. Two numbers joined by a hyphen (24-7,
  2020-2023, a score 2-1) are one expression, a range or a time, not two quantities: one match
  whose value is None. Digits joined by '+' name a group (مجموعة 5+1) and are no quantity.
- A single '.' before three digits and a scale word is a decimal point (7.737 مليون is
  7,737,000, not 7,737 millions: news writes thousands of millions as مليار).
- ألف after a number that follows a reference word (قرار, رقم, المادة, البند) within three
  words, with no counted noun after it, is the letter of the reference (قرار الجمعية العامة
  217 ألف: "217 A"), not a thousand.
- A definite cardinal from three to nineteen counts after a definite noun (الأشهر الثلاثة,
  الدول الخمس الكبرى, الشهور الاثني عشر), with no counted noun kept: an adjective or the
  second noun of a construct often stands between (القباب الذهبية السبع, عجائب الدنيا
  السبع). Ordinals (ثالث، الأول), the other definite cardinals (الاثنين: also "Monday",
  العشرين: mostly "twentieth"), vague plurals (عشرات، مئات، آلاف alone) and dual nouns (طفلان
  "two children": the -ان/-ين ending is shared with names and ordinary words, لبنان، سلمان،
  حين) are not numbers.
  A fraction counts only with a scale (نصف مليون) or after a number (ثلاثة ملايين ونصف).
- Wire copy writes a decimal with ر between its parts, the fraction first as the digits ran
  right to left (``54ر45`` is 45.54, ``1ر20 مليون`` is 20,100,000, ``83ر1 متر`` is 1.83 m).
- Signs are not read: ``-5`` is 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from reader.entities.numbers.words import (
    LEXICON,
    MARK,
    NORMALIZE,
    NOT_UNITS,
    ORDINALS,
    PERCENT_AFTER_FI,
    PERCENT_WORDS,
    PREFIXED,
    PREFIXES,
    UNITS_ENDING_WA,
    Lexeme,
    fold,
)

__all__ = ["NumberMatch", "find_numbers", "parse_number"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One quantity: ``text[start:end]`` is the whole expression (clitic prefixes excluded)."""

    start: int
    end: int
    value: int | float | None  # None for a range or a time (24-7): one expression, no quantity
    percent: bool
    unit: str | None


_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_WORD_CHARS = "\u0620-\u064a\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
# One token of the folded text. `skip` swallows digit clusters that are not quantities.
_TOKEN = re.compile(
    rf"(?P<skip>{_D}+(?:[:/]{_D}+)+|{_D}{{4}} ?/ ?{_D}{{4}}(?!{_D})"
    rf"|{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?!{_D})"
    rf"|{_D}{{1,2}}-{_D}{{1,2}}-{_D}{{4}}(?!{_D})|{_D}+(?:\+{_D}+)+)"
    rf"|(?P<range>{_D}+(?:[.,\u066b]{_D}+)?[-\u2013]{_D}+(?:[.,\u066b]{_D}+)?(?![-\u2013]?{_D}))"
    rf"|(?P<rdec>{_D}+\u0631{_D}+(?!{_D}))"
    rf"|(?P<lit>{_D}{{1,3}}(?:\u060c{_D}{{3}}(?!{_D}))+|{_D}+(?:[.,\u066b\u066c]{_D}+)*)"
    rf"|(?P<word>[{_WORD_CHARS}]+)"
    r"|(?P<pct>[%\u066a])"
)
_SPACE_CHARS = " \t\u00a0\u2009\u202f\u200c\u200d\u200e\u200f\u061c"
_SPACE = re.compile(f"[{_SPACE_CHARS}]*")
_WORD = re.compile(f"[{_WORD_CHARS}]")
_LONGEST_WORD = 40
_LATIN = re.compile("[A-Za-z]")
_LETTER = re.compile(f"[A-Za-z{_WORD_CHARS}]")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEPARATORS = re.compile("([.,\u066b\u066c])")
_ALFAY = LEXICON["الفي"]
# The article with the clitics before it, as the folded noun before a definite cardinal starts.
_ARTICLES = ("وبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
# Words before a number that makes it a reference: قرار 217 ألف, المادة 12 ألف ("12 A").
_REFERENCES = frozenset(
    fold(w) for w in ["قرار", "رقم", "ماده", "بند", "فقره", "قانون", "مرسوم", "فصل"]
)
_REFERENCE_REACH = 3  # words before the number
_THOUSAND = LEXICON["الف"]
_CLITIC_LETTERS = frozenset("وفبلكا")  # و ف ب ل ك and ال, as written on a number
_MAX_CLITICS = 4  # وبال


def _literal_value(digits: str) -> Fraction | None:
    """The value of a digit cluster, resolving '.'/',' as grouping or decimal; None if malformed."""
    parts = _SEPARATORS.split(digits.translate(_TO_ASCII).replace("\u060c", "\u066c"))
    groups, seps = parts[::2], parts[1::2]
    if not seps:
        return Fraction(int(groups[0]))
    last = seps[-1]
    if "\u066b" in seps:
        decimal = seps.count("\u066b") == 1 and last == "\u066b"
        if not decimal:
            return None
    elif len(set(seps)) == 1:
        if len(seps) > 1:
            decimal = False
        elif last == "\u066c":
            decimal = len(groups[1]) != 3
        else:
            head = groups[0]
            decimal = not (len(groups[1]) == 3 and len(head) <= 3 and head[0] != "0")
    else:
        decimal = seps.count(last) == 1 and len(set(seps[:-1])) == 1
        if not decimal:
            return None
    whole = groups[:-1] if decimal else groups
    if len(whole) > 1 and (len(whole[0]) > 3 or any(len(g) != 3 for g in whole[1:])):
        return None
    value = Fraction(int("".join(whole)))
    if decimal:
        value += Fraction(int(groups[-1]), 10 ** len(groups[-1]))
    return value


def _before_scale(digits: str, value: Fraction) -> Fraction:
    """The value of digits before a scale word: a lone '.' before three digits is a decimal
    point there (7.737 مليون), where it would group thousands elsewhere."""
    head, dot, tail = digits.translate(_TO_ASCII).partition(".")
    if dot and len(tail) == 3 and "." not in tail and head.isdigit() and tail.isdigit():
        return Fraction(int(head + tail), 1000)
    return value


@dataclass(slots=True)
class _Tok:
    kind: str  # "lit" | "word" | "pct" | "range"
    start: int  # where the token's body starts (after any clitic prefix)
    end: int
    conj: bool  # joined to what precedes by و (prefix or a separate و)
    prefixed: bool  # carries a clitic other than a lone و
    lex: Lexeme | None = None
    value: Fraction | None = None


def _body_start(norm: str, start: int, prefix: str) -> int:
    """Offset of a word's body after its clitic prefix, stepping over harakat and tatweel."""
    i, left = start, len(prefix)
    while left:
        if norm[i] != MARK:
            left -= 1
        i += 1
    while norm[i] == MARK:
        i += 1
    return i


class _Parser:
    """The number grammar over one text; tokens are read lazily from any offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = text.translate(NORMALIZE)
        self._seen: dict[tuple[int, bool], _Tok | None] = {}  # tokens read for this expression

    def _identifier(self, start: int, end: int) -> bool:
        text, n = self.text, len(self.text)
        if start and _LATIN.match(text[start - 1]):
            return True
        if start and _WORD.match(self.norm[start - 1]) and not self._clitics_before(start):
            return True  # عيد وفلها2, جنيف1: digits written on a word end a name
        if end < n and _LATIN.match(text[end]):
            return True
        if start >= 2 and text[start - 1] == "-" and _LETTER.match(text[start - 2]):
            return True
        return end + 1 < n and text[end] == "-" and _LETTER.match(text[end + 1]) is not None

    def _clitics_before(self, start: int) -> bool:
        """Whether the letters written on the digits at ``start`` are only clitics (و500,
        بـ20, وبال5) rather than a word."""
        i = start
        while i and (_WORD.match(self.norm[i - 1]) or self.norm[i - 1] == MARK):
            i -= 1
        glued = self.norm[i:start].replace(MARK, "")
        return len(glued) <= _MAX_CLITICS and set(glued) <= _CLITIC_LETTERS

    def token(self, pos: int, first: bool = False) -> _Tok | None:
        """The number token at ``pos`` (after spaces), or None when the next token is not one."""
        key = (pos, first)
        if key not in self._seen:
            self._seen[key] = self._read(pos, first)
        return self._seen[key]

    def _read(self, pos: int, first: bool) -> _Tok | None:
        norm = self.norm
        pos = _SPACE.match(norm, pos).end()
        m = _TOKEN.match(norm, pos)
        if m is None:
            return None
        kind = m.lastgroup
        if kind == "word":
            word = m.group()
            key = word.replace(MARK, "") if MARK in word else word
            if key == "و" and not first:
                after = self.token(m.end(), first=True)  # first: a second lone و ends it
                if after is None or after.conj or after.prefixed:
                    return None
                return replace(after, conj=True)
            entry = PREFIXED.get(key)
            if entry is None:
                return None
            prefix, lex = entry
            if lex is _ALFAY and self.text[len(word.rstrip(MARK)) + pos - 1] == "ى":
                return None  # ألفى "found", not ألفي "two thousand" (ى folds to ي)
            if key == "واحد" and (self._hamza_after_waw(pos) or self._ten_at(m.end())):
                prefix, lex = "و", LEXICON["احد"]  # وأحد عشر: "and eleven", not واحد "one"
            start = _body_start(norm, pos, prefix) if prefix else pos
            return _Tok("word", start, m.end(), prefix == "و", prefix not in ("", "و"), lex)
        if kind == "lit":
            if self._identifier(pos, m.end()):
                return None
            value = _literal_value(m.group())
            if value is None:
                return None
            return _Tok("lit", pos, m.end(), False, False, value=value)
        if kind == "rdec":
            fraction, _, whole = m.group().translate(_TO_ASCII).partition("\u0631")
            value = Fraction(int(whole)) + Fraction(int(fraction), 10 ** len(fraction))
            return _Tok("lit", pos, m.end(), False, False, value=value)
        if kind == "pct":
            return _Tok("pct", pos, m.end(), False, False)
        if kind == "range" and not self._identifier(pos, m.end()):
            return _Tok("range", pos, m.end(), False, False)
        return None

    def forget(self) -> None:
        """Drop the tokens read so far: the scan has moved past them."""
        self._seen.clear()

    def _hamza_after_waw(self, pos: int) -> bool:
        """Whether the letter after the و at ``pos`` is أ/إ: وأحد is و + أحد, not واحد."""
        pos += 1
        while self.norm[pos] == MARK:
            pos += 1
        return self.text[pos] in "أإ"

    def _ten_at(self, pos: int) -> bool:
        m = _TOKEN.match(self.norm, _SPACE.match(self.norm, pos).end())
        return m is not None and m.lastgroup == "word" and fold(m.group()) in ("عشر", "عشره")

    def _next(self, pos: int, *, conj: bool) -> _Tok | None:
        """The following token when its joining (by و or juxtaposed) is the one asked for."""
        tok = self.token(pos)
        if tok is None or tok.prefixed or tok.conj != conj:
            return None
        return tok

    def _sub100(self, tok: _Tok) -> tuple[Fraction, int] | None:
        lex = tok.lex
        if lex is None:
            return None
        if lex.kind in ("tens", "ten"):
            return Fraction(lex.value), tok.end
        if lex.kind == "unit" and lex.value == 0:
            return Fraction(0), tok.end
        if lex.kind not in ("unit", "teenhead"):
            return None
        nxt = self._next(tok.end, conj=False)
        if nxt and nxt.lex and nxt.lex.kind == "ten":
            return Fraction(10 + lex.value), nxt.end
        nxt = self._next(tok.end, conj=True)
        if nxt and nxt.lex and nxt.lex.kind == "tens":
            return Fraction(lex.value + nxt.lex.value), nxt.end
        if lex.kind == "unit":
            return Fraction(lex.value), tok.end
        return None

    def _group(self, tok: _Tok) -> tuple[Fraction, int] | None:
        """A count below a thousand written in words: [hundreds] [و below-a-hundred]."""
        lex = tok.lex
        if lex is None:
            return None
        hundreds, end = None, tok.end
        if lex.kind in ("hundred", "hundreds"):
            hundreds = Fraction(lex.value)
        elif lex.kind == "unit" and lex.value >= 3:
            nxt = self._next(tok.end, conj=False)
            if nxt and nxt.lex and nxt.lex.kind == "hundred":
                hundreds, end = Fraction(lex.value * 100), nxt.end
        if hundreds is None:
            return self._sub100(tok)
        nxt = self._next(end, conj=True)
        rest = self._sub100(nxt) if nxt else None
        if rest is None:
            return hundreds, end
        return hundreds + rest[0], rest[1]

    def _scale_after(self, end: int, above: int) -> tuple[int, int] | None:
        """A scale word juxtaposed at ``end`` larger than ``above``: (scale, end)."""
        nxt = self._next(end, conj=False)
        if nxt is None or nxt.lex is None or nxt.lex.kind != "scale":
            return None
        if nxt.lex.form not in ("sing", "acc", "plural") or nxt.lex.value <= above:
            return None
        return int(nxt.lex.value), nxt.end

    def _term(self, tok: _Tok) -> tuple[Fraction, int | None, int] | None:
        """A count with optional scales (ألف مليون = 10^9): (value, scale or None, end)."""
        lex = tok.lex
        if lex is not None and lex.kind == "fraction":
            nxt = self._next(tok.end, conj=False)
            if nxt and nxt.lex and nxt.lex.kind == "scale" and nxt.lex.form in ("sing", "def"):
                return lex.value * nxt.lex.value, int(nxt.lex.value), nxt.end
            return None
        if lex is not None and lex.kind == "scale":
            if lex.form not in ("sing", "dual"):
                return None
            scale, end = int(lex.value), tok.end
            value = Fraction(2 * scale if lex.form == "dual" else scale)
        else:
            group = (tok.value, tok.end) if tok.kind == "lit" else self._group(tok)
            if group is None:
                return None
            value, end = group
            found = self._scale_after(end, 0)
            if found is None:
                return value, None, end
            if tok.kind == "lit" and self._lettered(tok, *found):
                return value, None, found[1]  # "217 ألف" is 217 A: the letter is no scale
            scale, end = found
            if tok.kind == "lit":
                value = _before_scale(self.text[tok.start : tok.end], value)
            value *= scale
        found = self._scale_after(end, scale)
        if found is not None:
            value, scale, end = value * found[0], found[0], found[1]
        return value, scale, end

    def _fraction(
        self, pos: int, scale: int | None, last_scale: int | None
    ) -> tuple[Fraction, int]:
        """A closing و + fraction [scale]: (value added, end); (0, pos) when there is none."""
        tok = self._next(pos, conj=True)
        if tok is None or tok.lex is None or tok.lex.kind != "fraction":
            return Fraction(0), pos
        nxt = self._next(tok.end, conj=False)
        if nxt and nxt.lex and nxt.lex.kind == "scale" and nxt.lex.form in ("sing", "def"):
            if last_scale is None or nxt.lex.value <= last_scale:
                return tok.lex.value * nxt.lex.value, nxt.end
            return Fraction(0), pos
        return tok.lex.value * (scale or 1), tok.end

    def _lettered(self, tok: _Tok, scale: int, end: int) -> bool:
        """Whether a ألف after these digits, ending at ``end``, is the letter of a reference:
        a reference word stands at most three words before (قرار الجمعية العامة 217 ألف) and
        no counted noun follows (قرار بتخصيص 500 ألف ريال is a sum)."""
        if scale != _THOUSAND.value or self._unit(end) is not None:
            return False
        start = tok.start
        for _ in range(_REFERENCE_REACH):
            begin, start = self._word_before(start)
            if begin == start:
                return False
            word = fold(self.norm[begin:start])
            if any(
                stem in _REFERENCES or stem[2:] in _REFERENCES
                for stem in (word, word[1:], word[2:])
                if stem
            ):
                return True
            start = begin
        return False

    def expression(self, tok: _Tok) -> NumberMatch | None:
        """The whole quantity starting at ``tok``: terms joined by و in falling scale order."""
        if tok.kind == "range":
            end, percent = self._percent(tok.end)
            return NumberMatch(tok.start, end, None, percent, None)
        if tok.lex is not None and tok.lex.kind == "definite":
            return self._definite(tok)
        if tok.lex is not None and tok.lex.kind == "ten" and self._after_ordinal(tok.start):
            return None
        term = self._term(tok)
        if term is None:
            return None
        total, term_scale, end = term
        last_scale = term_scale
        while term_scale is not None and last_scale is not None:
            nxt = self._next(end, conj=True)
            term = self._term(nxt) if nxt else None
            if term is None:
                break
            value, scale, term_end = term
            if (value if scale is None else scale) >= last_scale:
                break
            total, end, term_scale = total + value, term_end, scale
            last_scale = scale or last_scale
        extra, end = self._fraction(end, term_scale, last_scale)
        total += extra
        end, percent = self._percent(end)
        unit = None if percent else self._unit(end)
        value: int | float = int(total) if total.denominator == 1 else float(total)
        return NumberMatch(tok.start, end, value, percent, unit)

    def _word_before(self, start: int) -> tuple[int, int]:
        """(begin, end) of the word before ``start`` across spaces; empty if there is none."""
        norm = self.norm
        end = start
        while end and norm[end - 1] in _SPACE_CHARS:
            end -= 1
        begin = end
        while begin and end - begin < _LONGEST_WORD and _WORD.match(norm[begin - 1]):
            begin -= 1
        return begin, end

    def _after_ordinal(self, start: int) -> bool:
        """Whether the word before ``start`` makes a following عشر part of an ordinal or a
        definite phrase (الثالث عشر، الاثني عشر), not the number ten."""
        word = fold(self.norm[slice(*self._word_before(start))])
        return word.startswith("ال") or word in ORDINALS

    def _definite(self, tok: _Tok) -> NumberMatch | None:
        """A definite cardinal after a definite noun (الأشهر الثلاثة), with a following عشر
        (الأيام الثلاثة عشر: 13)."""
        begin, end = self._word_before(tok.start)
        if tok.conj or tok.prefixed or end == tok.start or begin == end:
            return None
        noun = fold(self.norm[begin:end])
        article = next((a for a in _ARTICLES if noun.startswith(a)), "")
        bare = noun[len(article) :]
        if not article or len(bare) < 2 or noun in PREFIXED or bare in NOT_UNITS:
            return None
        value, stop = tok.lex.value, tok.end
        ten = self._next(tok.end, conj=False)
        if value < 10 and ten and ten.lex and ten.lex.kind == "ten":
            value, stop = value + 10, ten.end
        elif value < 3:
            return None
        return NumberMatch(tok.start, stop, int(value), False, None)

    def _percent(self, pos: int) -> tuple[int, bool]:
        norm = self.norm
        at = _SPACE.match(norm, pos).end()
        m = _TOKEN.match(norm, at)
        if m is None:
            return pos, False
        if m.lastgroup == "pct":
            return m.end(), True
        if m.lastgroup != "word":
            return pos, False
        word = fold(m.group())
        if word in PERCENT_WORDS:
            return m.end(), True
        if word == "في":
            m2 = _TOKEN.match(norm, _SPACE.match(norm, m.end()).end())
            if m2 and m2.lastgroup == "word" and fold(m2.group()) in PERCENT_AFTER_FI:
                return m2.end(), True
        return pos, False

    def _unit(self, pos: int) -> str | None:
        """The counted noun right after a quantity: an indefinite word that is not a particle."""
        norm = self.norm
        at = _SPACE.match(norm, pos).end()
        if at == pos:
            return None
        m = _TOKEN.match(norm, at)
        if m is None or m.lastgroup != "word":
            return None
        word = fold(m.group())
        if (
            len(word) < 2
            or word in NOT_UNITS
            or word.startswith("ال")
            or (word.endswith("وا") and word not in UNITS_ENDING_WA)
            or word in PREFIXED
        ):
            return None
        return self.text[at : m.end()]

    def leading_percent(self, match: NumberMatch, free_from: int) -> NumberMatch:
        """Fold a percent sign written before the digits (``%50``, common in RTL typing)
        unless it lies before ``free_from`` (it closed the previous quantity)."""
        start = match.start
        if match.percent or start <= free_from or self.text[start - 1] not in "%\u066a":
            return match
        if start >= 2 and self.text[start - 2].isdigit():
            return match
        return NumberMatch(start - 1, match.end, match.value, True, None)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every quantity in ``text``, sorted and non-overlapping, in one left-to-right pass."""
    parser = _Parser(text)
    norm = parser.norm
    found: list[NumberMatch] = []
    pos, n = 0, len(text)
    search = _TOKEN.search
    while pos < n:
        m = search(norm, pos)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "word":
            word = m.group()
            if (word.replace(MARK, "") if MARK in word else word) not in PREFIXED:
                pos = m.end()
                continue
        elif kind not in ("lit", "rdec", "range"):
            pos = m.end()
            continue
        parser.forget()
        tok = parser.token(m.start(), first=True)
        match = parser.expression(tok) if tok else None
        if match is None:
            pos = m.end()
            continue
        found.append(parser.leading_percent(match, found[-1].end if found else 0))
        pos = match.end
    return found


def parse_number(expr: str) -> int | float | None:
    """The value of ``expr`` if the whole of it is one quantity, else None."""
    stripped = expr.strip()
    if not stripped:
        return None
    matches = find_numbers(stripped)
    if len(matches) != 1:
        return None
    match = matches[0]
    if match.end != len(stripped) or fold(stripped[: match.start]) not in ("", *PREFIXES):
        return None
    return match.value
