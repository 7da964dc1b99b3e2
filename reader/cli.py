"""The `reader` command: the app, plus `render`, `extract` and `eval-ner` for scripts.

Every failure is one line on standard error, "reader: PATH: problem", and exit status 2;
a traceback only with --debug. A subcommand is recognised only as the first argument, so
`reader ./render` still opens a file called render.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import traceback
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.loader import Article, LoadError, find_articles, load_article

if TYPE_CHECKING:
    from reader.entities import Entity
    from reader.text.layout import Span, VisualLine

    LineWriter = Callable[[VisualLine, int], None]

EXIT_ERROR = 2
SUBCOMMANDS = ("render", "extract", "eval-ner")
TYPE_STYLES = {
    "person": "bold magenta",
    "place": "bold green",
    "organization": "bold cyan",
    "number": "bold yellow",
}
TSV_COLUMNS = ("source", "type", "name", "value", "start", "end", "text")


class CommandError(Exception):
    """A problem the user can fix (bad option, unusable input); printed as one line."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one line instead of usage + message."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args[0]
            options = _subcommand_parser(command).parse_args(args[1:])
            _utf8_stdout()
            return {"render": _render, "extract": _extract, "eval-ner": _eval_ner}[command](options)
        return _open_app(_app_parser().parse_args(args))
    except BrokenPipeError:  # `reader render big.txt | head`: the reader left, so do we
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except (LoadError, CommandError) as err:
        return _fail(str(err), debug)
    except Exception as err:  # a bug, still reported as one line unless --debug
        return _fail(f"internal error: {type(err).__name__}: {err}", debug)


