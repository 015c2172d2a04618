"""Handing files to the desktop: open with the default application, show in the file manager,
where a file dialog starts. Each returns None, or a sentence for the window saying what went wrong.

On Linux, ``QDesktopServices.openUrl`` runs xdg-open and reports success as soon as it has
started it, so a file type no application is set for fails out of sight. The associations are
therefore read first, as the freedesktop.org specifications lay them out: mimeapps.list
(defaults, added and removed associations) and the applications' desktop entries (through
mimeinfo.cache, or their MimeType keys when the cache is stale), for the file's MIME type and
the types it is a kind of (a .py file is also text/plain).
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, QMimeDatabase, QMimeType, QUrl
from PySide6.QtGui import QDesktopServices

from app.text import tilde

OpenUrl = Callable[[QUrl], Any]
FILE_MANAGER = "org.freedesktop.FileManager1"
FILE_MANAGER_PATH = "/org/freedesktop/FileManager1"
# A file manager started by D-Bus activation answers once its window is up: a second or two.
FILE_MANAGER_TIMEOUT_MS = 5000
# Every type but folders is a kind of octet-stream; an application for "any file" (a hex editor)
# is not what opens a PDF, and xdg-open does not fall back to it either.
ANY_FILE = "application/octet-stream"


def _tr(message: str) -> str:
    return QCoreApplication.translate("Desktop", message)


# -- where the associations are -----------------------------------------------------------


@dataclass(frozen=True)
class XdgDirs:
    """The freedesktop.org base directories and current desktops, most important first."""

    config_dirs: tuple[Path, ...]  # $XDG_CONFIG_HOME, then $XDG_CONFIG_DIRS
    data_dirs: tuple[Path, ...]  # $XDG_DATA_HOME, then $XDG_DATA_DIRS
    desktops: tuple[str, ...]  # $XDG_CURRENT_DESKTOP, lower case ("gnome", "kde")
    path: str  # $PATH, to tell whether an application is installed

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> XdgDirs:
        home = Path(env.get("HOME") or os.path.expanduser("~"))

        def dirs(one: str, one_default: Path, many: str, many_default: str) -> tuple[Path, ...]:
            first = env.get(one) or str(one_default)
            rest = (env.get(many) or many_default).split(os.pathsep)
            # Relative entries are invalid and ignored (the specification says so).
            return tuple(dict.fromkeys(Path(d) for d in (first, *rest) if os.path.isabs(d)))

        return cls(
            config_dirs=dirs("XDG_CONFIG_HOME", home / ".config", "XDG_CONFIG_DIRS", "/etc/xdg"),
            data_dirs=dirs("XDG_DATA_HOME", home / ".local" / "share", "XDG_DATA_DIRS", "/usr/local/share:/usr/share"),
            desktops=tuple(d.lower() for d in env.get("XDG_CURRENT_DESKTOP", "").split(":") if d),
            path=env.get("PATH", os.defpath),
        )

    def mimeapps_lists(self) -> Iterator[Path]:
        """The mimeapps.list files in the order they take precedence."""
        names = [f"{d}-mimeapps.list" for d in self.desktops] + ["mimeapps.list"]
        for folder in (*self.config_dirs, *(d / "applications" for d in self.data_dirs)):
            for name in names:
                yield folder / name

    def application_dirs(self) -> Iterator[Path]:
        for d in self.data_dirs:
            yield d / "applications"


def _read_ini(path: Path) -> configparser.RawConfigParser | None:
    parser = configparser.RawConfigParser(delimiters=("=",), comment_prefixes=("#",), strict=False,
                                          interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.read_file(f)
    except (OSError, configparser.Error):
        return None
    return parser


def _ids(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


class Associations:
    """Which installed applications open a MIME type, read from one set of XDG directories."""

    def __init__(self, dirs: XdgDirs) -> None:
        self.dirs = dirs
        self._entries: dict[str, Path] | None = None
        self._declared: dict[str, list[str]] | None = None
        self._launchable: dict[str, bool] = {}

    def handlers(self, names: Iterable[str]) -> list[str]:
        """The applications that open the first of ``names`` (a type, then what it is a kind of)
        any application is set for; empty when none is."""
        names = list(names)
        for read_entries in (False, True):  # the caches first; every desktop entry only if they know none
            for name in names:
                apps = self.applications(name, read_entries)
                if apps:
                    return apps
        return []

    def applications(self, mime: str, read_entries: bool = False) -> list[str]:
        """The launchable applications set for exactly ``mime``, defaults first.

        A mimeapps.list adds and removes associations; a removal hides those of less important
        files and of the desktop entries, never those of a more important file. The entries'
        own types come from mimeinfo.cache, or from the entries themselves with ``read_entries``
        (update-desktop-database, which writes the caches, is not run by every installer).
        """
        found: list[str] = []
        removed: set[str] = set()
        for path in self.dirs.mimeapps_lists():
            parser = _read_ini(path) if path.is_file() else None
            if parser is None:
                continue
            for section in ("Default Applications", "Added Associations"):
                if parser.has_option(section, mime):
                    found += [a for a in _ids(parser.get(section, mime)) if a not in removed]
            if parser.has_option("Removed Associations", mime):
                removed.update(_ids(parser.get("Removed Associations", mime)))
        declared = self._entry_types().get(mime, []) if read_entries else self._cached(mime)
        found += [a for a in declared if a not in removed]
        return [a for a in dict.fromkeys(found) if self.launchable(a)]

    def entries(self) -> dict[str, Path]:
        """Desktop-file id -> file; the first directory holding an id wins (kde4/a.desktop is kde4-a.desktop)."""
        if self._entries is None:
            found: dict[str, Path] = {}
            for folder in self.dirs.application_dirs():
                for root, _subdirs, files in os.walk(folder):
                    prefix = os.path.relpath(root, folder).replace(os.sep, "-")
                    for name in sorted(files):
                        if name.endswith(".desktop"):
                            found.setdefault(name if prefix == "." else f"{prefix}-{name}", Path(root) / name)
            self._entries = found
        return self._entries

    def launchable(self, desktop_id: str) -> bool:
        """Whether ``desktop_id`` is installed, not hidden, and its program is there."""
        if desktop_id not in self._launchable:
            self._launchable[desktop_id] = self._check(desktop_id)
        return self._launchable[desktop_id]

    def _check(self, desktop_id: str) -> bool:
        path = self.entries().get(desktop_id)
        parser = _read_ini(path) if path is not None else None
        if parser is None or not parser.has_section("Desktop Entry"):
            return False
        entry = parser["Desktop Entry"]
        if entry.get("Hidden", "").strip() == "true" or entry.get("Type", "Application").strip() != "Application":
            return False
        program = entry.get("TryExec", "").strip()
        if not program:
            try:
                words = shlex.split(entry.get("Exec", ""))
            except ValueError:
                return False
            if not words:
                return entry.get("DBusActivatable", "").strip() == "true"
            program = words[0]
        if os.path.isabs(program):
            return os.access(program, os.X_OK)
        return shutil.which(program, path=self.dirs.path) is not None

    def _cached(self, mime: str) -> list[str]:
        out: list[str] = []
        for folder in self.dirs.application_dirs():
            cache = folder / "mimeinfo.cache"
            parser = _read_ini(cache) if cache.is_file() else None
            if parser is not None and parser.has_option("MIME Cache", mime):
                out += _ids(parser.get("MIME Cache", mime))
        return out

    def _entry_types(self) -> dict[str, list[str]]:
        """MIME type -> desktop ids, from the MimeType key of every entry (read once, lines only:
        entries carry long translated groups that a full parse would read for nothing)."""
        if self._declared is None:
            declared: dict[str, list[str]] = {}
            for desktop_id, path in self.entries().items():
                for mime in _mime_key(path):
                    declared.setdefault(mime, []).append(desktop_id)
            self._declared = declared
        return self._declared


def _mime_key(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            group = ""
            for line in f:
                line = line.strip()
                if line.startswith("["):
                    group = line
                elif group == "[Desktop Entry]" and line.startswith("MimeType") and "=" in line:
                    key, value = line.split("=", 1)
                    if key.strip() == "MimeType":
                        return _ids(value)
    except OSError:
        pass
    return []


def kinds(mime: QMimeType) -> list[str]:
    """``mime``'s name and aliases, then the types it is a kind of (text/x-python: text/plain)."""
    db = QMimeDatabase()
    names = [mime.name(), *mime.aliases()]
    ancestors = list(mime.allAncestors())
    if mime.name().startswith("text/") and "text/plain" not in ancestors:
        ancestors.append("text/plain")
    for ancestor in ancestors:
        if ancestor != ANY_FILE or mime.name() == ANY_FILE:
            names += [ancestor, *db.mimeTypeForName(ancestor).aliases()]
    return list(dict.fromkeys(n for n in names if n))


