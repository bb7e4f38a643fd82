"""The command line: parse, call a service, print, exit 0 (done), 1 (refused) or 2 (usage)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tracker import __version__

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
COMMANDS = (
    "gui",
    "init",
    "import",
    "export",
    "update",
    "chart",
    "check",
    "backup",
    "restore",
    "repair",
    "diff",
    "iati-org",
    "attention",
    "copy",
    "grant",
    "brief",
)


class _Parser(argparse.ArgumentParser):
    def error(
        self, message: str
    ) -> None:  # argparse exits 2 on usage errors: keep that, say it plainly
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _date(text: str) -> str:
    from tracker.domain.fields import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' {exc}") from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must not be negative")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tracker", description="Investment Tracker: foreign investment projects, park residents "
                "and ventures in one local SQLite file.")  # fmt: skip
    p.add_argument("--version", action="version", version=f"Investment Tracker {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def db_arg(sp: argparse.ArgumentParser, required: bool = True) -> None:
        sp.add_argument("--db", metavar="FILE|URL", required=required,
                        help="the database file, or a team server's postgresql://user@host:port/dbname"
                             + ("" if required else " (default: portfolio.sqlite3 in the user data folder)"))  # fmt: skip

    g = sub.add_parser(
        "gui", help="open the window (the default command)", description="Open the main window."
    )
    db_arg(g, required=False)
    g.add_argument(
        "--demo", action="store_true", help="open the demo portfolio, creating it first if needed"
    )
    g.add_argument(
        "--read-only", action="store_true", help="browse, print and export only; editing is off"
    )
    g.add_argument("--smoke", action="store_true",
                   help="open the window, wait for the first table page and chart, print timings as JSON, exit")  # fmt: skip

    i = sub.add_parser(
        "init", help="create a new database", description="Create a new database file."
    )
    db_arg(i)
    i.add_argument("--demo", action="store_true", help="load the demo portfolio from db/demo")
    i.add_argument(
        "--projects",
        type=_positive,
        default=0,
        metavar="N",
        help="add N synthetic projects (benchmarks)",
    )
    i.add_argument(
        "--residents", type=_positive, default=0, metavar="N", help="add N synthetic residents"
    )
    i.add_argument(
        "--ventures", type=_positive, default=0, metavar="N", help="add N synthetic ventures"
    )
    i.add_argument(
        "--seed",
        type=int,
        default=20261127,
        help="seed of the synthetic generator (default: %(default)s)",
    )

    im = sub.add_parser("import", help="import a CSV, XLSX or JSON file (all or nothing)",
                        description="Import records; every bad row and column is listed and nothing is written.")  # fmt: skip
    db_arg(im)
    im.add_argument("--kind", required=True,
                    choices=["projects", "residents", "ventures", "updates", "plans", "banks", "zones",
                             "fx_rates"],
                    help="what the file holds")  # fmt: skip
    im.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    im.add_argument("file", metavar="FILE", help="the file to import (.csv, .xlsx or .json)")

    ex = sub.add_parser(
        "export", help="export a snapshot", description="Export a dated snapshot of the portfolio."
    )
    db_arg(ex)
    ex.add_argument("--format", required=True, choices=["xlsx", "csv", "json", "pdf", "sqlite", "iati"],
                    help="file format")  # fmt: skip
    ex.add_argument(
        "--out", required=True, metavar="PATH", help="output file (a folder or .zip for CSV)"
    )
    ex.add_argument("--kind", choices=["projects", "residents", "ventures", "updates", "plans", "all"],
                    default="all",
                    help="what to export (default: all)")  # fmt: skip
    ex.add_argument("--currency", default="USD", help="reporting currency (default: USD)")
    ex.add_argument(
        "--as-of", type=_date, default=None, help="as-of date for rates (default: today)"
    )
    ex.add_argument("--language", choices=["en", "ru", "zh"], default="en",
                    help="language of the Excel workbook's sheets, headers and names (default: en)")  # fmt: skip

    io = sub.add_parser(
        "iati-org", help="name the organisation that reports the IATI file",
        description="Show, or set with --ref and --name, the reporting organisation written into "
                    "IATI exports (until it is set, they name the placeholder XX-INVESTMENT-TRACKER).",
    )  # fmt: skip
    db_arg(io)
    io.add_argument("--ref", metavar="ID", help="IATI organisation identifier, e.g. XM-DAC-41114")
    io.add_argument("--name", metavar="NAME", help="the organisation's name")
    io.add_argument("--type", dest="org_type", metavar="CODE", default=None,
                    help="IATI organisation type code (default: the current one, else 10 Government)")  # fmt: skip

    u = sub.add_parser("update", help="enter a project update",
                       description="Record a project update; the project moves to its status, progress and disbursed amount.")  # fmt: skip
    db_arg(u)
    u.add_argument("--project", required=True, metavar="CODE", help="project code")
    u.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="date of the update (default: today)",
    )
    u.add_argument(
        "--status",
        help="new status (pipeline, signed, implementation, completed, suspended, cancelled)",
    )
    u.add_argument("--progress", metavar="P", help="progress in percent, 0-100")
    u.add_argument(
        "--disbursed",
        metavar="AMOUNT",
        help="cumulative disbursed amount in the project's currency",
    )
    u.add_argument("--note", metavar="TEXT", help="a note")
    u.add_argument("--author", help="author (default: the login name)")

    c = sub.add_parser(
        "chart", help="draw a chart to PNG, SVG or PDF", description="Draw one chart to a file."
    )
    db_arg(c)
    c.add_argument("--chart", required=True, metavar="NAME",
                   help="chart name: status, sector, bank, disbursement, timeline, cumulative, "
                        "residents_country, residents_status, ventures")  # fmt: skip
    c.add_argument("--out", required=True, metavar="FILE", help="output .png, .svg or .pdf")
    c.add_argument("--currency", default="USD", help="reporting currency (default: USD)")

    ck = sub.add_parser(
        "check", help="check a database file", description="Integrity check and portfolio rules."
    )
    db_arg(ck)

    b = sub.add_parser(
        "backup", help="back up a database", description="Copy a database with SQLite's backup API."
    )
    db_arg(b)
    b.add_argument(
        "--to", metavar="DIR", help="backup folder (default: <name>-backups beside the file)"
    )

    r = sub.add_parser("restore", help="restore a backup", description="Replace a database with a backup; "
                       "the current file is backed up first.")  # fmt: skip
    db_arg(r)
    r.add_argument(
        "--from", dest="source", required=True, metavar="BACKUP", help="the backup file to restore"
    )

    at = sub.add_parser("attention", help="print the needs-attention worklist",
                        description="What the desk should act on: stale, overdue, behind plan, "
                                    "disbursed falling, missing exchange rates, idle residents.")  # fmt: skip
    db_arg(at)
    at.add_argument("--json", action="store_true", help="print the worklist as JSON")
    at.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                    help="the day the rules look from (default: today)")  # fmt: skip
    at.add_argument("--stale-days", type=_positive, default=None, metavar="N",
                    help="no update for more than N days (default: the database's setting, 90)")  # fmt: skip
    at.add_argument("--behind-pct", type=_positive, default=None, metavar="P",
                    help="behind plan by more than P percent (default: the database's setting, 20)")  # fmt: skip

    rp = sub.add_parser(
        "repair", help="remove database objects the program did not make",
        description="Remove the triggers, views, tables and changed definitions another program "
                    "put into the file (tracker check names them); a backup is made first and the "
                    "rows are kept.",
    )  # fmt: skip
    db_arg(rp)
    rp.add_argument("--author", help="name written in the audit log (default: the login name)")

    cp = sub.add_parser(
        "copy", help="copy a whole portfolio between a file and a server",
        description="Copy every table, the audit log and snapshots from SRC to DST (each a file or "
                    "a postgresql:// URL), then compare counts and money totals. DST must be a new "
                    "file or an empty database.",
    )  # fmt: skip
    cp.add_argument(
        "--from", dest="source", required=True, metavar="SRC", help="file or URL to copy"
    )
    cp.add_argument("--to", dest="target", required=True, metavar="DST", help="new file or URL")

    gr = sub.add_parser(
        "grant", help="give a server login a role on the portfolio",
        description="Create (or change) a login on the team server with one role: viewer (browse, "
                    "print, export), editor (records and updates) or admin (also reference data, "
                    "exchange rates and users).",
    )  # fmt: skip
    gr.add_argument(
        "--db", metavar="URL", required=True, help="the team server's postgresql:// URL"
    )
    gr.add_argument("--user", required=True, metavar="NAME", help="the login name")
    gr.add_argument("--role", required=True, choices=["viewer", "editor", "admin"], help="the role")
    gr.add_argument("--password", action="store_true",
                    help="ask for the login's new password (typed, never shown or stored)")  # fmt: skip
    br = sub.add_parser("brief", help="write a one-page brief per project to a PDF",
                        description="A one-page project brief for meetings (several projects: one "
                                    "page each, in one PDF).")  # fmt: skip
    db_arg(br)
    br.add_argument("--project", required=True, action="append", metavar="CODE",
                    help="project code (give it several times for several projects)")  # fmt: skip
    br.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    br.add_argument("--currency", default="USD", help="reporting currency (default: USD)")
    br.add_argument("--as-of", type=_date, default=None, metavar="DATE",
                    help="as-of date for rates and the worklist (default: today)")  # fmt: skip
    br.add_argument("--language", choices=["en", "ru", "zh"], default="en",
                    help="language of the brief (default: en)")  # fmt: skip

    d = sub.add_parser(
        "diff", help="compare two snapshots", description="What was added, removed and changed."
    )
    d.add_argument("old", metavar="OLD", help="the earlier snapshot (.sqlite3, or an .xlsx or .json "
                                              "snapshot of the program)")  # fmt: skip
    d.add_argument("new", metavar="NEW.sqlite", help="the later snapshot or database")
    d.add_argument("--json", action="store_true", help="print the differences as JSON")
    return p


def _err(msg: str) -> None:
    print(f"tracker: {msg}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "gui")
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from tracker.domain.validation import ValidationErrors
    from tracker.store import StoreError, backups

    # A failed automatic backup is said, never silent (the command still does its work).
    stop_listening = backups.on_failure(lambda msg: _err(f"warning: {msg}"))
    try:
        return int(_HANDLERS[args.command](args) or 0)
    except ValidationErrors as exc:
        for e in exc.errors:
            _err(str(e))
        return EXIT_REFUSED
    except StoreError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except OSError as exc:
        _err(f"{exc.filename or _db_name(args)}: {exc.strerror or exc}.")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    finally:
        stop_listening()


def _db_name(args: argparse.Namespace) -> str:
    from tracker.store.opening import display_name

    db = getattr(args, "db", None)
    return display_name(db) if db else "tracker"


_PASSWORDS: dict[str, str] = {}


def _open(target: str, **kwargs: Any) -> Any:
    """Open a file or a server (asking for a server's password when needed, see _login)."""
    from tracker.store.opening import open_database

    _login(target)
    return open_database(target, password=_PASSWORDS.get(target), **kwargs)


def _login(target: str) -> None:
    """For a server that wants a password libpq's own files (~/.pgpass, service) do not
    give, ask once at the terminal; it is kept in memory for this command only."""
    from tracker.store.opening import display_name, is_server

    if not is_server(target) or target in _PASSWORDS:
        return
    from tracker.store.postgres import ServerUnavailable
    from tracker.store.postgres.store import connect

    try:
        connect(target).close()
        return
    except ServerUnavailable as exc:
        if "password" not in str(exc) or not sys.stdin.isatty():
            raise
    import getpass

    _PASSWORDS[target] = getpass.getpass(f"Password for {display_name(target)}: ")


def _user(args: argparse.Namespace) -> str:
    from tracker.services.changes import current_user

    return getattr(args, "author", None) or current_user()


def _not_on_a_server(args: argparse.Namespace, what: str, instead: str) -> int | None:
    """A command that works on files only: say so plainly for a server URL."""
    from tracker.store.opening import display_name, is_server

    if args.db and is_server(args.db):
        _err(f"{display_name(args.db)}: {what} works on a database file, not yet on a team "
             f"server; {instead}. Nothing was changed.")  # fmt: skip
        return EXIT_REFUSED
    return None


def cmd_gui(args: argparse.Namespace) -> int:
    from tracker.ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo, read_only=args.read_only, smoke=args.smoke)


