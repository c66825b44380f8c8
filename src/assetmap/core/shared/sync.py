"""Sync a project with the shared map it was published to: push this laptop's changes since
its last push, pull everyone else's since its last pull, in one server transaction.

The transaction holds the schema's advisory lock (``server_schema.lock_schema``), so
laptops syncing at once take turns and each sees all the others' pushes: none loses an
edit. Fields are weighed as merging weighs them (``sync_plan``); a conflict nobody chose a
side for stops the sync before anything is written, on either side
(``SyncConflictError``).

Order of commits, and what a re-run does: the pulled changes are applied locally as one
command (``sync_apply.SyncCommand``), whose last step records the sync in am_remote and
COMMITs the server; the local transaction commits right after. If the process dies
between the two, the server holds the push and the laptop does not know: the server's
``am_clients`` row for this copy names the last change pushed and its mark (time and
target); the next sync finds that change in this file, takes it as pushed, and pulls again
from the old point, which converges (what it pushed is already there; what it pulled comes
again). A file copied by hand shares its copy id with another laptop: the mark does not
match its own feed, and it takes a fresh copy id before pushing.
"""

from __future__ import annotations

import os
import signal
import time
import uuid as uuid_module
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote

from assetmap.core import copies, gpkg
from assetmap.core.changelog import Origin
from assetmap.core.commands.base import CommandStack
from assetmap.core.copies import ProjectIdentity
from assetmap.core.errors import BadInputError, ConflictError
from assetmap.core.i18n import translated
from assetmap.core.merge import base
from assetmap.core.merge.plan import PREFERENCES, Conflict, MergePlan
from assetmap.core.progress import CancelledFn, ProgressFn, check_cancelled, no_progress
from assetmap.core.project import Project
from assetmap.core.shared import remote, server_schema, sync_server
from assetmap.core.shared.connection import Target, connect, parse_target, redact, require_psycopg
from assetmap.core.shared.errors import NoRightsError, SyncConflictError
from assetmap.core.shared.sync_apply import SyncCommand, finish_locally
from assetmap.core.shared.sync_plan import (
    PushPlan,
    all_chosen,
    local_feed,
    plan_pull,
    plan_push,
    touched,
    without_columns,
)
from assetmap.core.shared.sync_push import Stamp, record_client, write_push

__all__ = ["SyncPlan", "SyncResult", "plan_sync", "sync", "waiting_changes"]

Resolutions = Mapping[tuple[str, str], Any]
# A test-only hook: "after-server-commit" kills this process between the server's COMMIT
# and the laptop's, the worst moment, to prove a re-run converges.
KILL_HOOK = "ASSETMAP_SYNC_TEST_KILL"


@dataclass
class SyncPlan:
    """What a sync would do (the dry run): ``pull`` is a merge plan of the server's changes
    into this file, ``push`` what goes up."""

    target: str
    schema: str
    pull: MergePlan
    push: PushPlan
    can_push: bool
    waiting: int  # this laptop's changes not yet on the server
    new_copy_id: bool
    recovered: bool
    # assets whose changes to columns this role may not update (review) stay here
    held: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> list[Conflict]:
        return self.pull.conflicts


@dataclass(frozen=True)
class SyncResult:
    target: str
    schema: str
    pushed: int  # rows written on the server (each with its feed row)
    pulled: int  # changes made here (the sync command's feed rows)
    conflicts: int
    push_skipped: str | None  # why nothing went up (a read-only role), else None
    waiting: int  # this laptop's changes still waiting to go up
    new_copy_id: bool
    recovered: bool
    last_pulled_feed_id: int
    seconds: float
    plan: SyncPlan | None = field(default=None, repr=False)
    # The command that brought the changes here (None: nothing came): a window that ran the
    # sync on a worker's own connection puts it on its undo stack with ``stack.record``.
    command: SyncCommand | None = field(default=None, repr=False)


def the_remote(project: Project) -> remote.Remote:
    found = remote.remotes(project)
    if not found:
        raise BadInputError(
            translated("not published: use assetmap publish"), file=project.path,
            hint=translated("assetmap publish PROJECT postgresql://USER@HOST/DATABASE"),
        )  # fmt: skip
    return found[0]


