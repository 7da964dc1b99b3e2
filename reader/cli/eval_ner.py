"""`reader eval-ner FILE.tsv`: score the shipped tagger on a token/tag file."""

from __future__ import annotations

import argparse

from reader.cli.common import CommandError, add_debug, add_input_options, warn, write_json
from reader.text.sanitize import neutralise

DESCRIPTION = (
    "Tag a token/tag file (CoNLL style: the token in the first column, its BIO tag in the "
    "last) with the shipped model and print entity-level precision, recall and F1 per type "
    "(conlleval definition)."
)
USAGE = "FILE.tsv"
SUMMARY = "score the tagger on a token/tag file"


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `eval-ner`."""
    parser.add_argument("source", metavar="FILE.tsv")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_input_options(parser)
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Print the scores table (or JSON)."""
    from reader.entities.conll import ConllError
    from reader.entities.evaluate import evaluate_file, format_table

    try:
        scores = evaluate_file(
            options.source, encoding=options.encoding, max_size=options.max_size, warn=warn
        )
    except ConllError as err:  # already one line naming the file
        raise CommandError(str(err)) from err
    # Tag names come from the file: a tag may carry escape sequences.
    if options.json:
        write_json(scores, indent=2)
        print()
    else:
        print(neutralise(format_table(scores), keep="\n"))
    return 0