def cmd_init(args: argparse.Namespace) -> int:
    from tracker.services import demo
    from tracker.store import Store
    from tracker.store.opening import is_server

    if is_server(args.db):
        return _init_server(args)
    path = Path(args.db)
    if path.exists() and path.stat().st_size:
        _err(f"{path} already exists; nothing was changed.")
        return EXIT_REFUSED
    t0 = dt.datetime.now()
    try:
        store = Store.create(path)
        try:
            if args.demo:
                counts = demo.load_demo(store)
                print(
                    f"{path}: demo portfolio loaded: "
                    + ", ".join(f"{v} {k}" for k, v in counts.items())
                )
            if args.projects or args.residents or args.ventures:
                counts = demo.generate(store, projects=args.projects, residents=args.residents,
                                       ventures=args.ventures, seed=args.seed)  # fmt: skip
                print(
                    f"{path}: synthetic portfolio: "
                    + ", ".join(f"{v} {k}" for k, v in counts.items())
                )
        finally:
            store.close(backup=False)  # a backup of a file just made holds nothing new
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)  # never leave a half-made file
        raise
    secs = (dt.datetime.now() - t0).total_seconds()
    print(f"{path}: created (schema {_schema()}) in {secs:.1f} s")
    return EXIT_OK


def _init_server(args: argparse.Namespace) -> int:
    """The schema in an empty server database; a demo or synthetic portfolio is made in a
    temporary file first and copied over (verified), so the server gets the same rows."""
    import tempfile

    from tracker.store.opening import display_name
    from tracker.store.postgres.copying import copy_portfolio

    name = display_name(args.db)
    t0 = dt.datetime.now()
    store = _open(args.db, create=True)
    try:
        if not store.created:
            _err(f"{name} already holds a portfolio (schema {store.schema_version}); "
                 "nothing was changed.")  # fmt: skip
            return EXIT_REFUSED
    finally:
        store.close()
    if args.demo or args.projects or args.residents or args.ventures:
        with tempfile.TemporaryDirectory(prefix="tracker-init-") as tmp:
            file_args = argparse.Namespace(**{**vars(args), "db": str(Path(tmp) / "p.sqlite3")})
            with contextlib.redirect_stdout(io.StringIO()):
                cmd_init(file_args)
            report = copy_portfolio(file_args.db, args.db,
                                    target_password=_PASSWORDS.get(args.db))  # fmt: skip
        kinds = ("projects", "residents", "ventures", "project_updates")
        print(f"{name}: portfolio loaded: "
              + ", ".join(f"{report.counts[k]} {k}" for k in kinds))  # fmt: skip
    secs = (dt.datetime.now() - t0).total_seconds()
    print(f"{name}: created (schema {_schema()}) in {secs:.1f} s")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from tracker.store.opening import display_name
    from tracker.store.postgres.copying import copy_portfolio

    t0 = dt.datetime.now()
    for target in (args.source, args.target):
        _login(target)
    report = copy_portfolio(args.source, args.target, source_password=_PASSWORDS.get(args.source),
                            target_password=_PASSWORDS.get(args.target))  # fmt: skip
    for line in report.lines():
        print(line)
    secs = (dt.datetime.now() - t0).total_seconds()
    print(f"copied {display_name(args.source)} -> {display_name(args.target)} in {secs:.1f} s; "
          "counts and money totals verified")  # fmt: skip
    return EXIT_OK


