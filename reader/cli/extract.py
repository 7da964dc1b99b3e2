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
    warn,
    write_json,
)
from reader.cli.sources import add_refresh, load_source
from reader.loader import LoadError, find_articles
from reader.text.sanitize import neutralise
from reader.web import is_url

DESCRIPTION = "Print the entities of each article with their mention offsets."
USAGE = "FILE|URL..."
SUMMARY = "print the entities as JSON, JSONL or TSV"
TSV_COLUMNS = ("source", "type", "name", "value", "start", "end", "text")


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of `extract`."""
    parser.add_argument("sources", nargs="+", metavar="FILE|DIR|URL|-")
    parser.add_argument("--format", choices=("json", "jsonl", "tsv"), default="json")
    add_input_options(parser)
    add_refresh(parser)
    add_debug(parser)


def run(options: argparse.Namespace) -> int:
    """Entities per article, each printed as soon as it is found; a file that fails is
    reported and the others still print.

    JSON is one object for exactly one FILE, URL or `-` argument, else (several arguments,
    or a directory, whatever it holds) an array of the articles that loaded: the shape
    depends on the arguments only. Exit status 0 when every file printed, 1 when some
    failed, 2 when none loaded.
    """
    paths, failed = _expand(options.sources)
    single = len(options.sources) == 1 and (
        is_single_source(options.sources[0]) or not Path(options.sources[0]).is_dir()
    )
    array = options.format == "json" and not single
    printed = 0
    if options.format == "tsv":
        print("\t".join(TSV_COLUMNS))
    if array and paths:
        sys.stdout.write("[")
    for path in paths:
        result = _extract(path, options)
        if isinstance(result, str):
            complain(result)
            failed += 1
            continue
        if options.format == "tsv":
            for row in _tsv_rows(result["source"], result["entities"]):
                print(row)
        elif array:
            sys.stdout.write(",\n  " if printed else "\n  ")
            write_json(result, indent=2, margin="  ")
        else:
            write_json(result, indent=2 if options.format == "json" else None)
            print()
        printed += 1
        sys.stdout.flush()
    if array and paths:
        print("\n]" if printed else "]")
    if not failed:
        return 0
    return EXIT_SOME_FAILED if printed else EXIT_ERROR


def _expand(arguments: list[str]) -> tuple[list[str | Path], int]:
    """Every article the arguments name (directories expanded), and how many arguments
    failed (reported here)."""
    paths: list[str | Path] = []
    failed = 0
    for argument in arguments:
        try:
            paths.extend([argument] if is_single_source(argument) else find_articles([argument]))
        except LoadError as err:
            complain(str(err))
            failed += 1
    return paths, failed


def _extract(path: str | Path, options: argparse.Namespace) -> dict | str:
    """The `extract` object of one article, or the one-line problem when it failed."""
    from reader.entities import extract_entities

    try:
        article = load_source(
            path, encoding=options.encoding, max_size=options.max_size, refresh=options.refresh
        )
    except LoadError as err:
        return str(err)
    if article.warning:  # bytes that were not UTF-8, say
        warn(article.warning)
    try:
        entities = [entity.to_dict() for entity in extract_entities(article.text)]
    except Exception as err:  # a bug on one file: reported, and the others still print
        if options.debug:
            print_traceback()
        return f"{path}: internal error: {type(err).__name__}: {err}"
    return {"source": article.source, "entities": entities}


def is_single_source(argument: str) -> bool:
    """Standard input or a URL: one article, never expanded like a directory."""
    return argument == "-" or is_url(argument)


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
