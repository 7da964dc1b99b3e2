"""Organizations by the grammar of their names, and the bare names they introduce.

News names most of its organizations by a head noun and what follows it: an indefinite head
in construct with a definite noun or a name (وزارة الدفاع الأميركية, وكالة الأنباء البحرينية,
مجلس التعاون لدول الخليج العربية, حركة حماس, تنظيم داعش, بنك أبوظبي التجاري), a definite head
with a nationality adjective (الجيش السوري, الشرطة التركية, المرصد السوري لحقوق الإنسان), or a
head before a quoted name (شركة «إيني», صحيفة "معاريف"). A newspaper credited as a source is
a quoted name after لـ (أكدت لـ«الوطن»). ANERcorp tags few of these (never a ministry or an
army), so the tagger learnt to leave them out; `reader extract` adds them as an article rule,
and `reader eval-ner`, which scores the tagger against ANERcorp's conventions, does not.

A name that follows a head (داعش in تنظيم داعش, جازبروم in شركة جازبروم) is then an
organization wherever the article uses it alone, so it is collected over the whole article
first (``OrganizationNames``) and labelled in a second sweep (``label_organizations``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reader.entities.conll import chunks, label
from reader.entities.normalize import fold, proclitic_splits, word_cache
from reader.entities.tagging.gazetteer import Gazetteer

# Head nouns of organizations' names, in their indefinite (construct) form, folded.
HEADS = frozenset(
    fold(w)
    for w in [
        *("وزارة", "هيئة", "لجنة", "مجلس", "منظمة", "جماعة", "حركة", "حزب", "تنظيم", "جيش"),
        *("قوات", "شركة", "مصرف", "بنك", "غرفة", "اتحاد", "جامعة", "محكمة", "صندوق", "وكالة"),
        *("مجموعة", "جبهة", "كتائب", "سرايا", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات"),
        *("صحيفة", "جريدة", "مجلة", "قناة", "إذاعة", "تلفزيون", "مؤسسة", "معهد", "سوق"),
        *("بورصة", "رابطة", "جمعية", "نقابة", "مفوضية", "بعثة", "سلاح", "قيادة", "مرصد"),
        *("ائتلاف", "تحالف", "حلف", "أكاديمية", "مكتب", "برنامج", "إدارة", "دائرة", "شرطة"),
        *("حرس", "مجمع", "مركز", "تيار", "قوى", "منتدى", "بحرية", "أمم", "مقاومة"),
        *("أمانة", "استخبارات", "مخابرات", "منتخب"),
    ]
)
# Heads that name no organization with a common noun after them (مركز المدينة, إدارة الأزمة,
# مكتب الرئيس): only with a name, a quoted name or a nationality adjective.
NAME_ONLY = frozenset(fold(w) for w in ["مركز", "إدارة", "مكتب", "برنامج", "مجمع", "قوات"])
# Heads of the people named after them (مؤسسة الملك خالد, جامعة الملك سعود): قوات الأسد is a
# description.
NAMED_AFTER_PEOPLE = frozenset(fold(w) for w in ["مؤسسة", "جامعة", "مركز", "معهد", "مجمع"])
# Heads that are also common nouns (movement, organizing, room, weapon, leadership, staff,
# market, group): with a definite noun after them they name an organization only when the noun
# is no common word (حركة النهضة) or an adjective of nations follows (سوق الأسهم السعودية).
COMMON_HEADS = frozenset(
    fold(w)
    for w in [
        *("حركة", "تنظيم", "غرفة", "سلاح", "قيادة", "بعثة", "مجموعة", "سوق", "شرطة", "هيئة"),
        *("صندوق", "دائرة", "محطة", "تيار", "قوى", "منتدى", "ائتلاف", "تحالف", "حلف"),
    ]
)
# Banks and markets are named by a place and adjectives (بنك أبوظبي الوطني, سوق دبي المالي).
_BANKS = frozenset(fold(w) for w in ["بنك", "مصرف", "سوق", "بورصة"])
FRONT = fold("جبهة")
# Militias are named by their group (مليشيات الحوثيين): the group is the organization.
MILITIAS = frozenset(fold(w) for w in ["ميليشيا", "مليشيا", "ميليشيات", "مليشيات"])
# Heads of forces and fighters before the group they belong to (قوات الحوثيين).
GROUP_HEADS = MILITIAS | frozenset(
    fold(w) for w in ["قوات", "جماعة", "مسلحي", "مسلحو", "عناصر", "مقاتلي", "مقاتلو"]
)
# Heads that, definite, name one institution with a nationality adjective (الجيش السوري,
# الشرطة التركية, المفوضية الأوروبية); الشركة الروسية is a description, and a government is
# no organization's name. Fronts and parties also with another relative adjective (الجبهة
# الجنوبية, الحزب الجمهوري).
DEFINITE_HEADS = frozenset(
    fold(w)
    for w in [
        *("جيش", "قوات", "شرطة", "مرصد", "تلفزيون", "إذاعة", "حرس", "مفوضية", "بحرية"),
        *("جبهة", "حزب", "وكالة", "مجلس", "برلمان", "تحالف", "ائتلاف", "حلف", "بنك"),
        *("صندوق", "اتحاد", "مقاومة", "استخبارات", "مخابرات", "منتخب"),
    ]
)
# Courts and councils named by their rank alone (المحكمة العليا, المحكمة الدستورية, المجلس
# الأعلى للقضاء): one in their country, as a nationality adjective picks one army.
COURTS = frozenset(fold(w) for w in ["محكمة", "مجلس", "هيئة"])
SUPREME = frozenset(fold(w) for w in ["العليا", "الأعلى", "الدستورية", "الاتحادية"])
# Heads in the plural, which take feminine adjectives (القوات المسلحة, القوى الأمنية).
PLURAL_HEADS = frozenset(
    fold(w)
    for w in [
        *("قوات", "قوى", "ميليشيات", "مليشيات", "كتائب", "سرايا", "أمم", "استخبارات"),
        "مخابرات",
    ]
)
# Fronts, parties and resistance movements with any relative adjective (الجبهة الجنوبية,
# الحزب الجمهوري, المقاومة الشعبية).
PARTIES = frozenset(fold(w) for w in ["جبهة", "حزب", "مقاومة"])
# Adjectives of more than one nation, which name an alliance or a body as a nationality does
# (التحالف العربي, الائتلاف الدولي, الحلف الأطلسي, البنك الدولي).
SUPRANATIONAL = frozenset(
    fold(w)
    for w in [
        *("العربي", "العربية", "الإسلامي", "الإسلامية", "الدولي", "الدولية", "العالمي"),
        *("العالمية", "الأطلسي", "الخليجي", "الخليجية", "الأممي", "الأممية"),
    ]
)
# Heads of media and companies: a quoted name after them is the organization's whole name.
# A quoted name after برنامج is a show (برنامج «مع الناس»), not a body.
QUOTE_HEADS = (HEADS - {fold("برنامج")}) | frozenset(
    fold(w) for w in ["موقع", "صحيفة", "مجلة", "قناة", "شبكة"]
)
# Definite words that never continue a name: relative pronouns, time words, prepositions
# written with ال, and labels a text puts on an organization (تنظيم داعش الإرهابي).
STOP = frozenset(
    fold(w)
    for w in [
        *("الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "الى", "الا"),
        *("الآن", "اليوم", "الأمس", "الماضي", "الماضية", "الجاري", "الجارية", "الحالي"),
        *("الحالية", "المقبل", "المقبلة", "القادم", "القادمة", "الأسبوع", "الشهر", "العام"),
        *("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
        *("الإرهابي", "الإرهابية", "المتطرف", "المتطرفة", "المتشدد", "المتشددة"),
        *("الإرهابيين", "المسلحين", "المتمردين", "المعارضة", "المحلية", "المحلي"),
        *("الأخرى", "الأخير", "الأخيرة", "نفسه", "نفسها", "ذاته", "ذاتها", "كافة"),
    ]
)
# Heads of names of two nouns joined by و (حزب العدالة والتنمية, وزارة العمل والتنمية
# الاجتماعية, المجلس الاقتصادي والاجتماعي): a militia's و joins another group (مليشيات
# الحوثيين والمخلوع), and no و joins another institution (مجلس الوزراء والبرلمان) or an office.
COORDINATING = frozenset(
    fold(w) for w in ["حزب", "وزارة", "هيئة", "جبهة", "حركة", "جمعية", "لجنة", "مجلس", "منظمة"]
)
INSTITUTIONS = HEADS | frozenset(fold(w) for w in ["برلمان", "حكومة", "رئاسة", "دولة"])
OFFICE_WORDS = frozenset(
    fold(w) for w in ["الرئيس", "المخلوع", "الملك", "الأمير", "الوزير", "رئيس", "الحكومة"]
)
# Adjectives in organizations' names that are no relative adjective (الأمم المتحدة).
ADJECTIVES = frozenset(
    fold(w)
    for w in [
        *("المتحدة", "المشترك", "المشتركة", "العامة", "العليا", "الأعلى", "الكبرى"),
        *("المسلحة", "الحر", "الحرة", "الجديد", "الجديدة", "الموحد", "الموحدة"),
        *("المقدسة", "المكرمة", "المنورة"),  # أمانة العاصمة المقدسة, هيئة المدينة المنورة
    ]
)
# Words before a quoted source: أكدت لـ«الوطن», وبحسب "الفرنسية".
SOURCE_WORDS = frozenset(fold(w) for w in ["بحسب", "وبحسب", "حسب", "وحسب"])
TO = fold("ل")
# Words of speaking before a quoted name after لـ that credit it as the source (قال مصدر
# لـ«الوطن», في تصريحات لـ«عكاظ»); without them لـ«...» is "for" or "of" a quoted phrase
# (وفقا لـ«خطة الطريق», برنامج لـ«الطهي»). Stems, behind و or ف.
SPEAKING = frozenset(
    fold(w)
    for w in [
        *("قال", "قالت", "قالوا", "أكد", "أكدت", "أكدوا", "أوضح", "أوضحت", "كشف", "كشفت"),
        *("صرح", "صرحت", "ذكر", "ذكرت", "أضاف", "أضافت", "أفاد", "أفادت", "أشار", "أشارت"),
        *("تحدث", "تحدثت", "أبلغ", "أبلغت", "أفصح", "أفصحت", "بين", "بينت", "لفت", "لفتت"),
        *("أعلن", "أعلنت", "نقل", "نقلت", "رجح", "رجحت", "توقع", "توقعت", "أوضحوا", "كشفوا"),
        *("يقول", "تقول", "يؤكد", "تؤكد", "يضيف", "تضيف", "يوضح", "توضح", "قوله", "قولها"),
        *("تصريح", "تصريحات", "تصريحه", "تصريحها", "حديث", "حديثه", "حديثها", "مقابلة"),
        *("حوار", "بيان", "مصدر", "مصادر", "مسؤول", "مسؤولون", "متحدث", "المتحدث"),
        *("موضحا", "مؤكدا", "مضيفا", "مشيرا", "قائلا", "كاشفا", "لافتا", "مبينا", "معتبرا"),
    ]
)
# A paper's own verbs before its quoted name, feminine for صحيفة: وعلمت «المدينة» من مصادرها,
# حصلت «الوطن» على نسخة, اطلعت «الاقتصادية», رصدت «عكاظ», تلقت «الرياض».
LEARNT = frozenset(fold(w) for w in ["علمت", "حصلت", "اطلعت", "رصدت", "تلقت"])
SPEAKING_REACH = 12  # tokens before لـ: a speaker's name and office come between
MAX_CREDITED = 3  # words of a credited outlet's name (الشرق الأوسط, فاينانشيال تايمز)
OPEN_QUOTES = frozenset("«\"“'(")
CLOSE_QUOTES = frozenset("»\"”')")
MAX_WORDS = 7  # a head and at most six words after it
# Bylines: عين اليوم – جدة, سبق- متابعة, الوئام - وكالات.
DASHES = frozenset("-–—ـ")
GOD = fold("الله")
BYLINE_WORDS = frozenset(fold(w) for w in ["متابعات", "متابعة", "وكالات", "خاص"])
MAX_BYLINE = 3
MAX_QUOTED = 5
Names = dict[str, set[tuple[str, ...]]]  # first folded word -> the names that start with it
# Institutions news names by their seat (أعلن البيت الأبيض, قال الكرملين): organizations
# whatever the tagger read them as (a place, a person), in each spelling of a foreign g.
SEATS: Names = {}
for _seat in [
    *("البيت الأبيض", "الكرملين", "البنتاغون", "البنتاجون", "البنتاقون", "الإليزيه"),
    *("قصر الإليزيه", "داونينغ ستريت", "داوننغ ستريت", "الكونغرس", "الكونجرس", "الكنيست"),
    *("الدوما", "البوندستاغ", "البوندستاج"),
]:
    _words = tuple(fold(_seat).split(" "))
    SEATS.setdefault(_words[0], set()).add(_words)


@word_cache
def _head(key: str) -> tuple[bool, str] | None:
    """(definite, indefinite head) if the folded word, maybe behind a proclitic, is a head."""
    for _, stem in proclitic_splits(key):
        if stem in HEADS:
            return False, stem
        if stem.startswith("ال") and stem[2:] in HEADS:
            return True, stem[2:]
    return None


def head_cut(key: str) -> tuple[int, str] | None:
    """(proclitic letters before it, the head) if the folded word is an organization's head
    (1 and وزاره in لوزارة, 1 and البنك in للبنك)."""
    for cut, stem in proclitic_splits(key):
        if stem in HEADS or (stem.startswith("ال") and stem[2:] in HEADS):
            return cut, stem
    return None


def _definite(key: str) -> bool:
    return key.startswith("ال") and len(key) > 3 and key not in STOP


def _relative(key: str) -> bool:
    """A definite relative adjective (الأميركية, الإسلامي, التجاري) or one of ADJECTIVES."""
    if key in ADJECTIVES:
        return True
    return _definite(key) and len(key) >= 6 and key.endswith(("ي", "يه", "يين", "يون"))


WordTest = Callable[[str], bool]
"""A test of one word: whether it may be a name (new to training, rarely with ال), is a common
word, or is a plain word the corpus reads as itself."""


class _Sentence:
    """One sentence's words, folded forms and labels, with the word classes the grammar reads."""

    def __init__(
        self,
        words: list[str],
        labels: list[str],
        gazetteer: Gazetteer,
        name_like: WordTest,
        common: WordTest,
        plain: WordTest,
    ) -> None:
        self.words = words
        self.folded = [fold(w) for w in words]
        self.labels = labels
        self.gazetteer = gazetteer
        self.name_like = name_like
        self.common = common
        self.plain = plain

    def noun(self, i: int) -> bool:
        """Whether word ``i`` may be a noun in construct: the corpus reads it as itself, with no
        proclitic (بمنطقة), pronoun or verb prefix (تصنفها)."""
        return self.plain(self.folded[i])

    def rare(self, i: int) -> bool:
        """Whether word ``i`` is no common word of the corpus (النهضة, not الصادرات)."""
        return not self.common(self.folded[i])

    def nationality(self, i: int) -> bool:
        """A definite nationality adjective (السوري, الأميركية, البحرينية)."""
        return self.folded[i].startswith("ال") and self.gazetteer.is_demonym(self.words[i])

    def word(self, i: int) -> bool:
        return self.words[i][0].isalnum() and bool(self.folded[i])

    def chunk_end(self, i: int) -> int:
        """The end of the tagged span that starts at ``i``."""
        j = i + 1
        while j < len(self.labels) and self.labels[j].startswith("I-"):
            j += 1
        return j

    def quoted(self, i: int) -> int | None:
        """The index of the closing quote when a quoted name of words opens at ``i``."""
        if self.words[i] not in OPEN_QUOTES:
            return None
        for k in range(i + 2, min(i + 2 + MAX_QUOTED, len(self.words))):
            if self.words[k] in CLOSE_QUOTES:
                return k
            if not self.word(k):
                return None
        return None

    def _country_as_adjective(self, j: int) -> bool:
        """Whether word ``j``, tagged a place alone, is a nationality adjective after a
        definite noun: السعودية is the country and the feminine adjective (القوات السعودية,
        سلاح الجو السعودية), and a noun with ال takes no country in construct."""
        return (
            self.labels[j] == "B-LOC"
            and (j + 1 == len(self.labels) or not self.labels[j + 1].startswith("I-"))
            and j > 0
            and self.folded[j - 1].startswith("ال")
            and self.nationality(j)
        )

    def _coordinates(self, start: int) -> bool:
        """Whether the organization whose head is word ``start`` names itself by two nouns
        joined by و (حزب العدالة والتنمية, وزارة التجارة والصناعة)."""
        head = _head(self.folded[start])
        return head is not None and head[1] in COORDINATING

    def adjectives(self, j: int, start: int, after_name: bool = False) -> int:
        """The end of the adjectives and لـ complements that continue a name at ``j``. After a
        proper name a nationality adjective describes it (شركة إيني الإيطالية) and ends it."""
        while (
            j < len(self.words)
            and j - start < MAX_WORDS
            and (self.labels[j] == "O" or self._country_as_adjective(j))
        ):
            key = self.folded[j]
            if after_name and self.nationality(j):
                break
            if _relative(key) or self.nationality(j):
                j += 1
            elif key.startswith("لل") and len(key) > 4 and key not in STOP:
                j += 1  # للملكية الفكرية
            elif (
                key.startswith("ل")
                and len(key) >= 4
                and head_cut(key) is None  # لوكالة: another organization begins
                and j + 1 < len(self.words)
                and (self.labels[j + 1][2:] == "LOC" or _definite(self.folded[j + 1]))
            ):
                # لدول الخليج, لحقوق الإنسان, لتحرير السودان: a لـ construct and its noun
                j = self.chunk_end(j + 1) if self.labels[j + 1] != "O" else j + 2
            elif (
                key.startswith("وال")
                and _definite(key[1:])
                and (j > start + 2 or (j == start + 2 and self._coordinates(start)))
                and key[3:] not in INSTITUTIONS  # والبرلمان: another institution begins
                and key[1:] not in OFFICE_WORDS
            ):
                j += 1  # المجلس الاقتصادي والاجتماعي, حزب العدالة والتنمية
            else:
                break
        return j


