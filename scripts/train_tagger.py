"""Train the shipped CRF tagger on the ANERcorp train split (never on the test split).

  python scripts/train_tagger.py --cv 4 --grid 0.02,0.05 0.05,0.01 --thresholds 0.5 0.6
  python scripts/train_tagger.py          # train the shipped model (defaults = CV choice)

Cross-validation (4 folds, 150 iterations) chose c1=0.02, c2=0.05 and the article-pass
confidence 0.5, with the article pass of each sentence seeing the 20 sentences on either side
(pipeline.REACH). Held-out train folds, PERS / LOC F1 with the article pass (CRF alone):
  * first shipped model (word, affix, shape, gazetteer and lexicon features): 72.1 / 86.5
    (67.0 / 85.1);
  * + arabnamer's news names (foreign surnames in Arabic script) as gazetteer `news`: 72.9 / 86.5;
  * + corpus usage from wordfreq (usage.py: Zipf band, how often the form takes ال): 75.5 / 86.5
    (71.1 / 85.0); the two together gain more than each alone (usage alone: 73.7 / 86.8);
  * + GeoNames towns of 1,000-15,000 people as their own category `town`: 75.6 / 86.8;
  * + the relative-adjective band (مصر -> المصري) and the article pass retyping spans against
    the confident majority: 75.5 / 86.9; + the "adj" mark of inflected relative adjectives:
    75.8 / 86.9;
  * + a sports-report flag on every token of a sentence with sports words (a city there often
    names its club): 76.3 / 87.0;
  * + CLDR subdivision names (إنجلترا, الشيشان) as `subdivision`: 76.4 / 87.1 (71.9 / 85.5);
  * usage read right: a word is looked up as itself or as the stem after a proclitic, and the
    table leaves out forms likelier a proclitic and a commoner stem (وقال), instead of the
    guess of features.core_form, which cut the ب of بوتين and بريطانيا: 76.3 / 87.4
    (72.3 / 85.8);
  * + Arabic Wikipedia's sports club names (arwikicats) as `club`: on three partitions (the
    folds' boundaries moved by a third of a fold each time) PERS / LOC / ORG F1 with the
    article pass 76.8 / 87.85 / 61.6, 76.5 / 87.1 / 62.4, 75.1 / 87.5 / 61.1 against
    76.8 / 87.7 / 59.1, 76.1 / 86.9 / 60.8, 75.3 / 87.2 / 59.4 (means 76.1 / 87.5 / 61.7
    against 76.1 / 87.2 / 59.8): cities that name their clubs (بايرن ميونخ, دينامو كييف) were
    the largest class of false places. Only the multi-word club names: 76.1 / 87.35; with the
    words that recur in club names (دينامو, يونايتد) as `clubword`: 75.9 / 87.4; with league
    and federation names as `league`: 76.2 / 87.3.
The usage table keeps forms with a Zipf frequency of at least 1.5 (~65 ms to load); before the
proclitic filter, the full list (1.6 MB, ~190 ms to load) gave 75.9 / 86.6 and a cut at 2.0
gave 75.5 / 86.5.

Tried in the same cross-validation and dropped (PERS / LOC F1 with the article pass, against
71.7 / 86.4 for the same setup with blocks of 40 sentences):
  * two-stage stacking (a second CRF fed the first stage's labels and confidences, its
    neighbours' labels, and the labels the same word got elsewhere in a 40-sentence window,
    trained on out-of-fold first-stage output): 70.5 / 85.7; fed the article-passed labels
    instead: 70.9 / 86.0 (the CRF alone rises to 69-71, but the article pass does that better);
  * trigger words (titles, speech verbs, place and organisation heads at -1..-3): 71.6 / 86.6;
  * letter n-grams of the clitic-free word as CRF features: 71.1 / 86.2;
  * a naive Bayes letter n-gram model's guess of the word type as a feature (with the sliding
    reach, against 72.0 / 86.5): for unknown words 71.9 / 86.1, for all words 71.6 / 86.4;
  * wider context (core form at -3/+3, affixes of the previous word): 71.0 / 86.7;
  * feature.minfreq=2: 69.5 / 85.1;
  * article-pass blocks of 20/80/200 sentences: 71.1-71.7; sliding reach 10/40: 71.6/71.8;
  * from here on against 72.0 / 86.5 (sliding reach): with the *_rare gazetteers, c1/c2 of
    0.01/0.05, 0.03/0.05, 0.02/0.02, 0.02/0.1:
    71.6 / 86.5, 71.8 / 86.4, 72.1 / 86.6, 72.0 / 86.4;
  * --algorithm l2sgd (c2 0.02, 0.05, 0.1): 71.3 / 86.3, 71.2 / 86.3, 70.5 / 86.1;
  * --all-states (crfsuite feature.possible_states): 72.0 / 86.5, with a slower training;
  * cutting titles off person spans, or extending a person span back over a known given name:
    71.7 and 67.6;
  * with usage features, each against the setup of its step above (differences under 0.3 are
    within the noise of these folds): 300 iterations 75.7 / 86.6 (against 75.9 / 86.6); c1/c2
    of 0.01/0.05, 0.05/0.05, 0.02/0.1: 75.1 / 86.7, 75.8 / 86.6, 75.3 / 86.6 (against
    75.4 / 86.3); a suffix-productivity band (ها/هم/ات/ين forms): -0.5 PERS; the
    relative-adjective band taken relative to the bare form: 75.7 / 87.0 (against 75.5 / 86.9);
    GeoNames places of 500+ all as cities: 75.8 / 86.4; article-pass confidence 0.4 / 0.6:
    75.7 / 87.0 and 76.0 / 86.8, reach 10 / 30 / 50: 75.6 / 87.0, 75.8 / 86.9, 75.4 / 87.1
    (against 75.8 / 86.9);
  * against 76.3 / 87.4 (before reading the clitic-free form right): the previous word joined
    with the article band as one feature: 75.9 / 87.5; BIOES labels (S- and E- for single and
    last tokens): 75.5 / 87.4, with a slower tagger; the article pass untagging one-word names
    the window mostly leaves untagged: 73.7-74.6 / 86.7-87.0. Place names matched on a letter
    skeleton (ق=ك, غ=ج, no long vowels) were not tried as a feature: on the train split the
    skeleton hits 20,561 untagged tokens for 540 places;
  * against 76.8 / 87.7: a band of how much rarer the form is after ب ("in": بالقاهرة), which
    separates places from people on the train split: 76.7 / 87.4; for words the corpus does not
    know, keeping a leading ف, ب or ل instead of cutting it (features.core_form): 76.5 / 87.6;
  * also against 76.8 / 87.7 (CRF alone 72.5 / 85.8):
    - crfsuite's averaged perceptron (30 epochs): 74.4 / 86.6; passive-aggressive: 69.8 / 85.3;
    - two CRFs combined by averaging their marginals and decoding with BIO constraints (the
      shipped model decoded that way alone: 76.2 / 87.4): with the averaged perceptron
      75.3 / 87.0, with a sparse c1=0.3 model (0.9 MB) 75.8 / 87.5;
    - document context aggregation (for each word, the words before and after its other
      occurrences within 20 sentences, and their proclitics, as features): the CRF alone
      rises to 75.0 / 86.9, but with the article pass 75.4 / 87.4 (best confidence and reach
      75.8 / 87.2): the two overlap;
    - gazetteer and lexicon hits conjoined with the usage bands (city hit on a rare word vs on
      a common one), for the word and for its neighbours: 76.4 / 87.3, 76.7 / 86.9;
    - snapping a predicted place to the multi-word gazetteer entry around it: LOC 86.1, since
      ANERcorp tags قطر in دولة قطر, مكة in مكة المكرمة and روسيا in روسيا البيضاء;
    - the lexicon's settings (lexicon.py): MIN_SHARE 0.2 / 0.5 instead of 0.3: 76.5 / 87.6 and
      76.7 / 87.6; VOCAB_MIN 3 instead of 2: 76.4 / 87.7; 10 jackknife folds instead of 5:
      76.6 / 87.1;
    - c1/c2 of 0.05/0.02 and 0.01/0.1 with the final features: 76.3 / 87.3, 76.2 / 87.5;
    - a second training copy of each sentence with names in it, their words' identity
      features (word, core form, bigrams) removed so the CRF learns to find unseen names from
      context: 75.8 / 86.8 for every type of name, 75.9 / 86.7 for people and places only;
    - after the article pass, tagging a word left untagged at its 2 (or 3) occurrences
      within the reach when its mean B-LOC (or B-PERS) marginal there reaches 0.1-0.3:
      76.2-76.9 / 87.5-87.7, no better than without (the CRF gives the misses, such as
      أراجون repeated 13 times in one article, almost no place probability anywhere);
    - places trained as three labels by what the gazetteers say of the span (country; city,
      town or subdivision; neither), merged back into LOC after tagging: 76.1 / 86.2;
    - ablation, each feature group removed in turn: word bigrams 76.2 / 87.4, the words at
      -2/+2 75.3 / 87.0, the word itself 76.5 / 87.6, the neighbouring words (their other
      features kept) 76.5 / 87.6, length 76.2 / 87.2, three-letter affixes 76.0 / 87.5, the
      sports flag 76.4 / 87.1, multi-word gazetteer matches 76.2 / 86.6: none is dead weight;
    - a BiLSTM tagger (PyTorch, over each token's own CRF features and a letter CNN) whose
      label probabilities are averaged with the CRF marginals before a BIO-constrained
      decode, on the first fold only: the network alone reaches 68.4 / 84.7 (CRF 75.1 / 86.1),
      and no weight (0.3-0.7, one network or the mean of three seeds) beats the CRF there
      (81.5 / 87.6 with the article pass; best mixes 81.9 / 87.0 and 81.1 / 87.6);
    - more place names from Debian's packages: GeoNames' Arabic city names as packaged by
      libgeonames (CC BY 4.0) as a category of their own 76.5 / 87.75; with KGeography's and
      libgweather's translated map and city names (GPL-2+) 76.3 / 87.8, merged into city and
      subdivision 76.1 / 88.0; KGeography's names alone merged into subdivision 76.7 / 88.1,
      most of it one article's 13 أراجون, and GPL data cannot go into this MIT package;
    - each place name's other spelling of a foreign g (غ <-> ج: أراغون / أراجون): 76.4 / 87.85;
      for the news and rare surnames too: 76.5 / 87.2;
    - CLDR's territories that name no place (الاتحاد الأوروبي, الأمم المتحدة, منطقة اليورو, the
      unknown region, the pseudo-locales) left out of the country list: 76.3 / 87.6; and the
      region العالم too: 76.8 / 87.6. A change this small moves PERS by 0.5 in these folds.
  With the folds' boundaries moved by a third and by two thirds of a fold, the shipped setup
  gives 76.0 / 86.8 and 75.2 / 86.9 (mean of the three partitions 76.0 / 87.1); the g spellings
  75.7 / 87.1 and libgeonames' names 76.05 / 87.2 on the same three: no gain. Tagging as a
  place a single unknown word left untagged 3-4 times within the reach, mostly after في/من/إلى
  (the article rule for two- and three-word phrases, rules.RepeatedPlaces): LOC 86.2-87.3,
  precision lost and no place found. Tagging as a place a single word left untagged that the
  gazetteer knows as a country or city (or subdivision, or region; with or without its
  proclitic), when its B-LOC marginal reaches 0.1-0.4: LOC 87.2-87.7 against 87.67, the recall
  it gains (a city such as كييف missed in a long sentence) paid for in precision. Arabic
  Wikipedia's spellings of place names, from the translation tables of the ArWikiCats package
  (MIT; 16,283 names, 8,775 of them new, covering 3% more of the train split's place mentions:
  الشرق الأوسط, الأندلس), as a category of their own, on the three partitions: 76.5 / 87.4,
  75.9 / 86.3, 74.7 / 86.7; only the new names less common than Zipf band 3: 76.4 / 87.6; only
  the multi-word names: 76.5 / 87.45. The CRF knows the frequent ones from the train split
  already, and the rare ones bring common-word noise (أما and أكد are towns there).
  Against the same three partitions' mean of 76.06 / 87.23: each gazetteer hit conjoined with
  the class of the word before it (preposition, title, place, given name, other): 75.88 /
  87.33. After the article pass, tagging as a person an unknown word that ends like the
  surnames of two people found within the reach (مناسيان beside باشينيان and فاردانيان): it
  fires twice in the train split, PERS 76.82 against 76.81. The sports flag raised also in
  the two sentences either side of one with sports words (a city named for its club where the
  sentence itself has no sports word): 75.69 / 87.11.
  With the club names, against their three partitions' means (PERS / LOC / ORG 76.12 / 87.48 /
  61.67): arwikicats' nationality adjectives (male forms and broken plurals: أفغان, أفارقة) as
  more stems of `g=nat` (223 -> 422): 75.94 / 87.45 / 61.46; eight more sports words for the
  sports flag (مهاجم, شوط, مرمى, إياب, ميدالية, أولمبياد, هداف, مباريات): 76.19 / 87.36 / 61.84;
  arwikicats' 2,816 Arabic Wikipedia names of famous people (ابن خلدون, أبراهام لينكون) added
  to `person`: 76.67 / 87.28 / 61.40, PERS up and LOC down on each partition; only the 1,138 of
  them with no word the place lists know: 76.24 / 87.39 / 61.48; 727 names of organizations
  (parties, universities, companies: حزب الوطن الأم, جامعة هارفارد) gleaned from arwikicats'
  translation tables by their head word, as `org`: 76.40 / 87.38 / 61.45.
  Issue 17 (organizations), against the same means (76.12 / 87.48 / 61.67; partition 0 is
  76.78 / 87.85 / 61.61, ORG P/R 75.0 / 52.3, reproduced with this session's gazetteer):
  * head-noun features (hd=o/O/p for a word that is an organization's head, bare or definite,
    or a place's head; hd-1= the head before a word, alone and with the word's unk flag):
    77.10 / 88.15 / 61.85, 76.49 / 87.33 / 62.97, 75.39 / 87.96 / 62.74, means 76.33 / 87.81 /
    62.52, a gain on every partition; retrained on the whole train split it scored PERS 77.52,
    LOC 86.70, ORG 58.36 on the test split: LOC fell below the bar of 87 that the shipped model
    keeps (87.11), so it was not shipped (and no variant was tried after seeing that);
  * every ORG-bearing training sentence twice (its copy in the same jackknife fold):
    76.67 / 87.57 / 61.59 on partition 0;
  * decoding with the ORG labels' marginals weighted by 1.5 / 2 / 3 (BIO-constrained Viterbi
    over the marginals): ORG 61.37 / 61.41 / 60.59 on partition 0 (recall up, precision down);
  * after the article pass, label rules run on the labels (no retraining), partition 0: the
    pane's organization grammar (article/organizations.py) with all its heads ORG 51.78
    (ANERcorp leaves ministries, armies and companies' heads untagged); with only the heads
    ANERcorp tags (حزب, منظمة, جامعة, معهد, اتحاد, جبهة, سرايا, بنك, مصرف) 63.05, and with
    the names they introduce 63.23; adding مجلس 61.86, شركة 62.49, نادي 62.59, حركة 62.03,
    وكالة 63.10; a country's name tagged ORG retyped as a place: LOC 85.66, ORG 51.74 (ANERcorp
    tags a country that plays or governs as ORG); gazetteer club names in sports sentences
    made ORG: 61.79 (retyping tagged PERS/LOC), 60.08 (also untagged words). The grammar with
    ANERcorp's heads is not run by eval-ner: the pane runs all heads, and scoring a subset
    chosen for ANERcorp's conventions would measure something the pane does not do.

Writes reader/entities/model/tagger.crfsuite, lexicon.json (which type a word form usually
tags in the train split), common.txt (folded words the train split mostly uses outside names;
the article-level pass never propagates them alone) and attributes.txt.gz (the features the
model has weights for: extraction builds no others; `--attributes` rewrites it alone from the
model). While training, each sentence sees the
lexicon of the other JACKKNIFE folds only, so the CRF learns how much an unseen text's lexicon
hits are worth.
Cross-validation folds are contiguous blocks of sentences, so articles mostly stay whole.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities.article.document import CONFIDENT, propagate_nearby  # noqa: E402
from reader.entities.conll import read_conll  # noqa: E402
from reader.entities.evaluate import score  # noqa: E402
from reader.entities.normalize import fold  # noqa: E402
from reader.entities.pipeline import REACH  # noqa: E402
from reader.entities.tagging.features import FeatureExtractor  # noqa: E402
from reader.entities.tagging.gazetteer import Gazetteer  # noqa: E402
from reader.entities.tagging.lexicon import Lexicon, build_lexicon  # noqa: E402
from reader.entities.tagging.tagger import Tagger  # noqa: E402
from reader.entities.tagging.usage import Usage  # noqa: E402

MODEL_DIR = ROOT / "reader" / "entities" / "model"
DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "ner" / "anercorp_train.tsv"
Sentences = list[tuple[list[str], list[str]]]
JACKKNIFE = 5


def common_words(sentences: Sentences, min_count: int = 3, outside_share: float = 0.7) -> list[str]:
    """Folded words seen at least ``min_count`` times, mostly (``outside_share``) tagged O."""
    total: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for tokens, tags in sentences:
        for token, tag in zip(tokens, tags, strict=True):
            key = fold(token)
            total[key] += 1
            outside[key] += tag == "O"
    return sorted(w for w, n in total.items() if n >= min_count and outside[w] / n >= outside_share)


def train(
    sentences: Sentences,
    gazetteer: Gazetteer,
    usage: Usage,
    c1: float,
    c2: float,
    out: Path,
    iterations: int,
    algorithm: str = "lbfgs",
    all_states: bool = False,
) -> None:
    """Fit a CRF (elastic-net L-BFGS by default), jackknifed lexicon; save it to ``out``."""
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    size = -(-len(sentences) // JACKKNIFE)
    for j in range(0, len(sentences), size):
        lexicon = build_lexicon(sentences[:j] + sentences[j + size :])
        extractor = FeatureExtractor(gazetteer, lexicon, usage)
        for tokens, tags in sentences[j : j + size]:
            trainer.append(extractor.sequence(tokens), tags)
    params = {
        "c2": c2,
        "max_iterations": iterations,
        "feature.possible_transitions": True,
        "feature.possible_states": all_states,
    }
    if algorithm == "lbfgs":
        params["c1"] = c1
    trainer.set_params(params)
    trainer.train(str(out))


def write_attributes(model: Path, out: Path) -> None:
    """The features the model has a weight for, one a line, sorted (crfsuite ignores any other
    feature, so extraction skips them)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    names = sorted({attribute for attribute, _ in tagger.info().state_features})
    with gzip.GzipFile(out, "wb", mtime=0) as file:
        file.write("\n".join(names).encode("utf-8"))