def _fail(message: str, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    _complain(message)
    return EXIT_ERROR


def _complain(message: str) -> None:
    """One line on stderr; a file name full of escape sequences is shown, not obeyed."""
    print(f"reader: {_escape_invisible(message) or 'error'}", file=sys.stderr)


# --- argument parsers -------------------------------------------------------------------


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read Arabic news articles in the terminal: right-to-left layout, shaped "
        "letters, and a side pane of the people, places, organizations and numbers.",
        epilog="subcommands (must come first):\n"
        "  reader render FILE|-     print the article as laid-out plain text\n"
        "  reader extract FILE...   print the entities as JSON, JSONL or TSV\n"
        "  reader eval-ner FILE.tsv score the tagger on a token/tag file\n"
        "Run 'reader SUBCOMMAND --help' for their options. "
        "With no FILE the bundled sample article opens.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="FILE|DIR|-",
        help="articles to open: files, directories of .txt/.html/.htm/.md, or - for stdin",
    )
    _add_encoding(parser)
    parser.add_argument(
        "--terminal-bidi",
        choices=("on", "off"),
        help="'on' for terminals that reorder and shape Arabic themselves (Konsole, mlterm, "
        "macOS Terminal); default: the saved setting, else off",
    )
    _add_debug(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _subcommand_parser(command: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"reader {command}")
    if command == "render":
        parser.description = "Print an article as visual lines of plain text, one per line."
        parser.add_argument("source", metavar="FILE|-")
        parser.add_argument(
            "--width", type=_width, help="line width in cells (default: terminal width, or 80)"
        )
        parser.add_argument("--harakat", action="store_true", help="keep harakat (vowel marks)")
        parser.add_argument("--direction", choices=("auto", "rtl", "ltr"), default="auto")
        parser.add_argument(
            "--color", action="store_true", help="colour entity mentions by type (ANSI codes)"
        )
        _add_encoding(parser)
    elif command == "extract":
        parser.description = "Print the entities of each article with their mention offsets."
        parser.add_argument("sources", nargs="+", metavar="FILE|DIR|-")
        parser.add_argument("--format", choices=("json", "jsonl", "tsv"), default="json")
        _add_encoding(parser)
    else:
        parser.description = (
            "Tag a token<TAB>tag file with the shipped model and print entity-level "
            "precision, recall and F1 per type (conlleval definition)."
        )
        parser.add_argument("source", metavar="FILE.tsv")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    _add_debug(parser)
    return parser


def _add_encoding(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", metavar="E", help="decode input with E instead of detecting it"
    )


def _add_debug(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 2 <= width <= 10_000:
        raise argparse.ArgumentTypeError(f"must be between 2 and 10000, not {width}")
    return width


# --- the app ----------------------------------------------------------------------------


def _open_app(options: argparse.Namespace) -> int:
    """Resolve the sources (reading stdin now, while it is still ours), then run the app."""
    sources = _app_sources(options.sources, options.encoding)
    if not sys.stdout.isatty():
        raise CommandError(
            "standard output is not a terminal; use 'reader render FILE' to print an article"
        )
    if not sys.stdin.isatty():
        _reattach_terminal()
    terminal_bidi = None if options.terminal_bidi is None else options.terminal_bidi == "on"

    from reader.ui.app import ReaderApp

    app = ReaderApp(sources, encoding=options.encoding, terminal_bidi=terminal_bidi)
    app.run()
    return app.return_code or 0


def _app_sources(arguments: Sequence[str], encoding: str | None) -> list[Path | Article]:
    """Paths for the app; one file or stdin is opened here so a bad one fails before the UI."""
    if not arguments:
        from reader.resources import sample_article

        arguments = [str(sample_article())]
    if arguments.count("-") > 1:
        raise CommandError("standard input (-) can be given only once")
    sources: list[Path | Article] = []
    for argument in arguments:
        if argument == "-":
            sources.append(load_article("-", encoding=encoding))
        else:
            sources.extend(find_articles([argument]))
    if len(sources) == 1 and isinstance(sources[0], Path):
        sources[0] = load_article(sources[0], encoding=encoding)
    return sources


def _reattach_terminal() -> None:
    """After reading a pipe on stdin, take keys from the controlling terminal instead.

    Textual's driver reads keys from file descriptor 0, so the terminal goes there.
    """
    try:
        terminal = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError as err:
        raise CommandError(
            "standard input is not a terminal and no terminal is available for keys "
            f"({err.strerror}); use 'reader render -' to print the article instead"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)


# --- render -------------------------------------------------------------------------------


def _render(options: argparse.Namespace) -> int:
    """Print the visual lines; RTL lines padded on the left so they end at the width."""
    from reader.text.layout import layout_paragraph, split_paragraphs

    article = load_article(options.source, encoding=options.encoding)
    width = options.width or (shutil.get_terminal_size().columns if sys.stdout.isatty() else 80)
    paragraphs = split_paragraphs(article.text)
    spans: dict[int, list[Span]] = {}
    if options.color:
        spans = _mention_spans(article, [offset for offset, _ in paragraphs])
    write = _color_writer(width) if options.color else _plain_writer()
    for index, (offset, paragraph) in enumerate(paragraphs):
        for line in layout_paragraph(
            paragraph,
            width,
            spans=spans.get(index, ()),
            harakat=options.harakat,
            direction=options.direction,
            offset=offset,
        ):
            write(line, max(0, width - line.width) if line.rtl else 0)
    sys.stdout.flush()
    return 0


def _mention_spans(article: Article, starts: list[int]) -> dict[int, list[Span]]:
    """Entity mentions coloured by type, filed under each paragraph they overlap.

    Found by bisection: testing every span against every paragraph would take minutes on
    a 10 MB article with a hundred thousand mentions.
    """
    from rich.style import Style

    from reader.text.layout import Span

    spans: dict[int, list[Span]] = {}
    for entity in _entities(article):
        style = Style.parse(TYPE_STYLES[entity.type])
        for mention in entity.mentions:
            first = bisect_right(starts, mention.start) - 1
            last = bisect_right(starts, max(mention.start, mention.end - 1)) - 1
            for index in range(max(0, first), last + 1):
                spans.setdefault(index, []).append(Span(mention.start, mention.end, style))
    for local in spans.values():  # overlapping styles combine in reading order
        local.sort(key=lambda span: span.start)
    return spans


def _plain_writer() -> LineWriter:
    out = sys.stdout

    def write(line: VisualLine, padding: int) -> None:
        out.write(" " * padding + line.text + "\n")

    return write


def _color_writer(width: int) -> LineWriter:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=sys.stdout,
        force_terminal=True,
        width=max(width, 2),
        soft_wrap=True,
        highlight=False,
        markup=False,
        emoji=False,
    )

    def write(line: VisualLine, padding: int) -> None:
        text = Text(" " * padding, end="")
        for cell in line.cells:
            text.append(cell.text, style=cell.style)
        console.print(text)

    return write


# --- extract -------------------------------------------------------------------------------


def _extract(options: argparse.Namespace) -> int:
    """Entities per article; a file that fails is reported and the others still print."""
    status = 0
    results: list[dict] = []
    if options.format == "tsv":
        print("\t".join(TSV_COLUMNS))
    for source, result in _extract_all(options.sources, options.encoding):
        if isinstance(result, LoadError):
            _complain(str(result))
            status = EXIT_ERROR
        elif options.format == "json":
            results.append(result)
        elif options.format == "jsonl":
            print(_json(result))
        else:
            for row in _tsv_rows(source, result["entities"]):
                print(row)
        sys.stdout.flush()
    if options.format == "json" and results:
        print(_json(results[0] if len(options.sources) == 1 and len(results) == 1 else results, 2))
    return status


def _extract_all(
    arguments: Sequence[str], encoding: str | None
) -> Iterator[tuple[str, dict | LoadError]]:
    for argument in arguments:
        try:
            paths: list[str | Path] = ["-"] if argument == "-" else list(find_articles([argument]))
        except LoadError as err:
            yield argument, err
            continue
        for path in paths:
            try:
                article = load_article(path, encoding=encoding)
            except LoadError as err:
                yield str(path), err
                continue
            entities = [entity.to_dict() for entity in _entities(article)]
            yield article.source, {"source": article.source, "entities": entities}


def _entities(article: Article) -> list[Entity]:
    from reader.entities import extract_entities

    return extract_entities(article.text)


def _json(value: object, indent: int | None = None) -> str:
    """JSON with Arabic kept readable but every control or format character escaped.

    `ensure_ascii=False` would let C1 controls and bidi overrides from an article reach
    the terminal raw; `\\uXXXX` escapes keep the data identical and the terminal safe.
    """
    return _escape_invisible(json.dumps(value, ensure_ascii=False, indent=indent), keep="\n")


def _escape_invisible(text: str, keep: str = "") -> str:
    return "".join(f"\\u{ord(c):04x}" if _invisible(c, keep) else c for c in text)


def _invisible(char: str, keep: str) -> bool:
    return char not in keep and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs")


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
    return _escape_invisible(text)


# --- eval-ner ------------------------------------------------------------------------------


def _eval_ner(options: argparse.Namespace) -> int:
    from reader.entities.conll import ConllError
    from reader.entities.evaluate import evaluate_file, format_table

    try:
        scores = evaluate_file(options.source)
    except ConllError as err:  # already one line naming the file
        raise CommandError(str(err)) from err
    print(json.dumps(scores, indent=2) if options.json else format_table(scores))
    return 0


# --- output plumbing -----------------------------------------------------------------------


def _utf8_stdout() -> None:
    """Arabic output is UTF-8 whatever the locale says, rather than a UnicodeEncodeError."""
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() not in (
        "utf-8",
        "utf8",
    ):
        sys.stdout.reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