def _byline(s: _Sentence) -> int:
    """The end of an outlet's name in a byline that opens a line (عين اليوم – جدة, سبق-
    متابعة:): at most three words that are no person's name and no place alone, a dash, then a
    place or the words for agencies and follow-ups; 0 if the sentence opens with none."""
    for k in range(1, min(MAX_BYLINE + 1, len(s.words) - 1)):  # a word after the dash too
        if s.words[k] in DASHES:
            after = s.folded[k + 1]
            words = range(k)
            outlet = all(s.word(i) and s.labels[i][2:] != "PERS" for i in words) and not (
                s.labels[0] == "B-LOC" and all(s.labels[i] == "I-LOC" for i in words[1:])
            )  # a place before the dash is a dateline (الرياض -)
            if outlet and (
                after in BYLINE_WORDS or s.labels[k + 1] == "B-LOC" or _place(s, k + 1, k + 2)
            ):
                return k
            return 0
        if not s.word(k):
            return 0
    return 0


def _signed(s: _Sentence) -> int | None:
    """Where the outlet's name starts in a line signed by a reporter (أحمد حجازي – عين اليوم):
    a person alone (after a site's Latin navigation words at most), a dash and at most three
    words that end the line, do not open with a place (سعد الغامدي – جدة is a dateline; صدى
    الخليج is an outlet), name no person and
    no word for agencies or follow-ups; not a sentence that ends in a blessing after a name
    (الملك سلمان - حفظه الله: the name does not open it)."""
    if DASHES.isdisjoint(s.words[2:]):
        return None
    for k in range(2, len(s.words) - 1):
        if s.words[k] in DASHES:
            words = range(k + 1, len(s.words))
            if (
                all(s.labels[i][2:] == "PERS" or s.words[i].isascii() for i in range(k))
                and s.labels[k - 1][2:] == "PERS"
                and len(words) <= MAX_BYLINE
                and all(s.word(i) and s.labels[i][2:] != "PERS" for i in words)
                and s.labels[k + 1][2:] != "LOC"  # a place first is a dateline (– مكة المكرمة)
                and GOD not in s.folded[k + 1 :]  # a blessing after a name: حفظه الله
                and not _place(s, k + 1, len(s.words))
                and not any(s.folded[i] in BYLINE_WORDS for i in words)
            ):
                return k + 1
            return None
        if not s.word(k) and s.words[k] not in DASHES:
            return None
    return None


