"""`reader extract FILE...`: the entities of each article as JSON, JSONL or TSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_SOME_FAILED,
    add_debug,
    add_input_options,
    complain,
    print_traceback,
    to_json,
    warn,
)
from reader.loader import LoadError, find_articles, load_article
from reader.text.sanitize import neutralise

DESCRIPTION = "Print the entities of each article with their mention offsets."
USAGE = "FILE..."
SUMMARY = "print the entities as JSON, JSONL or TSV"
TSV_COLUMNS = ("source", "type", "name", "value", "start", "end", "text")


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `extract`."""
    parser.add_argument("sources", nargs="+", metavar="FILE|DIR|-")
    parser.add_argument("--format", choices=("json", "jsonl", "tsv"), default="json")
    add_input_options(parser)
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Entities per article; a file that fails is reported and the others still print.

    Exit status 0 when every file printed, 1 when some failed, 2 when none loaded.
    """
    failed = printed = 0
    results: list[dict] = []
    if options.format == "tsv":
        print("\t".join(TSV_COLUMNS))
    for source, result in _extract_all(options):
        if isinstance(result, str):
            complain(result)
            failed += 1
            continue
        printed += 1
        if options.format == "json":
            results.append(result)
        elif options.format == "jsonl":
            print(to_json(result))
        else:
            for row in _tsv_rows(source, result["entities"]):
                print(row)
        sys.stdout.flush()
    if options.format == "json" and results:
        single = len(options.sources) == 1 and len(results) == 1
        print(to_json(results[0] if single else results, 2))
    if not failed:
        return 0
    return EXIT_SOME_FAILED if printed else EXIT_ERROR


def _extract_all(options: argparse.Namespace) -> Iterator[tuple[str, dict | str]]:
    """(source, result) per article, or (source, one-line problem) when it failed."""
    from reader.entities import extract_entities

    for argument in options.sources:
        try:
            paths: list[str | Path] = ["-"] if argument == "-" else list(find_articles([argument]))
        except LoadError as err:
            yield argument, str(err)
            continue
        for path in paths:
            try:
                article = load_article(path, encoding=options.encoding, max_size=options.max_size)
            except LoadError as err:
                yield str(path), str(err)
                continue
            warn(article.warning)
            try:
                entities = [entity.to_dict() for entity in extract_entities(article.text)]
            except Exception as err:  # a bug on one file: reported, and the others still print
                if options.debug:
                    print_traceback()
                yield str(path), f"{path}: internal error: {type(err).__name__}: {err}"
                continue
            yield article.source, {"source": article.source, "entities": entities}


def _tsv_rows(source: str, entities: list[dict]) -> Iterator[str]:
    for entity in entities:
        value = "" if entity["value"] is None else str(entity["value"])
        for mention in entity["mentions"]:
            fields = (
                source,
                entity["type"],
                entity["name"],
                value,
                str(mention["start"]),
                str(mention["end"]),
                mention["text"],
            )
            yield "\t".join(_tsv_field(field) for field in fields)


def _tsv_field(text: str) -> str:
    """Backslash escapes keep one record per line and no control character raw."""
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return neutralise(text, "escape")