def _reads_xdg(env: Mapping[str, str]) -> bool:
    """Whether xdg-open (and so the XDG associations) decides what opens a file."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return False
    # In a Flatpak or Snap sandbox the desktop portal asks the user; the host's applications are
    # not in the sandbox's directories.
    return not ("FLATPAK_ID" in env or "SNAP" in env or os.path.exists("/.flatpak-info"))


# -- what the window calls ------------------------------------------------------------------


def open_file(path: str, open_url: OpenUrl = QDesktopServices.openUrl,
              env: Mapping[str, str] | None = None) -> str | None:
    """Open ``path`` (a file or a folder) with its default application: None, or why it cannot be."""
    env = os.environ if env is None else env
    name = os.path.basename(path.rstrip(os.sep)) or path
    if not os.path.exists(path):
        return _tr("Cannot open {name}: it is no longer in {folder}.").format(
            name=name, folder=tilde(os.path.dirname(path)))
    if _reads_xdg(env):
        mime = QMimeDatabase().mimeTypeForFile(path)
        if not Associations(XdgDirs.from_env(env)).handlers(kinds(mime)):
            return _no_application(path, name, mime)
    if open_url(QUrl.fromLocalFile(path)) is False:
        return _tr("Cannot open {name}: the desktop did not start an application for it.").format(name=name)
    return None


def _no_application(path: str, name: str, mime: QMimeType) -> str:
    if mime.name() == "inode/directory":
        return _tr("Cannot open the folder {folder}: no file manager is set to open folders. Install one, "
                   "or open the folder from a terminal.").format(folder=tilde(path))
    suffix = QMimeDatabase().suffixForFileName(path)
    if suffix:
        what = _tr(".{suffix} files ({kind})").format(suffix=suffix, kind=mime.comment() or mime.name())
    else:
        what = _tr("files of the type {kind} ({mime})").format(kind=mime.comment() or mime.name(), mime=mime.name())
    return _tr("Cannot open {name}: no application is set to open {what}. Choose one with Open With in "
               "your file manager, then try again.").format(name=name, what=what)


def show_in_folder(path: str, open_url: OpenUrl = QDesktopServices.openUrl, env: Mapping[str, str] | None = None,
                   bus: Any = None) -> str | None:
    """Show ``path`` selected in the file manager, else open its folder: None, or why neither worked.

    ``bus`` is the QDBusConnection to ask (the session bus when None).
    """
    env = os.environ if env is None else env
    if os.path.exists(path) and _reads_xdg(env) and _ask_file_manager(path, bus):
        return None
    folder = os.path.dirname(path.rstrip(os.sep)) or path
    if not os.path.isdir(folder):
        name = os.path.basename(path.rstrip(os.sep)) or path
        return _tr("Cannot show {name}: its folder {folder} is no longer there.").format(
            name=name, folder=tilde(folder))
    return open_file(folder, open_url, env)


def _ask_file_manager(path: str, bus: Any) -> bool:
    """Ask the file manager over D-Bus (org.freedesktop.FileManager1.ShowItems) to show ``path``."""
    try:
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
    except ImportError:  # a Qt built without D-Bus
        return False
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    call = QDBusMessage.createMethodCall(FILE_MANAGER, FILE_MANAGER_PATH, FILE_MANAGER, "ShowItems")
    uri = bytes(QUrl.fromLocalFile(path).toEncoded().data()).decode("ascii")
    call.setArguments([[uri], ""])  # as uris, s startup id: a list of str goes out as "as"
    # The window keeps painting while a file manager starts up to answer.
    reply = bus.call(call, QDBus.CallMode.BlockWithGui, FILE_MANAGER_TIMEOUT_MS)
    if reply.type() == QDBusMessage.MessageType.ReplyMessage:
        return True
    # No answer in time: a file manager is starting and will show the file; opening the folder as
    # well would put up a second window.
    return reply.errorName() == "org.freedesktop.DBus.Error.NoReply"


def start_folder(last: str) -> str:
    """Where a file dialog starts: the folder used last while it still exists, else the home folder
    (never the process's working directory, which means nothing to the user)."""
    if last and os.path.isabs(last) and os.path.isdir(last):
        return last
    return QDir.homePath()