def _spans(s: _Sentence) -> Iterator[tuple[int, int, tuple[int, int] | None]]:
    """(start, end, the name inside it that the article may use alone, if any)."""
    i = 0
    n = len(s.words)
    if end := _byline(s):
        yield 0, end, (0, end)
        i = end
    elif start := _signed(s):
        yield start, n, (start, n)
        return
    while i < n:
        head = _head(s.folded[i]) if s.labels[i] == "B-ORG" else None
        if head and not head[0]:  # [بنك أبوظبي] الوطني, [وكالة دوغان] للأنباء
            end = s.chunk_end(i)
            grown = _after_name(s, head[1], end, i)
            if grown > end:
                yield i, grown, None
            i = grown
            continue
        found = _at(s, i) if s.labels[i] == "O" else None
        if found is None:
            i += 1
            continue
        yield found
        i = max(found[1], i + 1)


def _at(s: _Sentence, i: int) -> tuple[int, int, tuple[int, int] | None] | None:
    """The organization whose head is word ``i``, if the grammar finds one."""
    head = _head(s.folded[i])
    j = i + 1
    if j >= len(s.words):
        return None
    close = s.quoted(j)
    if close is not None and (_quote_head(s.folded[i]) or _credit(s, i, close - j - 1)):
        return j + 1, close, (j + 1, close)
    if head is None:
        return None
    definite, stem = head
    if definite:
        end = s.adjectives(j, i)
        if _disagrees(stem, s.folded[j]):
            return None  # قوات الشرطة والجيش الأفغانية: the adjective is the forces'
        if stem in DEFINITE_HEADS and (
            any(
                s.nationality(k) or s.folded[k] in SUPRANATIONAL or s.labels[k] == "B-LOC"
                for k in range(j, end)
            )  # الجيش السوري, التحالف العربي, الجيش الشعبي لتحرير [السودان]
            or (stem in PARTIES and end > j)
        ):
            return i, end, None
        if stem in COURTS and s.folded[j] in SUPREME:
            return i, end, None  # المحكمة العليا, المجلس الأعلى للقضاء
        return None
    if s.labels[j] != "O":  # a name the tagger found: حركة [حماس], بنك [أبوظبي] التجاري
        end = s.chunk_end(j)
        kind = s.labels[j][2:]
        if kind == "LOC" and stem == FRONT:
            return None  # جبهة شارع الستين, جبهة نهم: a battle's front at a place
        if kind == "PERS" and stem in MILITIAS and end == j + 1:
            return j, end, None  # مليشيات [الحوثي]: one name after militias is their group
        if (kind == "PERS" and stem not in NAMED_AFTER_PEOPLE) or _behind_preposition(s, j):
            return None
        name = (j, end) if kind in ("ORG", "MISC") or not _place(s, j, end) else None
        return i, _after_name(s, stem, end, i, purpose=name is not None), name
    if not s.word(j):
        return None
    if _definite(s.folded[j]):
        if stem in MILITIAS:
            return j, s.adjectives(j + 1, i), None  # مليشيات [الحوثيين]
        if stem in NAME_ONLY and not s.nationality(j):
            return None
        end = s.adjectives(j + 1, i)
        if stem in COMMON_HEADS and not (
            s.rare(j)
            or any(s.nationality(k) or s.folded[k] in SUPRANATIONAL for k in range(j, end))
        ):
            return None  # حركة الصادرات, غرفة العمليات, هيئة التدريس
        return i, end, None
    if stem in MILITIAS or s.nationality(j) or len(s.folded[j]) < 3:
        return None
    if not s.name_like(s.words[j]):
        if (
            j + 1 < len(s.words)
            and s.labels[j + 1] == "B-LOC"
            and stem not in NAME_ONLY
            and s.noun(j)
        ):
            return i, s.chunk_end(j + 1), None  # تنظيم أنصار [بيت المقدس]
        return None
    return i, _after_name(s, stem, j + 1, i), (j, j + 1)  # تنظيم داعش, شركة جازبروم


