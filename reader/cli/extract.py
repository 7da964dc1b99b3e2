"""`reader extract FILE...`: the entities of each article as JSON, JSONL or TSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.cli.common import (
    EXIT_ERROR,
    add_debug,
    add_encoding,
    complain,
    escape_invisible,
    to_json,
)
from reader.cli.sources import add_refresh, load_source
from reader.loader import LoadError, find_articles
from reader.web import is_url

DESCRIPTION = "Print the entities of each article with their mention offsets."
USAGE = "FILE|URL..."
SUMMARY = "print the entities as JSON, JSONL or TSV"
TSV_COLUMNS = ("source", "type", "name", "value", "start", "end", "text")


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `extract`."""
    parser.add_argument("sources", nargs="+", metavar="FILE|DIR|URL|-")
    parser.add_argument("--format", choices=("json", "jsonl", "tsv"), default="json")
    add_encoding(parser)
    add_refresh(parser)
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Entities per article; a file that fails is reported and the others still print."""
    status = 0
    results: list[dict] = []
    if options.format == "tsv":
        print("\t".join(TSV_COLUMNS))
    for source, result in _extract_all(options.sources, options.encoding, options.refresh):
        if isinstance(result, LoadError):
            complain(str(result))
            status = EXIT_ERROR
        elif options.format == "json":
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
    return status


def _extract_all(
    arguments: Sequence[str], encoding: str | None, refresh: bool
) -> Iterator[tuple[str, dict | LoadError]]:
    from reader.entities import extract_entities

    for argument in arguments:
        try:
            paths: list[str | Path] = (
                [argument] if argument == "-" or is_url(argument) else find_articles([argument])
            )
        except LoadError as err:
            yield argument, err
            continue
        for path in paths:
            try:
                article = load_source(path, encoding=encoding, refresh=refresh)
            except LoadError as err:
                yield str(path), err
                continue
            entities = [entity.to_dict() for entity in extract_entities(article.text)]
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
    return escape_invisible(text)