def waiting_changes(project: Project, where: remote.Remote | None = None) -> int:
    """This laptop's changes since its last push (what the next sync sends up)."""
    found = where or the_remote(project)
    return len(local_feed(project.conn, found.last_pushed_seq))


def where_words(target: Target | str, schema: str) -> str:
    """ "assetmap on db.council.gov.uk": the schema and the server's host, for the command
    text and messages."""
    stored = target.stored if isinstance(target, Target) else target
    host = _host_of(stored)
    return translated("{schema} on {host}").format(schema=schema, host=host) if host else schema


def _host_of(stored: str) -> str:
    if stored.startswith("service="):
        return stored
    rest = stored.split("://", 1)[-1]
    at_host = rest.split("@", 1)[-1].split("/", 1)[0]
    if at_host:
        return at_host.split(":", 1)[0] or "localhost"
    if "host=" in rest:
        host = unquote(rest.split("host=", 1)[1].split("&", 1)[0])
        # a folder is a Unix socket on this machine: its path means nothing to a reader
        return translated("this computer") if host.startswith("/") else host or "localhost"
    return "localhost"


# ---- the public calls -----------------------------------------------------------------
def plan_sync(
    project: Project, *, prefer: str | None = None, resolutions: Resolutions | None = None,
    password: str | None = None,
) -> SyncPlan:  # fmt: skip
    """What ``sync`` would do; reads both sides, writes neither."""
    result = _run(project, prefer, resolutions, password, no_progress, None, None, dry_run=True)
    assert result.plan is not None
    return result.plan


def sync(
    project: Project,
    *,
    prefer: str | None = None,
    resolutions: Resolutions | None = None,
    password: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    stack: CommandStack | None = None,
) -> SyncResult:
    """Push this laptop's changes and pull everyone else's; the pulled changes are one
    command on ``stack`` (the window's own, so Undo takes them back; a fresh stack when
    None). Run on a worker with its own connection to the file (``project``), the command
    is committed through it and the window records it: ``stack.record(result.command)``.
    Raises SyncConflictError, changing nothing anywhere, while conflicts are open."""
    return _run(project, prefer, resolutions, password, progress or no_progress, cancelled,
                stack, dry_run=False)  # fmt: skip


def _run(
    project: Project,
    prefer: str | None,
    resolutions: Resolutions | None,
    password: str | None,
    report: ProgressFn,
    cancelled: CancelledFn | None,
    stack: CommandStack | None,
    *,
    dry_run: bool,
) -> SyncResult:
    if prefer is not None and prefer not in PREFERENCES:
        message = translated("--prefer must be mine or theirs, not '{value}'").format(value=prefer)
        raise BadInputError(message, field="--prefer")
    started = time.perf_counter()
    found = the_remote(project)
    where = parse_target(found.target)
    if password:
        where = replace(where, password=password)
    report(0.0, translated("Connecting to {address}").format(address=where.stored))
    conn = connect(where)
    try:
        with _server_errors(conn, where, found.schema_name):
            session = _Session(project, conn, where, found, report, cancelled)
            return session.run(prefer, resolutions, stack, dry_run=dry_run, started=started)
    finally:
        conn.close()


@contextmanager
def _server_errors(conn: Any, where: Target, schema: str) -> Iterator[None]:
    psycopg = require_psycopg()
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as exc:
        _rollback(conn)
        message = translated(
            "role '{role}' may not sync schema '{schema}': {error}; nothing was changed"
        ).format(role=conn.info.user, schema=schema, error=redact(str(exc)).strip())
        raise NoRightsError(
            message, field="TARGET", hint=translated("see the roles in docs/postgis.md")
        ) from exc
    except psycopg.OperationalError as exc:
        lost = translated(
            "the connection to {address} was lost while syncing; nothing was changed here: {error}"
        ).format(address=where.stored, error=redact(str(exc)).strip())
        raise BadInputError(
            lost, field="TARGET", hint=translated("sync again when the server can be reached")
        ) from exc
    except psycopg.Error as exc:
        _rollback(conn)
        refused = translated("the server refused the sync; nothing was changed: {error}")
        raise BadInputError(
            refused.format(error=redact(str(exc)).strip()),
            field="TARGET",
        ) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Any) -> None:
    psycopg = require_psycopg()
    with suppress(psycopg.Error):
        conn.rollback()