def _disagrees(head: str, adjective: str) -> bool:
    """Whether an adjective right after a definite head cannot be the head's: a masculine
    singular head (جيش, مجلس, حزب; no ة, no plural) takes no feminine adjective in -ية, which
    then describes a noun before it (قوات الشرطة والجيش الأفغانية)."""
    return (
        not head.endswith("ه")
        and head not in PLURAL_HEADS
        and adjective.startswith("ال")
        and adjective.endswith("يه")
    )


def _after_name(s: _Sentence, stem: str, end: int, start: int, purpose: bool = True) -> int:
    """The end of an organization named by a proper name: a bank or a market named after a
    place takes its adjectives (بنك أبوظبي التجاري); other names take only what they are for
    (وكالة دوغان للأنباء; with ``purpose``, not after a place) and end there (شركة جازبروم
    النفطية: the oil company Gazprom)."""
    if stem in _BANKS:
        return s.adjectives(end, start, after_name=True)
    while (
        purpose  # not after a place: أمانة المدينة المنورة [للعروض]
        and end < len(s.words)
        and end - start < MAX_WORDS
        and s.labels[end] == "O"
        and s.folded[end].startswith("لل")
        and len(s.folded[end]) > 4
        and s.folded[end] not in STOP
    ):
        end += 1  # وكالة دوغان للأنباء, مركز الخليج للأبحاث: "for" what it does
    return end