def predict(
    model: Path, sentences: Sentences, gazetteer: Gazetteer, usage: Usage, lexicon: Lexicon
) -> list:
    """Raw tagger output (labels, confidences) for each sentence."""
    tagger = Tagger(model, FeatureExtractor(gazetteer, lexicon, usage))
    return [tagger.tag(tokens) for tokens, _ in sentences]


def with_document_pass(
    sentences: Sentences, tagged: list, common: list[str], threshold: float, reach: int
) -> list:
    """Apply the article-level pass, each sentence with the ``reach`` sentences around it."""
    return propagate_nearby(
        [tokens for tokens, _ in sentences],
        [t[0] for t in tagged],
        [t[1] for t in tagged],
        frozenset(common),
        reach,
        threshold,
    )


def cross_validate(
    sentences: Sentences,
    gazetteer: Gazetteer,
    usage: Usage,
    grid: list[tuple[float, float]],
    folds: int,
    iterations: int,
    thresholds: list[float],
    algorithm: str = "lbfgs",
    all_states: bool = False,
) -> None:
    """Print CV F1 per configuration, for the raw CRF and with the article pass."""
    size = len(sentences) // folds
    for c1, c2 in grid:
        gold, raw, passes = [], [], {}
        for k in range(folds):
            held = sentences[k * size : (k + 1) * size if k < folds - 1 else None]
            rest = (
                sentences[: k * size]
                + sentences[(k + 1) * size if k < folds - 1 else len(sentences) :]
            )
            common = common_words(rest)
            gold += [tags for _, tags in held]
            with tempfile.TemporaryDirectory() as tmp:
                model = Path(tmp) / "fold.crfsuite"
                train(rest, gazetteer, usage, c1, c2, model, iterations, algorithm, all_states)
                tagged = predict(model, held, gazetteer, usage, build_lexicon(rest))
            raw += [labels for labels, _ in tagged]
            for threshold in thresholds:
                passes.setdefault(threshold, []).extend(
                    with_document_pass(held, tagged, common, threshold, REACH)
                )
        _report(f"c1={c1} c2={c2} crf", score(gold, raw))
        for threshold, predicted in passes.items():
            _report(f"c1={c1} c2={c2} crf+article pass t={threshold}", score(gold, predicted))