def cmd_grant(args: argparse.Namespace) -> int:
    from tracker.store.opening import display_name, is_server

    if not is_server(args.db):
        _err("grant works on a team server (--db postgresql://…); a file has no logins.")
        return EXIT_USAGE
    password = None
    if args.password:
        import getpass

        password = getpass.getpass(f"New password for {args.user}: ")
        if password != getpass.getpass("Again: "):
            _err("the two passwords differ; nothing was changed.")
            return EXIT_REFUSED
    with _open(args.db) as store:
        try:
            done = store.grant(args.user, args.role, password=password)
        except ValueError as exc:
            _err(f"{exc}; nothing was changed.")
            return EXIT_REFUSED
    print(f"{display_name(args.db)}: login {args.user} {done}, role {args.role}")
    return EXIT_OK


def _schema() -> int:
    from tracker.store import SCHEMA_VERSION

    return SCHEMA_VERSION


def cmd_import(args: argparse.Namespace) -> int:
    from tracker.services import importer
    from tracker.store import StoreError

    src = Path(args.file)
    if not src.is_file():
        _err(f"{src}: no such file")
        return EXIT_REFUSED
    kind = {"updates": "project_updates", "plans": "disbursement_plans"}.get(args.kind, args.kind)
    # Check the file on a read-only connection first: a refused import must leave the
    # database byte-for-byte as it was (a read-write open may switch it to WAL, or upgrade it).
    plan = None
    try:
        with _open(args.db, read_only=True, backup=False) as store:
            plan = importer.plan_import(store, kind=kind, path=src)
    except StoreError:
        if args.dry_run:
            raise
        # An older file must be upgraded first, which only a read-write open does.
    if plan is not None and (plan.errors or args.dry_run):
        return _import_report(plan, src, dry_run=args.dry_run)
    from tracker.services.import_command import run_import

    with _open(args.db) as store:  # the database may have moved on since the check
        done = run_import(store, kind=kind, path=src, user=_user(args), checked=plan)
    return _import_report(done.plan, src, dry_run=False)