def _place(s: _Sentence, start: int, end: int) -> bool:
    """Whether a tagged span is a place's name, maybe behind a proclitic."""
    rest = tuple(s.folded[start + 1 : end])
    return any(s.gazetteer.is_place((stem, *rest)) for _, stem in proclitic_splits(s.folded[start]))


def _country(s: _Sentence, start: int, end: int) -> bool:
    """Whether a tagged span is exactly a country's name (maybe behind a proclitic). ANERcorp
    tags a country that acts (a team, a government) as an organization, and the tagger
    learnt it; the pane lists the country. A club named after its city stays a club."""
    if head_cut(s.folded[start]) is not None:
        return False  # CLDR counts الاتحاد الأوروبي and الأمم المتحدة among its territories
    rest = tuple(s.folded[start + 1 : end])
    return any(
        s.gazetteer.is_country((stem, *rest)) for _, stem in proclitic_splits(s.folded[start])
    )


KINGDOM = fold("المملكة")  # Saudi news names the country so


def _to_place(s: _Sentence, start: int, end: int) -> int:
    """Where a tagged organization runs into لـ and a place ("to", "for": حماس للمملكة), or
    ``end``; a لـ construct inside a name (لحقوق الإنسان, لدول الخليج) stays."""
    for k in range(start + 1, end):
        if s.folded[k][:1] != "ل":
            continue
        for cut, stem in proclitic_splits(s.folded[k]):
            if (
                cut
                and s.folded[k][:cut].endswith("ل")
                and (stem == KINGDOM or s.gazetteer.is_place((stem, *s.folded[k + 1 : end])))
            ):
                return k
    return end