def _report(name: str, scores: dict) -> None:
    print(
        f"{name:<42} PERS {scores['PERS']['f1']:6.2f}  LOC {scores['LOC']['f1']:6.2f}  "
        f"ORG {scores['ORG']['f1']:6.2f}  overall {scores['overall']['f1']:6.2f}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--c1", type=float, default=0.02)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument(
        "--cv", type=int, default=0, help="number of folds; 0 trains the shipped model"
    )
    parser.add_argument("--grid", nargs="*", default=[], help="c1,c2 pairs for --cv")
    parser.add_argument(
        "--partition",
        type=int,
        default=0,
        help="for --cv: move the folds' boundaries by this many thirds of a fold (0, 1, 2)",
    )
    parser.add_argument(
        "--thresholds",
        nargs="*",
        type=float,
        default=[CONFIDENT, 0.8],
        help="article-pass confidences for --cv",
    )
    parser.add_argument("--algorithm", choices=("lbfgs", "l2sgd"), default="lbfgs")
    parser.add_argument(
        "--all-states", action="store_true", help="crfsuite feature.possible_states"
    )
    parser.add_argument("--gazetteers", type=Path, default=MODEL_DIR / "gazetteers.json")
    parser.add_argument("--usage", type=Path, default=MODEL_DIR / "usage.tsv.gz")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument(
        "--attributes", action="store_true", help="only rewrite attributes.txt.gz from the model"
    )
    args = parser.parse_args(argv)
    if args.attributes:
        write_attributes(args.out / "tagger.crfsuite", args.out / "attributes.txt.gz")
        return 0
    if "test" in args.train.name:
        parser.error("refusing to train on a test split")
    sentences = read_conll(args.train)
    if args.cv and args.partition:
        shift = len(sentences) // args.cv * args.partition // 3
        sentences = sentences[shift:] + sentences[:shift]
    gazetteer = Gazetteer.load(args.gazetteers)
    usage = Usage.load(args.usage)
    started = time.perf_counter()
    if args.cv:
        grid = [tuple(float(x) for x in pair.split(",")) for pair in args.grid] or [
            (args.c1, args.c2)
        ]
        cross_validate(
            sentences,
            gazetteer,
            usage,
            grid,
            args.cv,
            args.iterations,
            args.thresholds,
            args.algorithm,
            args.all_states,
        )
    else:
        train(
            sentences,
            gazetteer,
            usage,
            args.c1,
            args.c2,
            args.out / "tagger.crfsuite",
            args.iterations,
            args.algorithm,
            args.all_states,
        )
        lexicon = json.dumps(
            build_lexicon(sentences).to_json(), ensure_ascii=False, separators=(",", ":")
        )
        (args.out / "lexicon.json").write_text(lexicon, encoding="utf-8")
        (args.out / "common.txt").write_text(
            "\n".join(common_words(sentences)) + "\n", encoding="utf-8"
        )
        write_attributes(args.out / "tagger.crfsuite", args.out / "attributes.txt.gz")
        print(f"wrote the model, lexicon, common words and attributes to {args.out}")
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
