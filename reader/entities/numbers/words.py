"""Arabic number-word lexicon: spelling folding and the word classes the number grammar reads.

Every key is in folded form (see ``NORMALIZE``): hamza-carrying alefs become ا, ة becomes ه,
ى becomes ي, and harakat become tatweel so that folding never changes a text's length (offsets
into the folded text are offsets into the original). Lookups strip the tatweel first.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, NamedTuple

Kind = Literal[
    "unit", "teenhead", "ten", "tens", "hundred", "hundreds", "scale", "fraction", "definite"
]
Form = Literal["", "sing", "acc", "plural", "dual", "def"]

MARK = "\u0640"  # tatweel: what harakat fold to

_FOLD = {
    "\u0622": "\u0627",  # آ
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0671": "\u0627",  # ٱ
    "\u0629": "\u0647",  # ة
    "\u0649": "\u064a",  # ى
    "\u06cc": "\u064a",  # Persian yeh
    "\u06a9": "\u0643",  # keheh
    "\u0670": MARK,  # superscript alef
}
_FOLD.update({chr(c): MARK for c in range(0x064B, 0x0660)})
NORMALIZE = str.maketrans(_FOLD)


class Lexeme(NamedTuple):
    """One number word: its class, its value (the scale for scale words) and its form."""

    kind: Kind
    value: int | Fraction
    form: Form = ""


def fold(word: str) -> str:
    """The lookup key of a word: folded spelling, harakat and tatweel removed."""
    return word.translate(NORMALIZE).replace(MARK, "")


_UNITS = {
    "صفر": 0,
    "واحد": 1,
    "واحده": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثنتان": 2,
    "ثنتين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
}
# Only numbers in front of عشر/عشرة ("أحد عشر") or of و + tens ("إحدى وعشرون"): alone, أحد
# means "someone" and إحدى "one of".
_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TENS_STEMS = {
    "عشر": 20,
    "ثلاث": 30,
    "اربع": 40,
    "خمس": 50,
    "ست": 60,
    "سبع": 70,
    "ثمان": 80,
    "تسع": 90,
}
_HUNDRED = ("مئه", "مائه", "مايه")
_HUNDRED_STEMS = {
    "ثلاث": 3,
    "ثلث": 3,
    "اربع": 4,
    "خمس": 5,
    "ست": 6,
    "سبع": 7,
    "ثمان": 8,
    "ثماني": 8,
    "تسع": 9,
}
_TWO_HUNDRED = ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
# scale -> forms. "الفا" is the accusative after a count (عشرون ألفاً); alone it is as often
# "alpha" or the construct dual, so the grammar never starts a term with it.
_SCALES: dict[int, dict[Form, tuple[str, ...]]] = {
    1000: {
        "sing": ("الف",),
        "acc": ("الفا",),
        "plural": ("الاف",),
        "dual": ("الفان", "الفين", "الفي"),
        "def": ("الالف",),
    },
    10**6: {
        "sing": ("مليون", "مليونا"),
        "plural": ("ملايين",),
        "dual": ("مليونان", "مليونين", "مليوني"),
        "def": ("المليون",),
    },
    10**9: {
        "sing": ("مليار", "مليارا", "بليون", "بليونا"),
        "plural": ("مليارات", "بلايين"),
        "dual": ("ملياران", "مليارين", "ملياري", "بليونان", "بليونين", "بليوني"),
        "def": ("المليار", "البليون"),
    },
    10**12: {
        "sing": ("تريليون", "تريليونا", "ترليون", "ترليونا"),
        "plural": ("تريليونات", "ترليونات"),
        "dual": ("تريليونان", "تريليونين", "تريليوني", "ترليونان", "ترليونين", "ترليوني"),
        "def": ("التريليون", "الترليون"),
    },
}
_FRACTIONS = {"نصف": Fraction(1, 2), "ربع": Fraction(1, 4), "ثلث": Fraction(1, 3)}


def _build() -> dict[str, Lexeme]:
    lex: dict[str, Lexeme] = {}
    for word, value in _UNITS.items():
        lex[word] = Lexeme("unit", value)
    for word, value in _TEEN_HEADS.items():
        lex[word] = Lexeme("teenhead", value)
    lex["عشر"] = lex["عشره"] = Lexeme("ten", 10)
    for stem, value in _TENS_STEMS.items():
        lex[stem + "ون"] = lex[stem + "ين"] = Lexeme("tens", value)
    for word in _HUNDRED:
        lex[word] = Lexeme("hundred", 100)
        for stem, value in _HUNDRED_STEMS.items():
            lex[stem + word] = Lexeme("hundreds", value * 100)
    for word in _TWO_HUNDRED:
        lex[word] = Lexeme("hundreds", 200)
    for scale, forms in _SCALES.items():
        for form, words in forms.items():
            for word in words:
                lex[word] = Lexeme("scale", scale, form)
    for word, value in _FRACTIONS.items():
        lex[word] = Lexeme("fraction", value)
    # Definite cardinals after their noun (الأشهر الثلاثة "the three months"); the grammar takes
    # them only there, and 1 and 2 only before عشر (الشهور الاثني عشر; الأحد is "Sunday",
    # الاثنين "Monday"). Not الست ("the lady"), nor the definite tens (القرن العشرين: "twentieth").
    for word, value in (*_UNITS.items(), *_TEEN_HEADS.items()):
        if value and word not in ("ست", "ثمان", "واحد", "واحده", "ثنتان", "ثنتين"):
            lex["ال" + word] = Lexeme("definite", value)
    lex["العشر"] = lex["العشره"] = Lexeme("definite", 10)
    return lex


LEXICON: dict[str, Lexeme] = _build()

# Attached clitics a number word can carry: and, then, with/by, for, like.
PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


def _with_prefixes() -> dict[str, tuple[str, Lexeme]]:
    table: dict[str, tuple[str, Lexeme]] = {word: ("", lexeme) for word, lexeme in LEXICON.items()}
    for prefix in PREFIXES:
        for word, lexeme in LEXICON.items():
            if prefix.endswith("ل") and word == "ست":
                continue  # لست is "I am not", far commoner than "for six"
            table.setdefault(prefix + word, (prefix, lexeme))
    return table


# folded word (prefix included) -> (prefix, lexeme): one dict lookup per word of the text.
PREFIXED: dict[str, tuple[str, Lexeme]] = _with_prefixes()

# Ordinals that take عشر/عشرة after them (الثالث عشر "thirteenth"), ة folded to ه.
_ORDINAL_STEMS = ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
ORDINALS = frozenset((*_ORDINAL_STEMS, *(stem + "ه" for stem in _ORDINAL_STEMS)))

PERCENT_AFTER_FI = frozenset({"المئه", "المائه", "المايه"})
PERCENT_WORDS = frozenset({"بالمئه", "بالمائه", "بالمايه"})

# Words that follow a number without being what it counts: particles, months, common verbs.
_NOT_UNITS_TEXT = """
من في على إلى عن أو و أن إن ما لا قد لم لن هو هي هم هن كما مع حتى منذ بعد قبل ثم بين عند أي
إذا إذ كل بل أم ذلك هذا هذه تلك الذي التي الذين قال وقال كان كانت أيضا فقط تقريبا نحو حوالى حوالي
أكثر أقل مقابل خلال لدى ضد عبر دون غير سوى وفق بحسب حسب مثل ليس لكن ولكن لأن حيث عندما بينما
فيما إلا أنه إنه أنها إنها أنهم إنهم لأنه وهو وهي وهم وكان وقد وفي ومن وعلى وأن وإن ثم ثمة
منه منها منهم عليه عليها فيه فيها به بها له لها لهم
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو
"""
NOT_UNITS = frozenset(fold(word) for word in _NOT_UNITS_TEXT.split())
# Nouns that end like a plural past-tense verb (-وا) but are counted nouns.
UNITS_ENDING_WA = frozenset({"عضوا", "جوا"})
