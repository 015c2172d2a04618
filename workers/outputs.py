"""Outputs are complete or absent: written under a partial name beside the target, renamed on success.

Partial names carry a run token, so two runs writing one folder never touch each other's partial files.

Durable means the output, and its name in its folder, survive a crash of the whole computer. On
its own, :func:`atomic_output` makes each output durable before it returns (the file synced
before its rename, the folder after). A worker process instead starts a :class:`GroupCommit`:
outputs are renamed into place at once and made durable together, in one go, before the worker
says their items are done (workers/engine/child.py), so what the journal records as done is on
the disk while a batch of small files pays for one wait on the disk, not one per file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

PARTIAL_MARK = ".bp-part"
DEFAULT_NAME_MAX = 255
_TOKEN = re.compile(r"[0-9a-f]{8}")
_DIGEST_LEN = 16

_run_token: str | None = None


def new_run_token() -> str:
    """A fresh random run token: 8 lowercase hex characters."""
    return secrets.token_hex(4)


def _checked(token: str) -> str:
    # The token becomes part of a file name and of the stale-partial pattern, so its shape is fixed.
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"a run token is 8 lowercase hex characters, not {token!r}")
    return token


def set_run_token(token: str) -> None:
    """Write this process's partials under ``token`` (a worker sets its job's token)."""
    global _run_token
    _run_token = _checked(token)


def run_token() -> str:
    """The token this process writes partials under; a random one is made on first use if none was set."""
    global _run_token
    if _run_token is None:
        _run_token = new_run_token()
    return _run_token


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # folder missing, no such limit, or no pathconf (Windows)
        return DEFAULT_NAME_MAX


def _fits(name: str, limit: int) -> bool:
    return len(os.fsencode(name)) <= limit


def _digest(final: Path) -> str:
    return hashlib.sha1(os.fsencode(final.name)).hexdigest()[:_DIGEST_LEN]


def partial_path(final: str | os.PathLike[str], token: str | None = None) -> Path:
    """The hidden name ``final`` is written under by the run ``token`` (default: this process's token).

    When the usual name would be longer than the folder allows, a short digest-based name is used,
    so a name that fits as a final name never fails because of its partial name.
    """
    p = Path(final)
    token = run_token() if token is None else _checked(token)
    limit = _name_max(p.parent)
    name = f".{p.stem}{PARTIAL_MARK}-{token}{p.suffix}"
    if _fits(name, limit):
        return p.with_name(name)
    short = f"{PARTIAL_MARK}-{token}-{_digest(p)}"
    return p.with_name(short + p.suffix if _fits(short + p.suffix, limit) else short)


def side_path(final: str | os.PathLike[str], role: str) -> Path:
    """A second hidden name beside ``final`` for this run (``role``: "old", "lift"...): a partial
    name too, so scans skip it, another run never shares it, and it fits the name limit."""
    return partial_path(Path(f"{os.fspath(final)}.{role}"))


def is_partial_name(name: str) -> bool:
    """True for a partial output's name (either form); scans skip these."""
    return name.startswith(".") and PARTIAL_MARK in name


def _remove(path: Path) -> bool:
    # A partial may be a folder tree; a symlink is removed itself, never followed.
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True


def remove_partial(final: str | os.PathLike[str], token: str | None = None) -> bool:
    """Remove the partial file (or folder) of ``final`` left by run ``token``; True if something was removed."""
    return _remove(partial_path(final, token))


def _stale_pattern(final: Path) -> re.Pattern[str]:
    hexes = r"[0-9a-f]{8}"
    stem, suffix = re.escape(final.stem), re.escape(final.suffix)
    mark = re.escape(PARTIAL_MARK)
    # Usual form (and the tokenless name of earlier versions), then the short form with or without suffix.
    return re.compile(rf"\.{stem}{mark}(?:-{hexes})?{suffix}|{mark}-{hexes}-{_digest(final)}(?:{suffix})?")


def remove_stale_partials(final: str | os.PathLike[str]) -> int:
    """Remove the partials of ``final`` left by any run; returns how many were removed.

    Only safe while holding the folder's lock: a live run's partials are removed too.
    """
    final = Path(final)
    pattern = _stale_pattern(final)
    try:
        names = os.listdir(final.parent)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    return sum(_remove(final.with_name(n)) for n in names if pattern.fullmatch(n))


def _sync_one(path: Path) -> None:
    """Make one file's data, or one folder's entries, durable. A path gone meanwhile (an output
    the task took away again) has nothing left to keep; a file system that cannot sync a folder
    (some network ones) says so with EINVAL, and keeps its entries its own way."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        if os.path.isdir(path):
            try:
                os.fsync(fd)
            except OSError as exc:
                if exc.errno != errno.EINVAL:
                    raise
        elif hasattr(os, "fdatasync"):
            os.fdatasync(fd)
        else:
            os.fsync(fd)
    finally:
        os.close(fd)


# Files synced one after another each wait for the disk on their own; several syncs in flight
# at once let the file system commit them together (one journal commit on ext4), so a group of
# outputs takes about as long as one.
SYNC_THREADS = 8


def _sync_all(paths: list[Path]) -> None:
    if len(paths) <= 1:
        for path in paths:
            _sync_one(path)
        return
    from concurrent.futures import ThreadPoolExecutor  # a worker that never syncs never imports it

    with ThreadPoolExecutor(min(SYNC_THREADS, len(paths))) as pool:
        list(pool.map(_sync_one, paths))


def sync_paths(paths: Iterable[Path], *, data: bool = True) -> None:
    """Make every path in ``paths`` durable: its data (unless ``data`` is False: synced
    already), then its name, by syncing the folders that hold them."""
    targets = list(dict.fromkeys(paths))
    if data:
        _sync_all(targets)
    _sync_all(list(dict.fromkeys(path.parent for path in targets)))


class GroupCommit:
    """Outputs renamed into place and not yet durable, with the items that wrote them.

    ``owner`` says which item is writing now (the worker's current item). :meth:`sync` makes
    every output added so far durable at once; if that fails, the items whose outputs may be
    lost are remembered with the reason, so their ends are reported as failures, not as done.
    """

    def __init__(self, owner: Callable[[], int]) -> None:
        self.owner = owner
        # (path, item, is the output itself): appended by the task's thread, taken by sync.
        self._added: list[tuple[Path, int, bool]] = []
        self.unsaved: dict[int, str] = {}  # item -> why its output could not be made durable
        self.lock = threading.Lock()  # one sync at a time
        self.syncs = 0  # how many syncs made something durable (for tests and benchmarks)

    def add(self, final: Path, new_folders: Iterable[Path] = ()) -> None:
        owner = self.owner()
        for folder in new_folders:  # made for this output: their own names must last too
            self._added.append((folder, owner, False))
        self._added.append((final, owner, True))

    def pending(self) -> bool:
        return bool(self._added)

    def sync(self) -> None:
        """Make every output added before this call durable. Never raises: when it fails, the
        outputs are removed (they may be incomplete) and their items noted in ``unsaved``."""
        with self.lock:
            count = len(self._added)  # later additions wait for the next sync
            taken = self._added[:count]
            if not taken:
                return
            try:
                sync_paths(path for path, _, _ in taken)
                self.syncs += 1
            except OSError as exc:
                reason = describe_sync_error(exc)
                for path, owner, is_output in taken:
                    self.unsaved.setdefault(owner, reason)
                    if is_output:
                        _remove(path)
            finally:
                del self._added[:count]


def describe_sync_error(exc: OSError) -> str:
    """Why an output could not be made durable, in words."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk filled up while the output was being saved; free some space and run it again"
    return (f"the output could not be saved to the disk ({exc.strerror or exc}); it was removed, "
            "run it again")


_group: GroupCommit | None = None


def start_group_commit(owner: Callable[[], int]) -> GroupCommit:
    """From now on this process's durable outputs are made durable by the group's sync (a worker)."""
    global _group
    _group = GroupCommit(owner)
    return _group


def group_commit() -> GroupCommit | None:
    """This process's group commit, if it has one."""
    return _group


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, nearest the root first."""
    missing = []
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    missing.reverse()
    return missing


@contextlib.contextmanager
def atomic_output(final: str | os.PathLike[str], *, durable: bool = True) -> Iterator[Path]:
    """Yield a partial path to write; on success it becomes ``final`` in one rename.

    On an exception the partial file is removed and ``final`` is left as it was. ``durable``:
    the output survives a crash of the computer once the process says its item is done (see
    the module's docstring).
    """
    final = Path(final)
    new_folders = _missing_folders(final.parent)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(final)
    _remove(tmp)
    try:
        yield tmp
        if not tmp.exists():
            raise FileNotFoundError(f"the task wrote nothing to {tmp}")
        group = _group if durable else None
        if durable and group is None and tmp.is_file():
            _sync_one(tmp)
        os.replace(tmp, final)
    except BaseException:
        _remove(tmp)
        raise
    if group is not None:
        group.add(final, new_folders)
    elif durable:
        sync_paths([*new_folders, final], data=False)  # the names: the data was synced above