# ---- one sync -------------------------------------------------------------------------
class _Session:
    """One sync's state: both connections, where each side left off, and the plan."""

    def __init__(
        self,
        project: Project,
        conn: Any,
        where: Target,
        found: remote.Remote,
        report: ProgressFn,
        cancelled: CancelledFn | None,
    ) -> None:
        self.project, self.conn, self.where, self.remote = project, conn, where, found
        self.schema = found.schema_name
        self.report, self.cancelled = report, cancelled
        self.words = where_words(where, self.schema)
        self.new_copy_id = self.recovered = False
        self.fresh_copy_id: str | None = None

    def run(
        self,
        prefer: str | None,
        resolutions: Resolutions | None,
        stack: CommandStack | None,
        *,
        dry_run: bool,
        started: float,
    ) -> SyncResult:
        server_schema.lock_schema(self.conn, self.schema)
        shared = self._shared_project()
        writable = sync_server.can_write(self.conn, self.schema)
        if writable:
            self._upgrade_schema(shared.srid)
        pushed_seq = self._check_copy_id(writable, dry_run)
        self.report(0.1, translated("Reading the changes on both sides"))
        plan = self._plan(shared, pushed_seq, prefer, resolutions, writable)
        if dry_run:
            _rollback(self.conn)
            return self._result(plan, 0, 0, None, started)
        open_conflicts = plan.pull.unresolved(resolutions)
        if open_conflicts:
            _rollback(self.conn)
            raise SyncConflictError(open_conflicts, self.words)
        check_cancelled(self.cancelled)
        return self._write(plan, shared, pushed_seq, resolutions, stack, started)

    def _upgrade_schema(self, srid: int) -> None:
        """Bring a shared map made by an older assetmap up to date, when this role may (its
        owner); an editor syncs with it as it is, without the copy-id checks."""
        if server_schema.installed_version(self.conn, self.schema) >= (
            server_schema.SERVER_VERSION
        ):
            return
        psycopg = require_psycopg()
        self.conn.execute("SAVEPOINT assetmap_upgrade")
        try:
            server_schema.migrate(self.conn, self.schema, srid)
        except psycopg.errors.InsufficientPrivilege:
            self.conn.execute("ROLLBACK TO SAVEPOINT assetmap_upgrade")
        self.conn.execute("RELEASE SAVEPOINT assetmap_upgrade")

    def _shared_project(self) -> sync_server.SharedProject:
        version = server_schema.installed_version(self.conn, self.schema)
        if version > server_schema.SERVER_VERSION:
            newer = translated(
                "schema '{schema}' was made by a newer assetmap (server version {version}, "
                "this one knows {known}); nothing was changed"
            ).format(schema=self.schema, version=version, known=server_schema.SERVER_VERSION)
            raise BadInputError(
                newer, field="TARGET", hint=translated("update assetmap on this computer")
            )
        if version == 0:
            empty = translated(
                "schema '{schema}' on {address} holds no shared map (was it removed?)"
            )
            raise BadInputError(
                empty.format(schema=self.schema, address=self.where.stored),
                field="TARGET",
                hint=translated("publish the project again: assetmap publish PROJECT TARGET"),
            )
        shared = sync_server.shared_project(self.conn, self.schema)
        mine = copies.identity(self.project).project_id
        if shared is None or shared.project_id != mine:
            other = translated("schema '{schema}' on {address} holds another project")
            raise BadInputError(
                other.format(schema=self.schema, address=self.where.stored),
                field="TARGET",
            )
        return shared

    # ---- which laptop this is ---------------------------------------------------------
    def _check_copy_id(self, writable: bool, dry_run: bool) -> int:
        """Where this laptop's pushes reached. A sync whose local half was lost is taken as
        pushed; a file sharing its copy id with another laptop gets a fresh one."""
        pushed = self.remote.last_pushed_seq
        if not _has_clients_table(self.conn, self.schema):
            return pushed
        me = copies.identity(self.project)
        row = sync_server.client_row(self.conn, self.schema, me.copy_id)
        if row is None:
            return pushed
        if base.feed_mark(self.project.conn, row.pushed_seq) != row.pushed_mark:
            if writable and not dry_run:  # written with the rest, in the local commit
                self.fresh_copy_id = uuid_module.uuid4().hex
            self.new_copy_id = True
            return pushed
        if row.pushed_seq > pushed:
            self.recovered = True
            return row.pushed_seq
        return pushed

    # ---- planning ----------------------------------------------------------------
    def _plan(
        self,
        shared: sync_server.SharedProject,
        pushed_seq: int,
        prefer: str | None,
        resolutions: Resolutions | None,
        writable: bool,
    ) -> SyncPlan:
        me = copies.identity(self.project)
        mine_feed = local_feed(self.project.conn, pushed_seq)
        copy_id = "-" if self.new_copy_id else me.copy_id  # renewed: none of its rows yet
        theirs_feed = sync_server.feed_since(self.conn, self.schema,
                                             self.remote.last_pulled_feed_id, copy_id,
                                             self.project.srs_id)  # fmt: skip
        uuids = touched(mine_feed) | touched(theirs_feed)
        server = sync_server.snapshot(self.conn, self.schema, uuids, self.project.srs_id)
        try:
            pull = plan_pull(
                self.project, server, (mine_feed, theirs_feed), where=self.words,
                shared=ProjectIdentity(shared.project_id, f"server:{self.schema}"),
                divergence=base.Divergence(pushed_seq, self.remote.last_pulled_feed_id,
                                           "last sync"),
                this_latest=base.latest_seq(self.project.conn),
                other_latest=sync_server.latest_feed_id(self.conn, self.schema), prefer=prefer,
            )  # fmt: skip
            push = plan_push(self.project, server, pull, mine_feed,
                             all_chosen(pull, resolutions),
                             include_personal=shared.include_personal)  # fmt: skip
        finally:
            server.close()
        held: list[str] = []
        if writable:
            fields = {k for a in push.assets if not a.is_new for k in a.values}
            barred = sync_server.unwritable_columns(self.conn, self.schema, sorted(fields))
            push, held = without_columns(push, barred)
        return SyncPlan(self.where.stored, self.schema, pull, push, writable, len(mine_feed),
                        self.new_copy_id, self.recovered, held)  # fmt: skip

    # ---- writing --------------------------------------------------------------------
    def _write(
        self,
        plan: SyncPlan,
        shared: sync_server.SharedProject,
        pushed_seq: int,
        resolutions: Resolutions | None,
        stack: CommandStack | None,
        started: float,
    ) -> SyncResult:
        latest = plan.pull.this_latest
        pushed = 0
        skipped = None
        if plan.can_push and not plan.push.is_empty:
            self.report(0.4, translated("Sending {n} changes").format(n=plan.push.count))
            pushed = self._push(plan.push, shared, latest)
        elif not plan.can_push:
            skipped = _read_only_words(self.conn.info.user, plan.waiting)
        if plan.can_push and plan.held:
            skipped = _held_words(self.conn.info.user, plan.held)
        check_cancelled(self.cancelled)
        pulled_upto = sync_server.latest_feed_id(self.conn, self.schema)
        new_remote = replace(
            self.remote,
            last_pushed_seq=latest if plan.can_push else pushed_seq,
            last_pulled_feed_id=pulled_upto,
            last_sync_at=gpkg.utc_now(),
        )
        self.report(0.7, translated("Saving the changes here"))
        before = base.latest_seq(self.project.conn)
        command: SyncCommand | None = None
        if plan.pull.is_empty:
            self._finish_without_command(new_remote, latest)
        else:
            command = SyncCommand(plan.pull, dict(resolutions or {}), where=self.words,
                                  new_remote=new_remote, finish=self._commit_server)  # fmt: skip
            _commit(command, stack or CommandStack(self.project), self.project)
        pulled = base.latest_seq(self.project.conn) - before
        self.report(1.0, translated("Synced"))
        result = self._result(plan, pushed, pulled, skipped, started,
                              waiting=0 if plan.can_push else plan.waiting,
                              pulled_upto=pulled_upto)  # fmt: skip
        return replace(result, command=command)

    def _push(self, push: PushPlan, shared: sync_server.SharedProject, latest: int) -> int:
        me = copies.identity(self.project)
        if self.fresh_copy_id is not None:
            me = replace(me, copy_id=self.fresh_copy_id)
        stamp = Stamp(
            at=gpkg.utc_now(), who=self.project.author,
            description=f"Sync from {self.project.path.name}",
            origin=Origin("sync", by=self.project.author, file=self.project.path.name,
                          session=me.copy_id).to_json(),
            project_id=shared.project_id, copy_id=me.copy_id, local_seq=latest,
        )  # fmt: skip
        with self.conn.cursor() as cur:
            written = write_push(cur, self.schema, shared.srid, push, stamp)
            mark = base.feed_mark(self.project.conn, latest)
            pulled = sync_server.latest_feed_id(self.conn, self.schema)
            if _has_clients_table(self.conn, self.schema):
                record_client(cur, self.schema, me.copy_id, shared.project_id, (latest, mark),
                              pulled)  # fmt: skip
        return written

    def _finish_without_command(self, new_remote: remote.Remote, latest: int) -> None:
        with self.project.transaction() as local:
            if base.latest_seq(self.project.conn) != latest:
                since = translated(
                    "{file} has changed since the sync started; nothing was changed. Sync again."
                )
                raise ConflictError(since.format(file=self.project.path.name))
            del local
            finish_locally(self.project, new_remote, self._commit_server)

    def _commit_server(self) -> None:
        if self.fresh_copy_id is not None:
            _renew_copy_id(self.project, copies.identity(self.project), self.fresh_copy_id)
        self.conn.commit()
        if os.environ.get(KILL_HOOK) == "after-server-commit":
            os.kill(os.getpid(), signal.SIGKILL)

    def _result(
        self,
        plan: SyncPlan,
        pushed: int,
        pulled: int,
        skipped: str | None,
        started: float,
        *,
        waiting: int | None = None,
        pulled_upto: int | None = None,
    ) -> SyncResult:
        return SyncResult(
            target=self.where.stored, schema=self.schema, pushed=pushed, pulled=pulled,
            conflicts=len(plan.conflicts), push_skipped=skipped,
            waiting=plan.waiting if waiting is None else waiting,
            new_copy_id=plan.new_copy_id, recovered=plan.recovered,
            last_pulled_feed_id=pulled_upto or self.remote.last_pulled_feed_id,
            seconds=time.perf_counter() - started, plan=plan,
        )  # fmt: skip