def _behind_preposition(s: _Sentence, j: int) -> bool:
    """Whether word ``j`` carries a preposition before a place (سوق بأفغانستان: no construct)."""
    return any(cut and s.gazetteer.is_place((stem,)) for cut, stem in proclitic_splits(s.folded[j]))


@word_cache
def _quote_head(key: str) -> bool:
    return any(stem in QUOTE_HEADS for _, stem in proclitic_splits(key))


def _credit(s: _Sentence, i: int, words: int) -> bool:
    """Whether word ``i`` credits a quoted source of ``words`` words: بحسب (وبحسب
    "الفرنسية"), a paper's verb of learning (وعلمت «المدينة»), or a bare لـ after words of
    speaking (أكدت مصادر لـ«الوطن») or a person's name (قال فلان لـ«عكاظ»), or before one word
    that may be a name (ل"داعش")."""
    if s.folded[i] in SOURCE_WORDS:
        return True
    if words <= MAX_CREDITED and any(stem in LEARNT for _, stem in proclitic_splits(s.folded[i])):
        return True  # وعلمت «المدينة»: the paper learnt
    if s.folded[i] != TO or words > MAX_CREDITED:
        return False
    if words == 1 and s.name_like(s.words[i + 2]):
        return True  # a name no common word: ل"داعش"
    before = i - 1 if i and s.words[i - 1] not in CLOSE_QUOTES else i - 2
    if before >= 0 and s.labels[before][2:] == "PERS":
        return True  # a person told it: عويضة لـ“عين اليوم”
    return any(
        stem in SPEAKING
        for k in range(max(0, i - SPEAKING_REACH), i)
        for _, stem in proclitic_splits(s.folded[k])
    )