def _import_report(plan: Any, src: Path, *, dry_run: bool) -> int:
    """The summary first (it tells the whole story), then each problem."""
    if plan.errors:
        _err(plan.summary())
        for e in plan.errors:
            if e.field in ("file", "row"):
                where = f"row {e.row}: " if e.row is not None else ""
            else:
                where = (f"row {e.row}, " if e.row is not None else "") + f"column {e.field}: "
            _err(f"{src.name}: {where}{e.message}")
        return EXIT_REFUSED
    print(("dry run, nothing written: " if dry_run else "imported: ") + plan.summary())
    return EXIT_OK


def cmd_update(args: argparse.Namespace) -> int:
    from tracker.services import updates
    from tracker.store import StoreError

    values = {"as_of": args.as_of or dt.date.today().isoformat(), "status": args.status,
              "progress_pct": args.progress, "disbursed": args.disbursed, "note": args.note}  # fmt: skip
    # Check on a read-only connection first, so refused input leaves the file exactly as it was.
    try:
        with _open(args.db, read_only=True, backup=False) as store:
            project = _project_by_code(store, args.project)
            if project is None:
                _err(f"project: no project with code '{args.project}'")
                return EXIT_REFUSED
            updates.check_update(store, project_id=project["id"], values=values)
    except StoreError:
        pass  # e.g. an older file that must be upgraded: the read-write open below says why or does it
    with _open(args.db) as store:
        project = _project_by_code(store, args.project)
        if project is None:
            _err(f"project: no project with code '{args.project}'")
            return EXIT_REFUSED
        _, applied = updates.add_update(
            store, project_id=project["id"], values=values, user=_user(args)
        )
        after = store.get("projects", project["id"])
    moved = (
        "the project moved to it"
        if applied.project_before
        else "back-dated: kept in history, the project did not move"
    )
    print(f"{project['code']}: update {applied.update_id} recorded as of {values['as_of']} ({moved}); "
          f"status {after['status']}, progress {after['progress_pct']} %")  # fmt: skip
    return EXIT_OK


