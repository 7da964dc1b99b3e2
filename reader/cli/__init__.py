"""The `reader` command: the app, plus one subcommand module per face for scripts.

Every failure is one line on standard error, "reader: PATH: problem", and exit status 2;
a traceback only with --debug. A subcommand is recognised only as the first argument, so
`reader ./render` still opens a file called render.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from reader.cli.common import CommandError, Parser, fail, silence_stdout, utf8_stdout
from reader.loader import LoadError

SUBCOMMANDS: dict[str, str] = {
    "render": "render",
    "extract": "extract",
    "eval-ner": "eval_ner",
    "doctor": "doctor",
    "feed": "feed",
    "search": "search",
}
"""Each subcommand's module in `reader.cli`: `DESCRIPTION`, `USAGE`, `SUMMARY`, `configure()`,
`run()`. Imported when used: `reader render` need not load the app, the store or the web."""


def subcommand(name: str) -> ModuleType:
    """The module of a subcommand."""
    return importlib.import_module(f"reader.cli.{SUBCOMMANDS[name]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        if args and args[0] in SUBCOMMANDS:
            module = subcommand(args[0])
            parser = Parser(prog=f"reader {args[0]}", description=module.DESCRIPTION)
            module.configure(parser)
            options = parser.parse_args(args[1:])
            utf8_stdout()
            return module.run(options)
        from reader.cli import app

        modules = {name: subcommand(name) for name in SUBCOMMANDS}
        summaries = [(f"{name} {module.USAGE}", module.SUMMARY) for name, module in modules.items()]
        return app.run(app.parser(summaries).parse_args(args))
    except BrokenPipeError:  # `reader render big.txt | head`: the reader left, so do we
        silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except (LoadError, CommandError) as err:
        return fail(str(err), debug)
    except Exception as err:  # a bug, still reported as one line unless --debug
        return fail(f"internal error: {type(err).__name__}: {err}", debug)
