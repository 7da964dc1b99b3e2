"""One entity per real entity: variant spellings, surnames and contained place names merge.

Mentions are first grouped by their folded words (so قرة باخ and قره باخ, or أذربيجان with and
without hamza, are one group). A group whose words appear contiguously inside exactly one longer
group of the same type then joins it: بلينكن → أنتوني بلينكن, قره باخ → ناغورني قره باخ; so does
a person's given name and family name alone (محسن الفضلي → محسن فاضل إياد عاشور الفضلي). When
several longer names contain it (two people sharing a surname) it stays on its own, and so does
a place name inside the name of another place (روسيا beside روسيا البيضاء, أفريقيا beside جنوب
أفريقيا, عدن beside خليج عدن; but الضفة, no place on its own, is short for الضفة الغربية).
"""

from __future__ import annotations

from collections import Counter

from reader.entities.article.mentions import RawMention
from reader.entities.article.organizations import HEADS, head_cut
from reader.entities.entity import Entity, Mention
from reader.entities.normalize import fold
from reader.entities.tagging.gazetteer import DIRECTIONS, Gazetteer

# Adjectives of nations that leave a head a description (المنظمة الدولية: "the international
# organization"), and those that make an organization international.
GENERIC = frozenset(
    fold(w) for w in ["الدولي", "الدولية", "العالمي", "العالمية", "الأممي", "الأممية"]
)
INTERNATIONAL = GENERIC | {fold("المتحدة")}
# Heads of natural features named after another place that they are not: خليج عدن is no
# mention of عدن, nor دلتا النيل of the river (نهر النيل and جزيرة القرم are النيل and القرم).
OTHER_FEATURES = frozenset(
    fold(w) for w in ["دلتا", "خليج", "وادي", "بحر", "مضيق", "بحيرة", "هضبة"]
)


def _contains(
    longer: tuple[str, ...], shorter: tuple[str, ...], place: bool, gazetteer: Gazetteer
) -> bool:
    """Whether ``shorter`` runs inside ``longer`` and, when ``shorter`` is a place of its own,
    ``longer`` is that place: not another one the gazetteer knows (روسيا البيضاء), nor a part
    of it located by direction (بحر الصين الشرقي). People keep surnames such as الشرقي."""
    n = len(shorter)
    for i in range(len(longer) - n + 1):
        if longer[i : i + n] == shorter:
            return not place or (
                DIRECTIONS.isdisjoint(longer[:i] + longer[i + n :])
                and OTHER_FEATURES.isdisjoint(longer[:i])
                and not gazetteer.names_other(longer, shorter)
            )
    return False