def _project_by_code(store: Any, code: str) -> dict[str, Any] | None:
    """A project by its code, typed in any letter case (as imports accept it)."""
    pid = store.project_ids_by_code([code.strip()]).get(code.strip().lower())
    return None if pid is None else store.get("projects", pid)


def cmd_check(args: argparse.Namespace) -> int:
    from tracker.services import maintenance
    from tracker.store.opening import display_name, is_server, local_copy

    _login(args.db)
    with local_copy(args.db, password=_PASSWORDS.get(args.db)) as path:
        report = maintenance.check(path)
    if is_server(args.db):  # and what only the server can tell: its search index, its marks
        with _open(args.db, read_only=True) as server:
            report.problems += server.integrity_check()
        for n in report.notes:
            print(f"note: {n.replace(path.name, display_name(args.db))}")
        report.notes = []
    for k, v in report.counts.items():
        print(f"{k}: {v}")
    for n in report.notes:
        print(f"note: {n}")
    for p in report.problems:
        _err(f"problem: {p}")
    print(f"{_db_name(args)}: " + ("ok" if report.ok else f"{len(report.problems)} problem(s)"))
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_backup(args: argparse.Namespace) -> int:
    from tracker.services import maintenance
    from tracker.store import Store
    from tracker.store.opening import is_server

    if is_server(args.db):
        if not args.to:
            _err("a server portfolio is backed up into a folder you name: add --to DIR.")
            return EXIT_USAGE
        with _open(args.db, read_only=True) as store:
            target = store.make_backup(Path(args.to))
        print(f"backup written: {target} (a SQLite copy of one consistent moment)")
        return EXIT_OK
    with Store.open(args.db, backup=False) as store:
        target = maintenance.backup(store, to=args.to)
        store.changed = False
    print(f"backup written: {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from tracker.services import maintenance

    refused = _not_on_a_server(args, "restore", "copy a backup into a new, empty database with "
                               "'tracker copy --from BACKUP --to URL'")  # fmt: skip
    if refused is not None:
        return refused
    safety = maintenance.restore(args.db, source=args.source, user=_user(args))
    if safety:
        print(f"the previous file was kept as {safety}")
    print(f"{args.db}: restored from {args.source}")
    return EXIT_OK


def cmd_repair(args: argparse.Namespace) -> int:
    from tracker.services import maintenance

    refused = _not_on_a_server(args, "repair", "the server's schema is checked by 'tracker check'")
    if refused is not None:
        return refused
    report = maintenance.repair(args.db, user=_user(args))
    name = Path(args.db).name
    if not report.done:
        print(f"{name}: the schema is the program's own; nothing to repair")
        return EXIT_OK
    for line in report.done:
        print(f"{name}: {line}")
    if report.backup:
        print(f"the file as it was is kept as {report.backup}")
    print(f"{name}: repaired")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from tracker.services import export
    from tracker.store import Store

    renderer = None
    if args.format == "pdf":
        try:
            from tracker.ui.report import write_report_pdf as renderer
        except ImportError as exc:
            _err(f"PDF export is not available in this installation ({exc}); nothing was written.")
            return EXIT_REFUSED
    from tracker.store.opening import is_server, local_copy

    _login(args.db)
    # A server portfolio is exported from a SQLite copy of one moment (the same output as
    # for a file); the snapshot is then recorded on the server.
    # Writable so the snapshot can be recorded; a read-only file still exports (and says so).
    with (
        local_copy(args.db, password=_PASSWORDS.get(args.db)) as path,
        Store.open(path, backup=False) as store,
    ):
        result = export.export_snapshot(store, fmt=args.format, out=Path(args.out), kind=args.kind,
                                        currency=args.currency, as_of=args.as_of, user=_user(args),
                                        pdf_renderer=renderer, lang=args.language)  # fmt: skip
        store.changed = False  # one snapshot row is not worth a backup copy on close
        taken = store.rows("snapshots", order="id DESC")[:1] if is_server(args.db) else []
    if taken:
        _record_on_server(args.db, taken[0], result)
    print(result.describe())
    return EXIT_OK


def _record_on_server(url: str, row: dict[str, Any], result: Any) -> None:
    """The export's snapshot record, made on the copy, written to the server's own list."""
    from tracker.domain.filters import Filter
    from tracker.store import StoreError

    try:
        with _open(url) as server:
            result.snapshot_id = server.record_snapshot(
                fmt=row["format"], path=row["path"], sha256=row["sha256"],
                flt=Filter.from_dict(json.loads(row["filter"] or "{}")), kind=row["kind"],
                rows=row["rows"], as_of=row["as_of"], user=row["user"] or "",
            )  # fmt: skip
    except StoreError as exc:  # e.g. a viewer: the file is written all the same
        result.notes.append(f"the snapshot could not be recorded on the server: {exc}")


def cmd_iati_org(args: argparse.Namespace) -> int:
    from tracker.services import iati

    setting = args.ref is not None or args.name is not None or args.org_type is not None
    with _open(args.db, backup=False, read_only=not setting) as store:
        org = iati.reporting_org(store)
        if setting:
            org = iati.set_reporting_org(
                store, ref=args.ref if args.ref is not None else ("" if org.placeholder else org.ref),
                name=args.name if args.name is not None else ("" if org.placeholder else org.name),
                org_type=args.org_type if args.org_type is not None else org.org_type,
            )  # fmt: skip
    kind = iati.ORGANISATION_TYPES.get(org.org_type, "?")
    print(f"reporting organisation: {org.ref} {org.name} (type {org.org_type} {kind})")
    if org.placeholder:
        print("(a placeholder: set it with --ref ID --name NAME)")
    return EXIT_OK


def cmd_chart(args: argparse.Namespace) -> int:
    from tracker.services import chart_data
    from tracker.store.opening import local_copy

    _login(args.db)
    try:
        with local_copy(args.db, password=_PASSWORDS.get(args.db)) as db:
            path = chart_data.chart_to_file(
                db=db, chart=args.chart, out=Path(args.out), currency=args.currency
            )
    except ValueError as exc:  # unknown chart name or file suffix: say so, write nothing
        _err(f"{exc}; nothing was written.")
        return EXIT_REFUSED
    print(f"chart written: {path}")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from tracker.services import compare
    from tracker.store.opening import local_copy

    _login(args.old)
    _login(args.new)
    with (
        local_copy(args.old, password=_PASSWORDS.get(args.old)) as old,
        local_copy(args.new, password=_PASSWORDS.get(args.new)) as new,
    ):
        try:
            result = compare.compare_files(old, new)
        except compare.SnapshotUnreadable as exc:
            _err(str(exc))
            return EXIT_REFUSED
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(result.to_text())
    return EXIT_OK


def cmd_attention(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from tracker.services import attention
    from tracker.store import Store
    from tracker.store.opening import local_copy

    _login(args.db)
    with (
        local_copy(args.db, password=_PASSWORDS.get(args.db)) as path,
        Store.open(path, read_only=True, backup=False) as store,
    ):
        rules = attention.settings(store)
        if args.stale_days is not None:
            rules = replace(rules, stale_days=args.stale_days)
        if args.behind_pct is not None:
            rules = replace(rules, behind_pct=args.behind_pct)
        rules.check()
        wl = attention.worklist(store, today=args.as_of, rules=rules)
    print(wl.to_json() if args.json else wl.to_text())
    return EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    from tracker.services import brief

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        _err(f"{out.name}: the brief is written as PDF; give a .pdf name. Nothing was written.")
        return EXIT_REFUSED
    with _open(args.db, read_only=True, backup=False) as store:  # a file or the team server
        ids = []
        for code in args.project:
            project = _project_by_code(store, code)
            if project is None:
                _err(f"project: no project with code '{code}'; nothing was written.")
                return EXIT_REFUSED
            ids.append(project["id"])
        pages = brief.write_briefs(store, project_ids=ids, out=out, currency=args.currency.upper(),
                                   as_of=args.as_of, language=args.language)  # fmt: skip
    print(f"brief written: {out} ({pages} page(s), {len(ids)} project(s))")
    return EXIT_OK


_HANDLERS = {"gui": cmd_gui, "init": cmd_init, "import": cmd_import, "export": cmd_export, "update": cmd_update,
             "chart": cmd_chart, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
             "repair": cmd_repair, "diff": cmd_diff, "iati-org": cmd_iati_org,
             "attention": cmd_attention, "copy": cmd_copy, "grant": cmd_grant,
             "brief": cmd_brief}  # fmt: skip

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