class OrganizationNames:
    """Names that followed an organization's head somewhere in the article, gathered one
    sentence at a time (داعش from تنظيم داعش, إيني from شركة «إيني»)."""

    def __init__(
        self, gazetteer: Gazetteer, name_like: WordTest, common: WordTest, plain: WordTest
    ) -> None:
        self.gazetteer = gazetteer
        self.name_like = name_like
        self.common = common
        self.plain = plain
        self.names: Names = {}

    def add(self, words: list[str], labels: list[str]) -> None:
        """Collect the names that follow a head in one sentence, and the plural a group is
        named by (``_group_plural``)."""
        s = _Sentence(words, labels, self.gazetteer, self.name_like, self.common, self.plain)
        for _, _, name in _spans(s):
            if name is not None:
                first, *rest = s.folded[name[0] : name[1]]
                for _, stem in proclitic_splits(first):
                    self.names.setdefault(stem, set()).add((stem, *rest))
        for i in range(len(words) - 1):
            if (single := _group_plural(s, i)) is not None:
                for plural in (single + "ين", single + "ون"):
                    self.names.setdefault(plural, set()).add((plural,))


def _group_plural(s: _Sentence, i: int) -> str | None:
    """The singular relative adjective of a movement named by its members' plural, when word
    ``i`` is the head of forces or fighters before it (قوات الحوثيين, مسلحي الحوثيين) or of
    militias before its singular (مليشيات الحوثي): الحوثي, whose plurals الحوثيين and
    الحوثيون name the group wherever the article uses them. Plurals of nations are peoples
    (قوات السوريين)."""
    head = next((stem for _, stem in proclitic_splits(s.folded[i]) if stem in GROUP_HEADS), None)
    word = s.folded[i + 1]
    if head is None or not word.startswith("ال") or s.gazetteer.is_demonym(word):
        return None
    if word.endswith(("يين", "يون")) and len(word) >= 8:
        single = word[:-2]
    elif head in MILITIAS and word.endswith("ي") and len(word) >= 6 and s.labels[i + 1] != "B-LOC":
        single = word
    else:
        return None
    # Members of a movement named after a name (الحوثي, from الحوثي), not of a common noun's
    # adjective: قوات الانفصاليين are separatists (انفصال), no organization.
    return None if s.common(single[2:-1]) else single