def _given_and_family(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether a two-word name is the first and last word of a longer one: محسن الفضلي is
    محسن فاضل إياد عاشور الفضلي, جورج بوش is جورج ووكر بوش."""
    return len(shorter) == 2 and len(longer) > 2 and (longer[0], longer[-1]) == shorter


def merge(text: str, mentions: list[RawMention], gazetteer: Gazetteer) -> list[Entity]:
    """Group mentions into entities named by their fullest, most frequent spelling."""
    groups: dict[tuple[str, ...], list[RawMention]] = {}
    for mention in mentions:
        groups.setdefault(mention.words, []).append(mention)
    kind_of = {
        words: Counter(m.kind for m in group).most_common(1)[0][0]
        for words, group in groups.items()
    }
    # Every name that holds a group holds each of its words: look among the names of its
    # rarest word only, so merging stays linear in a long article's thousands of names.
    holding: dict[str, list[tuple[str, ...]]] = {}
    for words in groups:
        for word in set(words):
            holding.setdefault(word, []).append(words)
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    for words in sorted(groups, key=len, reverse=True):  # longer names find their root first
        place = kind_of[words] == "place" and gazetteer.is_place(words)
        longer = [
            other
            for other in min((holding[w] for w in words), key=len)
            if len(other) > len(words)
            and kind_of[other] == kind_of[words]
            and (
                _contains(other, words, place, gazetteer)
                or (kind_of[words] == "person" and _given_and_family(other, words))
            )
        ]
        roots = {_root(parent, other) for other in longer}
        if len(roots) == 1:
            parent[words] = roots.pop()
    # اتحاد أوقيانوسية and اتحاد الأوقيانوسية: one body whose name's second word the
    # article writes with and without ال
    bare: dict[tuple[str, ...], tuple[str, ...]] = {}
    for words in sorted(groups, key=lambda w: -len(groups[w])):
        if kind_of[words] != "organization" or len(words) < 2 or words in parent:
            continue
        key = (words[0], *(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words[1:]))
        if key in bare:
            parent[words] = _root(parent, bare[key])
        else:
            bare[key] = words
    kingdom = (fold("المملكة"),)
    if kind_of.get(kingdom) == "place":
        for country in ((fold("السعودية"),), tuple(fold("المملكة العربية السعودية").split())):
            if kind_of.get(country) == "place" and kingdom not in parent:
                parent[kingdom] = _root(parent, country)  # المملكة of Saudi news
    for words in groups:
        if (
            len(words) == 1
            and kind_of[words] == "organization"
            and words not in parent
            and (plural := _group_plural(words[0])) != words[0]
            and kind_of.get((plural,)) == "organization"
        ):
            parent[words] = _root(parent, (plural,))  # الحوثيون, الحوثي: the group الحوثيين
    dropped = {
        words for words in _descriptions(groups, kind_of, parent) if not gazetteer.knows(words[0])
    }
    merged: dict[tuple[str, ...], list[RawMention]] = {}
    for words, group in groups.items():
        if words not in dropped:
            merged.setdefault(_root(parent, words), []).extend(group)
    entities = []
    for root, group in merged.items():
        group.sort(key=lambda m: m.start)
        names = Counter(m.name for m in group if m.words == root)
        name = names.most_common(1)[0][0]  # ties go to the earliest spelling (Counter keeps order)
        spans = sorted({(m.start, m.end) for m in group})
        entities.append(Entity(kind_of[root], name, [Mention(s, e, text[s:e]) for s, e in spans]))
    return entities


def _group_plural(word: str) -> str:
    """The oblique plural of a relative adjective a group is named by (الحوثيون and الحوثي
    -> الحوثيين), or the word."""
    if word.endswith("يون"):
        return word[:-2] + "ين"
    if word.endswith("ي") and not word.endswith("يي"):
        return word + "ين"
    return word


def _descriptions(
    groups: dict[tuple[str, ...], list[RawMention]],
    kind_of: dict[tuple[str, ...], str],
    parent: dict[tuple[str, ...], tuple[str, ...]],
) -> set[tuple[str, ...]]:
    """Join each organization named by its head alone (الحزب, حزب) or its head and an
    adjective of nations (المنظمة الدولية) to the one named organization of the article with
    that head (حزب العدالة والتنمية; منظمة التجارة العالمية, itself international), in
    ``parent``; a head alone with no such organization is no name: return those (the caller
    keeps those a list knows: the club الاتحاد)."""
    named: dict[str, set[tuple[str, ...]]] = {}
    described: list[tuple[tuple[str, ...], str]] = []
    for words in groups:
        if kind_of[words] != "organization" or (noun := _head_noun(words[0])) is None:
            continue
        if len(words) == 1 or (len(words) == 2 and words[1] in GENERIC):
            if words not in parent:
                described.append((words, noun))
        else:
            named.setdefault(noun, set()).add(words)
    dropped = set()
    for words, noun in described:
        roots = {
            _root(parent, other)
            for other in named.get(noun, ())
            if len(words) == 1 or not INTERNATIONAL.isdisjoint(other[1:])
        }
        if len(roots) == 1:
            parent[words] = roots.pop()
        elif len(words) == 1:
            dropped.add(words)
    return dropped


def _head_noun(word: str) -> str | None:
    """The indefinite head noun of an organization's first word (حزب for الحزب), if it is one."""
    found = head_cut(word)
    if found is None or found[0]:
        return None
    stem = found[1]
    return stem[2:] if stem.startswith("ال") and stem[2:] in HEADS else stem


def _root(
    parent: dict[tuple[str, ...], tuple[str, ...]], words: tuple[str, ...]
) -> tuple[str, ...]:
    while words in parent:
        words = parent[words]
    return words