def _held_words(role: str, names: list[str]) -> str:
    shown = ", ".join(f"'{n}'" for n in names[:3])
    if len(names) > 3:
        shown = translated("{names} and more").format(names=shown)
    if len(names) == 1:
        pattern = translated(
            "review decisions on {n} asset ({names}) stay on this laptop: {role} may edit the "
            "shared map but not approve or reject (a reviewer's role is needed, docs/postgis.md)"
        )
    else:
        pattern = translated(
            "review decisions on {n} assets ({names}) stay on this laptop: {role} may edit the "
            "shared map but not approve or reject (a reviewer's role is needed, docs/postgis.md)"
        )
    return pattern.format(n=len(names), names=shown, role=role)


def _commit(command: SyncCommand, stack: CommandStack, project: Project) -> None:
    """Apply on this sync's own connection; put it on the undo stack too when the stack is
    this project's (a window's worker leaves that to the window's thread: ``record``)."""
    if stack.project is project:
        stack.push(command)
    else:
        stack.commit(command, project=project)


def _read_only_words(role: str, waiting: int) -> str:
    if waiting == 1:
        pattern = translated(
            "{role} can read the shared map but not change it: your {n} change stays on this "
            "laptop and goes up at the first sync after an editor role is granted "
            "(docs/postgis.md)"
        )
    else:
        pattern = translated(
            "{role} can read the shared map but not change it: your {n} changes stay on this "
            "laptop and go up at the first sync after an editor role is granted "
            "(docs/postgis.md)"
        )
    return pattern.format(role=role, n=waiting)


def _has_clients_table(conn: Any, schema: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'am_clients'", (schema,)
    ).fetchone()
    return row is not None


def _renew_copy_id(project: Project, me: ProjectIdentity, fresh: str) -> None:
    """This file shares its copy id with another laptop's (it was copied by hand): it
    becomes a copy of its own, as ``copies.save_copy`` would have made it, so neither
    laptop's pushes are taken for the other's. In the caller's local transaction."""
    project.conn.executemany(
        f"INSERT INTO {copies.TABLE} (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [
            ("copy_id", fresh),
            ("copied_from", me.copy_id),
            ("copied_at_seq", str(base.latest_seq(project.conn))),
        ],
    )