def label_organizations(words: list[str], labels: list[str], found: OrganizationNames) -> list[str]:
    """One sentence's labels with the organizations the grammar finds, and the article's
    organization names wherever they stand alone."""
    out = list(labels)
    names = found.names
    s = _Sentence(words, out, found.gazetteer, found.name_like, found.common, found.plain)
    for start, end, kind in chunks(out):
        if kind == "ORG" and _country(s, start, end):
            label(out, start, end, "LOC")  # وقالت المملكة المتحدة: a country, though it speaks
        elif kind == "ORG" and (cut := _to_place(s, start, end)) < end:
            label(out, start, cut, "ORG")  # وفد من [حماس] للمملكة: "to the Kingdom"
            out[cut:end] = ["O"] * (end - cut)
    for start, end, _ in list(_spans(s)):
        label(out, start, end, "ORG")
    for start, end, kind in chunks(out):
        if kind != "ORG" and _named(s.folded, start, end, names):
            label(out, start, end, "ORG")
    i = 0
    while i < len(words):
        size = _named_at(s.folded, out, i, names) if out[i] == "O" else 0
        if size:
            label(out, i, i + size, "ORG")
        i += max(size, 1)
    for i in range(len(words)):
        if size := _seat_at(s.folded, i):
            _relabel(out, i, i + size, "ORG")
    return out


def _seat_at(folded: list[str], i: int) -> int:
    """The length of the seat's name at ``i`` (البيت الأبيض, للكرملين), or 0."""
    for _, stem in proclitic_splits(folded[i]):
        for name in SEATS.get(stem, ()):
            if tuple(folded[i + 1 : i + len(name)]) == name[1:]:
                return len(name)
    return 0


def _relabel(labels: list[str], start: int, end: int, kind: str) -> None:
    """Label ``[start, end)`` as ``kind``, cutting any span it overlaps at its edges: a span
    before it ends there, and what a span ran on after it is no name (الكونغرس [سيصوت])."""
    label(labels, start, end, kind)
    while end < len(labels) and labels[end].startswith("I-"):
        labels[end] = "O"
        end += 1


def _named(folded: list[str], start: int, end: int, names: Names) -> bool:
    rest = tuple(folded[start + 1 : end])
    return any((stem, *rest) in names.get(stem, ()) for _, stem in proclitic_splits(folded[start]))


def _named_at(folded: list[str], labels: list[str], i: int, names: Names) -> int:
    """The length of the longest collected name at ``i`` over untagged words (0 if none)."""
    best = 0
    for _, stem in proclitic_splits(folded[i]):
        for name in names.get(stem, ()):
            end = i + len(name)
            if (
                len(name) > best
                and tuple(folded[i + 1 : end]) == name[1:]
                and all(tag == "O" for tag in labels[i:end])
            ):
                best = len(name)
    return best
