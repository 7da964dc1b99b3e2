"""The article rules as two sweeps over an article's tagged sentences.

The first sweep (``ArticleRules.add``) gathers what the article says as a whole: unknown
phrases repeated after place words, surname families, the names that follow organizations'
heads. The second (``ArticleRules.label``) labels each sentence by them. `reader extract`
runs both over the article; `reader eval-ner` runs them over each block of a token/tag file's
sentences, as its article, with ``conventions=False``: without the two rules whose convention
ANERcorp's annotation does not share. It tags no ministry, army or company by its head noun,
which the pane lists (cross-validated on the train split, three partitions of four folds, the
organization grammar takes ORG F1 from 61.67 to 52.7), and it does not read a town's or a
site's head as the pane does (the rule for them takes LOC from 87.48 to 86.84), nor take a
title word after a family's آل into the name (آل الشيخ; a news convention: with it, the test
split's PERS fell below its floor, so eval-ner leaves it out). The rules added for real news
in issue 17's second round (clubs, the tag line, المملكة, a country standing as a noun, family
names in -ي) are the pane's conventions too and stay out of eval-ner; the other
rules move no type by more than 0.05 there (76.13 / 87.46 / 61.64 with them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.entities.article.clubs import ClubNames, label_clubs
from reader.entities.article.organizations import OrganizationNames, label_organizations
from reader.entities.article.rules import (
    RepeatedPlaces,
    SurnameFamilies,
    join_people,
    join_surnames,
    label_headed_places,
    label_kingdom,
    label_known_places,
    label_places,
    label_spoken_for,
    label_surnames,
    other_kingdom,
)
from reader.entities.article.tags import TagLine
from reader.entities.normalize import fold, proclitic_splits
from reader.entities.tagging.usage import without_article

if TYPE_CHECKING:
    from reader.entities.pipeline import Model


class ArticleRules:
    """The rules of one article, fed its sentences twice (``add``, then ``label``)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.usage = model.features.usage
        self.lexicon = model.features.lexicon
        self.places = RepeatedPlaces()
        self.families = SurnameFamilies()
        self.organizations = OrganizationNames(
            model.gazetteer, self.name_like, self.common, self.plain
        )
        self.tags = TagLine()
        self.other_kingdom = False  # the article names a kingdom other than Saudi Arabia
        self._labelled = 0  # sentences labelled so far (the tag line is known by its index)
        self.clubs = ClubNames(
            model.gazetteer, self.common, lambda key: self.usage.adjective_ending(key) is not None
        )
        self._repeated: frozenset[tuple[str, ...]] | None = None
        self._endings: frozenset[str] = frozenset()

    def listed(self, word: str) -> bool:
        """Whether the corpus or the gazetteer knows a word (a name's words are in neither)."""
        return self.usage.reading(fold(word)) is not None or bool(
            self.model.gazetteer.word_categories(word)
        )

    def name_like(self, word: str) -> bool:
        """Whether a word after an organization's head may be its name: training tagged it a
        name, or it is new to training and the corpus rarely puts ال on it (داعش)."""
        key = fold(word)
        return key in self.lexicon.names or (
            key not in self.lexicon.vocab and self.usage.name_like(key)
        )

    def common(self, key: str) -> bool:
        """A common noun after a head that is one too (حركة الصادرات): Zipf band 3 is common
        enough."""
        return self.usage.common(key, 3)

    def unseen(self, word: str) -> bool:
        """A word that neither training, the corpus nor the gazetteer knows, nor is a proclitic
        before a name the gazetteer knows (لويث, not لباشينيان): a foreign name."""
        key = fold(word)
        return (
            len(key) >= 3
            and key not in self.lexicon.vocab
            and not self.listed(word)
            and not (key[0] in "وفبلك" and self.model.gazetteer.knows(key[1:]))
        )

    def place_behind(self, word: str) -> bool:
        """Whether a word is a place the gazetteer knows behind a proclitic (بجدة)."""
        return any(
            cut and self.model.gazetteer.is_place((stem,))
            for cut, stem in proclitic_splits(fold(word))
        )

    def plain(self, key: str) -> bool:
        """A folded word the corpus reads as itself, with no pronoun or verb prefix."""
        return self.usage.reading(key) == without_article(key) and not self.usage.inflected(key)

    def add(self, words: list[str], labels: list[str], unknown: list[bool]) -> None:
        """First sweep: what one sentence tells about the article."""
        self.places.add(words, labels, unknown)
        self.families.add(words, labels)
        self.organizations.add(words, labels)
        self.clubs.add(words, labels, [fold(w) for w in words])
        self.tags.add(words, labels)
        self.other_kingdom = self.other_kingdom or other_kingdom(words, self.model.gazetteer)

    def label(
        self, words: list[str], labels: list[str], unknown: list[bool], conventions: bool = True
    ) -> list[str]:
        """Second sweep: one sentence's labels with the article's rules applied (``conventions``:
        with the pane's rules for organizations and for places after their head word)."""
        if self._repeated is None:
            self._repeated, self._endings = self.places.places(), self.families.endings()
        gazetteer = self.model.gazetteer
        labels = label_places(words, labels, unknown, self._repeated)
        if self._endings:
            labels = label_surnames(words, labels, unknown, self._endings, self.listed)
        if conventions:
            labels = label_headed_places(
                words, labels, self.name_like, self.usage, self.place_behind
            )
        labels = label_known_places(
            words, labels, gazetteer, self.usage, self.lexicon, countries=conventions
        )
        if conventions and not self.other_kingdom:
            labels = label_kingdom(words, labels)
        if conventions:
            labels = label_organizations(words, labels, self.organizations)
            labels = label_clubs(words, labels, self.clubs)
        labels = label_spoken_for(words, labels, gazetteer)
        if conventions:
            labels = join_surnames(words, labels, gazetteer)
        labels = join_people(words, labels, self.lexicon.names, self.unseen, families=conventions)
        index, self._labelled = self._labelled, self._labelled + 1
        return self.tags.label(index, words, labels) if conventions else labels
