"""Tagged token spans to clean name mentions: titles dropped, sites and directed places taken
in, clitics cut, names run together cut apart, adjectives refused."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import NamedTuple

from reader.entities.article.organizations import HEADS, head_cut
from reader.entities.normalize import fold, proclitic_splits, strip_harakat
from reader.entities.tagging.gazetteer import (
    ADMINISTRATIVE_HEADS,
    CITY_HEADS,
    PEOPLE,
    PLACES,
    Gazetteer,
)
from reader.entities.tagging.tokens import Token
from reader.entities.tagging.usage import Usage, without_article

KINDS = {"PERS": "person", "LOC": "place", "ORG": "organization"}
FAMILY = fold("آل")  # آل سعود: "the family of"
_CATEGORIES = {"PERS": PEOPLE, "LOC": PLACES}  # gazetteer names of each type
# Titles and offices that precede a name in news text: context, not part of the name (folded).
TITLES = frozenset(
    fold(w)
    for w in [
        "الرئيس",
        "رئيس",
        "البابا",
        "الملك",
        "الملكة",
        "الأمير",
        "الأميرة",
        "الشيخ",
        "السيد",
        "السيدة",
        "الوزير",
        "وزير",
        "وزيرة",
        "الجنرال",
        "الدكتور",
        "المستشار",
        "المستشارة",
        "النائب",
        "القائد",
        "العقيد",
        "اللواء",
        "الفريق",
        "المشير",
        "السفير",
        "الحاخام",
        "الكاردينال",
        "المطران",
        "الإمام",
        "الزعيم",
        "المتحدث",
        "الناطق",
        "السلطان",
        "العاهل",
        "الرئيسة",
        "الجنرال",
        "الكابتن",
        "المدرب",
        "اللاعب",
        "الممثل",
        "الفنان",
        "الكاتب",
        "الشاعر",
        "الصحافي",
        "المبعوث",
        "الأمين",
        "قداسة",
        "سماحة",
        "فخامة",
    ]
)


# Titles of more than one word: خادم الحرمين الشريفين (the Saudi king's).
TITLE_PHRASES = tuple(
    tuple(fold(w) for w in phrase.split()) for phrase in ["خادم الحرمين الشريفين", "خادم الحرمين"]
)
# Currencies, indefinite, as amounts write them: alone they name no organization.
CURRENCIES = frozenset(
    fold(w)
    for w in [
        *("ريال", "ريالا", "ريالات", "دولار", "دولارا", "دولارات", "يورو", "درهم", "دراهم"),
        *("دينار", "دينارا", "دنانير", "جنيه", "جنيها", "ليرة", "روبل", "روبية"),
    ]
)
GOD = fold("الله")
WIDE_PLACES = frozenset(("country", "city", "subdivision"))  # not towns: بهوي is no ب + هوي
SON_OF = frozenset(fold(w) for w in ["بن", "ابن", "بنت"])
VERB_BAND = 3  # Zipf band from which a word in ي that never takes ال is read as a verb
TANWEEN_FATH = "\u064b"  # ً: the indefinite accusative (درعاً, "a shield"), which no name takes


# A place mention of these words alone, with or without ال, is no name (بولاية: "in the state
# of", المحافظة); but المدينة is Medina.
_HEADS = {without_article(w) for w in ADMINISTRATIVE_HEADS | CITY_HEADS}
_HEADS_ALONE = {*_HEADS, *("ال" + w for w in _HEADS)} - {fold("المدينة")}
# Months, Gregorian, Syriac and Hijri: نيسان (April) is also Nissan, the company ANERcorp knows.
MONTHS = frozenset(
    fold(w)
    for w in [
        *("يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس"),
        *("سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار"),
        *("حزيران", "تموز", "آب", "أيلول", "تشرين"),
        # Hijri months of one word, which Saudi news dates by (15 شوال 1436): رجب and رمضان
        # are also given names, but not alone.
        *("محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"),
    ]
)
TEAM_SITES = frozenset(fold(w) for w in ["معسكر", "ملعب"])  # a team's camp and ground
# Heads of sites, part of their names (قصر معاشيق, قاعدة العند الجوية, مستشفى الثورة).
SITE_HEADS = frozenset(
    fold(w)
    for w in [
        *("قصر", "قاعدة", "مطار", "ميناء", "معسكر", "مخيم", "جبل", "مستشفى", "حديقة"),
        *("متنزه", "منتزه", "شارع", "ملعب", "استاد", "جامع", "جسر"),
    ]
)
# Sites whose own names are often common words (قصر السلام, مستشفى الثورة, شارع الستين,
# حديقة القمة): after them a definite word is the name, common or not. (Not سد, a dam, which
# is also "to fill": سد العجز, سد الفجوة.)
NAMING_SITES = SITE_HEADS - {fold(w) for w in ["قاعدة", "معسكر", "مخيم", "جبل"]}
# Titles between a site's head and the person it is named after (مطار الملك فهد الدولي).
SITE_TITLES = frozenset(fold(w) for w in ["الملك", "الأمير", "الشيخ", "الإمام", "السلطان"])
# Words that make a following name a named site (ساحة القديس بطرس is a place, not a person).
SITES = frozenset(
    fold(w) for w in ["ساحة", "ميدان", "شارع", "جسر", "ملعب", "مطار", "حي", "كامب", "معسكر"]
)


def widen_site(sentence: Sequence[Token], start: int, end: int, kind: str) -> tuple[int, str]:
    """(new start, type): a person or another name right after a site word becomes that place
    (the tagger reads القديس بطرس after ساحة as a person or a saint's name), and so does a name
    that starts with one (كامب تشابمان read as a man); but an organization after a camp or a
    ground owns it (معسكر الاتفاق, ملعب الهلال: the club's) and stays itself."""
    before = fold(sentence[start - 1].text) if start > 0 else ""
    if kind == "ORG" and before in TEAM_SITES:
        return start, kind
    if kind != "LOC" and before in SITES:
        return start - 1, "LOC"
    if kind == "PERS" and end - start > 1 and fold(sentence[start].text) in SITES:
        return start, "LOC"
    return start, kind


def widen_person(
    sentence: Sequence[Token], start: int, end: int, gazetteer: Gazetteer
) -> tuple[int, str]:
    """(new start, type) of a tagged person: آل before it is part of a family name (آل سويلم,
    never a person alone), and a word before it that makes a place's name with it makes it
    that place (لجبل طارق: the tagger reads طارق as a person)."""
    if start == 0:
        return start, "PERS"
    before = fold(sentence[start - 1].text)
    if before == FAMILY:
        return start - 1, "PERS"
    rest = tuple(fold(t.text) for t in sentence[start:end])
    if any(gazetteer.is_place((stem, *rest)) for _, stem in proclitic_splits(before)):
        return start - 1, "LOC"
    return start, "PERS"


def widen_place(
    folded: Sequence[str], labels: Sequence[str], start: int, end: int, gazetteer: Gazetteer
) -> tuple[int, int]:
    """(start, end) of a tagged place grown over untagged words around it into the name of
    another place, given the sentence's folded words and labels: جنوب أفريقيا, كوريا الجنوبية,
    روسيا البيضاء, غينيا بيساو (``Gazetteer.wider``). The tagger learnt ANERcorp's habit of
    tagging أفريقيا alone in جنوب أفريقيا, and the pane would list South Africa as Africa.

    Other words around a place are left out even when the gazetteer has the longer name: دولة
    قطر or مكة المكرمة is the same place, and the shorter name is what readers know it by; but
    a span that is no place alone takes the word before it that makes it one (مصر العربية in
    جمهورية مصر العربية).
    """
    best = start, end
    rest = tuple(folded[start + 1 : end])
    if (
        start > 0
        and labels[start - 1] == "O"
        and not gazetteer.is_place((folded[start], *rest))
        and any(
            gazetteer.is_place((stem, folded[start], *rest))
            for _, stem in proclitic_splits(folded[start - 1])
        )
    ):
        return start - 1, end  # [جمهورية] مصر العربية: the tagger left out a long form's head
    for cut, stem in proclitic_splits(folded[start]):
        for before, after in gazetteer.wider.get((stem, *rest), ()):
            s, e = start - len(before), end + len(after)
            if (
                e - s > best[1] - best[0]
                and s >= 0
                and tuple(folded[end:e]) == after
                and (not before or (cut == 0 and _starts(folded[s:start], before)))
                and all(labels[i] == "O" for i in (*range(s, start), *range(end, e)))
            ):
                best = s, e
    return best


def _starts(words: Sequence[str], name: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``name``, its first word maybe behind a proclitic (وجنوب)."""
    return tuple(words[1:]) == name[1:] and any(
        stem == name[0] for _, stem in proclitic_splits(words[0])
    )


class RawMention(NamedTuple):
    """A cleaned mention before merging: type, display name, folded words and offsets (a
    tuple of strings and ints, which the garbage collector stops tracking: a long article
    has tens of thousands)."""

    kind: str
    start: int
    end: int
    name: str
    words: tuple[str, ...]


_LATIN_WORD = re.compile(r"^[A-Za-z]+$")
_LATIN_CONNECTORS = frozenset(
    ["of", "the", "for", "and", "in", "on", "de", "du", "la", "le", "al", "el", "bin", "von", "van"]
)


def _latin_name(tokens: Sequence[Token]) -> bool:
    """Latin-script names are capitalised words joined by a few lower-case connectors."""
    words = [t.text for t in tokens if _LATIN_WORD.match(t.text)]
    inner_ok = all(w[0].isupper() or w in _LATIN_CONNECTORS for w in words)
    return inner_ok and words[0][0].isupper() and words[-1][0].isupper()


def is_word(text: str) -> bool:
    """Whether a token is a word: not punctuation, nor a run of tatweel (ـ), which Gulf news
    uses as a dash and which folds to nothing."""
    return text[0].isalnum() and bool(fold(text))


def clean_span(
    tokens: Sequence[Token], kind: str, gazetteer: Gazetteer, usage: Usage
) -> tuple[Token, ...] | None:
    """Drop persons' leading titles and edge punctuation; refuse lone nationality adjectives
    and nouns (a place الروسية, a person روسي), a lone آل, lone month names and places that are
    only head words (ولاية, العاصمة)."""
    tokens = list(tokens)
    while tokens and not is_word(tokens[-1].text):
        tokens.pop()
    while tokens and not is_word(tokens[0].text):
        tokens.pop(0)
    latin = [bool(_LATIN_WORD.match(t.text)) for t in tokens]
    if any(latin) and not all(latin[i] for i, t in enumerate(tokens) if is_word(t.text)):
        # a Latin word at the edge of an Arabic name is a neighbour (Previous أحمد حجازي)
        while tokens and _LATIN_WORD.match(tokens[0].text):
            tokens.pop(0)
        while tokens and _LATIN_WORD.match(tokens[-1].text):
            tokens.pop()
        if any(_LATIN_WORD.match(t.text) for t in tokens):
            return None
    elif any(latin) and not _latin_name(tokens):
        return None
    if kind in ("PERS", "LOC") and any(TANWEEN_FATH in t.text for t in tokens):
        return None  # درعاً تذكارياً: an indefinite noun, not the city درعا
    if len(tokens) == 1 and any(
        stem in MONTHS for _, stem in proclitic_splits(fold(tokens[0].text))
    ):
        return None  # في نيسان (أبريل): a month alone is no name
    if kind == "PERS":
        folded = tuple(fold(t.text) for t in tokens)
        firsts = {stem for _, stem in proclitic_splits(folded[0])} if folded else set()
        for phrase in TITLE_PHRASES:
            if phrase[0] in firsts and folded[1 : len(phrase)] == phrase[1:]:
                tokens = tokens[len(phrase) :]
                if not tokens:
                    return None  # خادم الحرمين alone: the title, not a name
                break
        if len(tokens) > 1 and any(
            stem in HEADS for _, stem in proclitic_splits(fold(tokens[0].text))
        ):
            tokens.pop(0)  # وميليشيا عبدالملك الحوثي: the militia's head is no part of him
        while len(tokens) > 1 and fold(tokens[0].text) in TITLES:
            tokens.pop(0)
        # A headline's verb before or after a name (ينفي رضايان, فلار يغيب) and a blessing
        # after it (محمد العوني رحمه الله) are no part of it.
        if len(tokens) >= 2 and fold(tokens[-1].text) == GOD and _blessing(tokens[-2].text):
            tokens = tokens[:-2]
            while tokens and not is_word(tokens[-1].text):
                tokens.pop()  # الملك فهد ـ رحمه الله
            if not tokens:
                return None  # رحمه الله alone
        while len(tokens) > 1 and _verb(tokens[0].text, gazetteer, usage):
            tokens.pop(0)
        while len(tokens) > 1 and (
            _verb(tokens[-1].text, gazetteer, usage) or _not_a_name_end(tokens[-1].text, gazetteer)
        ):
            tokens.pop()
        if len(tokens) == 1 and (
            _LATIN_WORD.match(tokens[0].text) or _verb(tokens[0].text, gazetteer, usage)
        ):
            return None  # Previous (a site's navigation), يغيب (a verb opening a sentence)
        if tokens and fold(tokens[0].text) in TITLES:
            return None
        if len(tokens) == 1 and (
            fold(tokens[0].text) == FAMILY
            or gazetteer.is_demonym(tokens[0].text)
            or gazetteer.is_nationality(tokens[0].text)
        ):
            return None  # آل alone; وقال روسي: "a Russian said"
    if (
        kind == "ORG"
        and len(tokens) == 1
        and any(stem in CURRENCIES for _, stem in proclitic_splits(fold(tokens[0].text)))
    ):
        return None  # 32 مليون ريال: the riyal, not Real (the club is ريال مدريد, الريال)
    if kind == "ORG" and len(tokens) == 1 and len(fold(tokens[0].text)) <= 2:
        return None  # بي of إتش. إس. بي. سي, أم: a letter's name or a particle, no body
    if kind == "LOC" and all(
        _HEADS_ALONE.intersection(stem for _, stem in proclitic_splits(fold(t.text)))
        for t in tokens
    ):
        return None
    if kind == "LOC" and len(tokens) == 1:
        word = tokens[0].text
        places = [
            c
            for c in gazetteer.word_categories(word)
            if c.rstrip("+") in ("country", "city", "region")
        ]
        if not places and (
            gazetteer.is_nationality(word) or _adverb(word, usage) or usage.inflected(fold(word))
        ):
            return None  # الروسية, أمنيا, بلادنا ("our country")
    return tuple(tokens) or None


def _verb(word: str, gazetteer: Gazetteer, usage: Usage) -> bool:
    """Whether a word is a headline's verb (ينفي, يغيب, يلتقي, سيزور): a word of the corpus in
    the imperfect's ي or the future's سي/ست, that no list knows as a name (يحيى, ياسر, يونس
    are names; a name in ت or ن, تسيبي, نابت, is too often read as a verb to cut it)."""
    key = fold(word)
    if len(key) < 4 or gazetteer.knows(key, PEOPLE):
        return False
    if key[0] == "س" and key[1] in "يت" and len(key) >= 5:
        key = key[1:]  # سيزور: the future of يزور
    elif key[0] != "ي":
        return False
    # a frequent word that never takes ال (not يونايتد, يوفنتوس, يورينتي)
    zipf, article = usage.features(key)[:2]
    return article == "wd=nodef" and zipf[3:].isdigit() and int(zipf[3:]) >= VERB_BAND


def _not_a_name_end(word: str, gazetteer: Gazetteer) -> bool:
    """Whether a word cannot end a person's name: بن or ابن with no one after it, a word that
    carries لـ with the article or و with it (عباس [للصحافيين], خالد مشعل [والغنوشي]: another
    phrase or another man begins), or ب before a place (المنجحي [بعسير]: "in Asir")."""
    key = fold(word)
    if key in SON_OF:
        return True
    if (key.startswith("لل") or key.startswith("وال")) and len(key) > 4:
        return True
    return (
        key.startswith("ب")
        and len(key) > 4
        and not WIDE_PLACES.isdisjoint(gazetteer.single.get(key[1:], ()))
        and not gazetteer.knows(key, PEOPLE)  # بشير, بلير, بوتر: names in ب
    )


def _blessing(word: str) -> bool:
    """A verb with its pronoun before الله after a name (رحمه الله, حفظه الله), not a name's
    word (عبد الله, رحمة الله)."""
    return word.endswith("ه") and len(fold(word)) >= 4


def _adverb(word: str, usage: Usage) -> bool:
    """Whether a word is an adverb made of a relative adjective and the accusative ا: أمنيا
    ("security-wise") from أمني, which the tagger reads as a country in -يا."""
    key = fold(word)
    return key.endswith("يا") and usage.adjective_ending(key[:-1]) == "ي"


def strip_clitic(
    word: str,
    gazetteer: Gazetteer,
    usage: Usage,
    seen: Container[str],
    kind: str,
    names: Mapping[str, str] | None = None,
    inner: Container[str] = (),
) -> tuple[int, str]:
    """(letters to skip, name form) for the first word of a mention of type ``kind``.

    A clitic is cut only with evidence that the rest is the name, never because the rest
    happens to be a word. The word stays whole when another mention of the article has it
    past its first word, where no clitic goes (``inner``: لاندر beside كارل لاندر), or the
    gazetteer knows it; otherwise the first clitic-stripped stem that the gazetteer, or for an
    organization the train split's lexicon (``names``: folded word -> the type it tags), knows
    as a name wins (وأرمينيا, لرويترز), then one another mention of the article (``seen``: the
    words of the other mentions) has (لباشينيان), then, when the corpus does not know the word
    itself, a stem after و or the article after a clitic (للبنك, والقاعدة, وجيرماين). Shorter
    cuts come first (ولبنان is و + لبنان, not ول + بنان; وبسام keeps its ب), and names of the
    mention's own type before any other (in a place, بدير is ب + the town دير, though بدير is
    also a surname). An organization's head keeps its own letters (لوزارة is ل + وزارة;
    ووكالة is و + وكالة).
    """
    key = fold(word)
    if kind == "ORG" and (head := head_cut(key)) is not None:
        return head[0], _restore(word, *head)
    if kind == "LOC" and (site := _site_cut(key)) is not None:
        return site, word[site:]  # لمستشفى: ل + a site's head
    if key in inner:
        return 0, word
    splits = proclitic_splits(key)
    stems = sorted(splits[1:], key=lambda split: split[0])  # stable: لل is tried before ل
    own = _CATEGORIES.get(kind)
    # The gazetteer has no organizations: for them the lexicon's tagged words stand in (its
    # words keep ANERcorp's clitics, so for people and places the gazetteer is the better
    # witness: بدير is tagged a place there, as ب + دير).
    learnt = (names or {}) if kind == "ORG" else {}
    for categories in (own, None) if own else (None,):
        if gazetteer.knows(key, categories):  # (the lexicon's words keep ANERcorp's clitics)
            return 0, word
        for cut, stem in stems:
            if gazetteer.knows(stem, categories) or learnt.get(stem, "").startswith(kind):
                return cut, _restore(word, cut, stem)
    for cut, stem in stems:
        if stem in seen:
            return cut, _restore(word, cut, stem)
    if not usage.has(key):
        for cut, stem in stems:
            if usage.has(stem) and _likely_cut(key, cut, stem):
                return cut, _restore(word, cut, stem)
    return 0, word


def _site_cut(key: str) -> int | None:
    """The proclitic letters before a site's head that opens a place's name (1 in لمستشفى)."""
    return next((cut for cut, stem in proclitic_splits(key)[1:] if stem in SITE_HEADS), None)


def _likely_cut(key: str, cut: int, stem: str) -> bool:
    """Whether a corpus word after ``cut`` letters of ``key`` is likely the name: the article
    follows (للبنك, والقاعدة), or a lone و leaves a word (وجيرماين). Names begin with ب, ل, ف
    and ك too often to cut them for a word alone (بلينكن is not ب + لينكن, بريكس not ب +
    ريكس), and longer cuts cut into them (كاولون)."""
    if stem.startswith("ال"):
        return len(stem) >= 5  # ال and a word: وكالة is no وك + الة
    return cut == 1 and len(stem) >= 3 and key[0] == "و"


def _restore(word: str, cut: int, stem: str) -> str:
    """The name after ``cut`` letters of ``word``, with the ا of ال that ل + ال drops (للقاهرة)."""
    if stem.startswith("ال") and not fold(word[cut:]).startswith("ال"):
        return "ال" + word[cut + 1 :]
    return word[cut:]


def split_joined(
    tokens: Sequence[Token], seen: Container[str], kind: str, gazetteer: Gazetteer
) -> list[tuple[Token, ...]]:
    """Cut a person or place span where the tagger ran two names together.

    A person span is cut where a later word carries a proclitic before a name known elsewhere
    (بلينكن لباشينيان: "Blinken to Pashinyan"). A place span is cut before a word that joins
    another place with و (فلسطين ولبنان: "Palestine and Lebanon"; ANERcorp tags some lists so),
    when the place after it is known elsewhere in the article or to the gazetteer, unless the
    whole span is one place's name (البوسنة والهرسك, ترينيداد وتوباغو).
    """
    if kind == "LOC":
        if gazetteer.is_place(tuple(fold(t.text) for t in tokens)):
            return [tuple(tokens)]

        def joins(key: str) -> bool:
            # وهران: the و is the name's; a lone tatweel (a dash) folds to nothing
            if not key.startswith("و") or gazetteer.knows(key, PLACES):
                return False
            stem = key[1:]
            return stem in seen or any(
                gazetteer.knows(s, PLACES) for s in (stem, without_article(stem))
            )

    elif kind == "PERS":

        def joins(key: str) -> bool:
            return any(stem in seen for cut, stem in proclitic_splits(key) if cut)

    else:
        return [tuple(tokens)]
    parts = [[tokens[0]]]
    for token in tokens[1:]:
        if joins(fold(token.text)):
            parts.append([token])
        else:
            parts[-1].append(token)
    return [tuple(part) for part in parts]


# A tagged span: its type and the (start, end) offsets of its tokens. Plain tuples of ints,
# which the garbage collector stops tracking, so a huge article's spans do not lengthen the
# collections that pause the app while it extracts.
Span = tuple[str, tuple[tuple[int, int], ...]]


def span_of(tokens: Sequence[Token], kind: str) -> Span:
    """The compact form of a tagged token span."""
    return kind, tuple((t.start, t.end) for t in tokens)


def build_mentions(
    text: str,
    spans: Iterable[Span],
    gazetteer: Gazetteer,
    usage: Usage,
    names: Mapping[str, str] | None = None,
) -> list[RawMention]:
    """Clean tagged spans into mentions whose offsets cover the name only (``names``: the
    train split's lexicon, evidence for cutting a clitic, see ``strip_clitic``)."""

    def tokens(offsets: tuple[tuple[int, int], ...]) -> list[Token]:
        return [Token(text[s:e], s, e) for s, e in offsets]

    cleaned = [
        span_of(clean, kind)
        for kind, offsets in spans
        if kind in KINDS and (clean := clean_span(tokens(offsets), kind, gazetteer, usage))
    ]
    counts = Counter(w for _, offsets in cleaned for w in {fold(text[s:e]) for s, e in offsets})
    parts = []
    for kind, offsets in cleaned:
        whole = tokens(offsets)
        seen = _Elsewhere(counts, {fold(t.text) for t in whole})
        parts += [(kind, part, seen) for part in split_joined(whole, seen, kind, gazetteer)]
    inner = {fold(t.text) for _, part, _ in parts for t in part[1:]}
    place_ends = {part[-1].end for kind, part, _ in parts if kind == "LOC"}
    out = []
    for kind, part, seen in parts:
        cut, first = strip_clitic(part[0].text, gazetteer, usage, seen, kind, names, inner)
        if not cut and kind == "LOC" and _listed_after_place(text, part[0], place_ends):
            cut, first = 1, part[0].text[1:]  # كاودا وتالودي: و joins a second place
        words = [first] + [t.text for t in part[1:]]
        name = strip_harakat(_join(text, part, words))
        out.append(
            RawMention(
                KINDS[kind], part[0].start + cut, part[-1].end, name, tuple(fold(w) for w in words)
            )
        )
    return out


def _listed_after_place(text: str, token: Token, place_ends: set[int]) -> bool:
    """Whether a place's first word is و + a name right after another place (X وY)."""
    if not token.text.startswith("و") or len(fold(token.text)) < 4:
        return False
    start = token.start
    while start and text[start - 1] == " ":
        start -= 1
    return start in place_ends


class _Elsewhere:
    """The folded words of the article's other mentions (``counts``: in how many mentions each
    word is), as seen from a mention with the words ``own``."""

    __slots__ = ("counts", "own")

    def __init__(self, counts: Counter[str], own: set[str]) -> None:
        self.counts = counts
        self.own = own

    def __contains__(self, word: object) -> bool:
        return self.counts.get(word, 0) > (word in self.own)  # type: ignore[call-overload]


def _join(text: str, tokens: Sequence[Token], parts: list[str]) -> str:
    """Rebuild the display name: one space where the article has any spacing, none otherwise."""
    out = parts[0]
    for prev, token, part in zip(tokens[:-1], tokens[1:], parts[1:], strict=True):
        out += (" " if text[prev.end : token.start] else "") + part
    return out
