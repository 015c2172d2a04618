"""What the frozen bundle leaves out, as plain functions over PyInstaller's TOC entries.

A TOC entry is ``(name in the bundle, source path, type code)``. PyInstaller's hooks collect
every Qt plugin of a module, Qt's translations, sources shipped inside wheels and, on Linux,
copies of the system libraries everything links to; this module decides which of those the
app really needs. Used by ``batchpilot.spec`` and unit-tested without PyInstaller.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath

Entry = tuple[str, str, str]
SYMLINK = "SYMLINK"

# Qt plugins kept, by plugin type and file stem (without "lib" and the suffix). Everything
# else under Qt's plugins folder is dropped. The stems for Windows and macOS are Qt's names
# for the same pieces there; only the Linux build has been run.
KEEP_PLUGINS: Mapping[str, frozenset[str]] = {
    # X11 (and XWayland), headless runs and tests, and the Windows/macOS equivalents.
    "platforms": frozenset({"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    # The icons are SVG; JPEG for thumbnails. PNG support is built into QtGui itself.
    "imageformats": frozenset({"qsvg", "qjpeg"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Dead keys and the Compose key, and IBus input methods, so every user can type in the
    # option fields. Both need only libraries Qt already uses.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    # Desktop portals (file dialogs, the light/dark setting); the GTK theme would pull in GTK.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # The native widget style on Windows (Linux and macOS styles are built in).
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
}

# Data files that are only sources or type stubs: nothing reads them at run time.
SOURCE_SUFFIXES = frozenset({".c", ".h", ".pyx", ".pxd", ".pxi", ".pyi"})

# Qt's own libraries, on every platform (libQt6Gui.so.6, Qt6Gui.dll, QtGui.framework/...).
_QT_LIBRARY = re.compile(r"^(lib)?Qt6[A-Za-z]+(\.so|\.dll|\.dylib|$)|^Qt[A-Za-z]+$")
# Where the dynamic loader finds a Linux distribution's own libraries.
_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def plugin_of(name: str) -> tuple[str, str] | None:
    """``(plugin type, stem)`` when ``name`` is a Qt plugin inside PySide6, else None."""
    parts = PurePath(name).parts
    if "PySide6" not in parts or "plugins" not in parts[:-1]:
        return None
    at = parts.index("plugins", parts.index("PySide6"))
    kind = "/".join(parts[at + 1:-1])
    stem = parts[-1].split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return kind, stem


def keep_plugin(name: str, keep: Mapping[str, frozenset[str]] = KEEP_PLUGINS) -> bool:
    """Whether a bundled file is wanted as far as Qt plugins go (non-plugins always are)."""
    plugin = plugin_of(name)
    if plugin is None:
        return True
    kind, stem = plugin
    return stem in keep.get(kind, frozenset())


def is_qt_translation(name: str) -> bool:
    """Qt's translation catalogues: the window is English only and never installs a translator."""
    parts = PurePath(name).parts
    return "PySide6" in parts and "translations" in parts and name.endswith(".qm")


def is_source_file(name: str) -> bool:
    """C sources, headers, Cython files and stubs that some wheels ship beside their modules."""
    return PurePath(name).suffix in SOURCE_SUFFIXES


def is_qt_library(name: str) -> bool:
    """One of Qt's own shared libraries (not a plugin, not a Python binding)."""
    return plugin_of(name) is None and bool(_QT_LIBRARY.match(PurePath(name).name))


def is_system_library(source: str) -> bool:
    """A library the distribution provides (the .deb depends on its package instead).

    libpython stays in the bundle: the frozen standard library must match it exactly.
    Libraries that wheels carry (PySide6/Qt/lib, av.libs, pillow.libs, ...) live under
    site-packages and stay too.
    """
    path = os.path.realpath(source)
    if "site-packages" in path or "dist-packages" in path:
        return False
    if os.path.basename(path).startswith("libpython"):
        return False
    return path.startswith(_SYSTEM_DIRS)


def unused_qt_libraries(binaries: Iterable[Entry], imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Qt libraries no kept binary links to, directly or through other libraries.

    ``imports_of(source)`` lists the file names a binary links to. Hooks collect Qt libraries
    for every plugin of a type; once the plugins are filtered, the libraries only they used
    (QtWaylandClient, QtEglFS, QtOpenGL, ...) are dead weight.
    """
    files = [(name, src) for name, src, kind in binaries if kind != SYMLINK]
    by_basename = {PurePath(name).name: (name, src) for name, src in files}
    todo = [(name, src) for name, src in files if not is_qt_library(name)]
    reached: set[str] = set()
    while todo:
        _name, src = todo.pop()
        for lib in imports_of(src):
            target = by_basename.get(PurePath(lib).name)
            if target is not None and target[0] not in reached:
                reached.add(target[0])
                todo.append(target)
    return {name for name, _ in files if is_qt_library(name) and name not in reached}


def lean_binaries(binaries: Iterable[Entry], imports_of: Callable[[str], Iterable[str]],
                  drop_system: bool) -> list[Entry]:
    """The binaries worth shipping: wanted plugins, used Qt libraries, no distribution libraries."""
    kept = [e for e in binaries if keep_plugin(e[0])]
    if drop_system:
        kept = [e for e in kept if not (e[2] == "BINARY" and is_system_library(e[1]))]
    unused = unused_qt_libraries(kept, imports_of)
    return [e for e in kept if e[0] not in unused]


def lean_datas(datas: Iterable[Entry]) -> list[Entry]:
    """The data files worth shipping: no Qt translations, sources or stubs."""
    return [e for e in datas if not (is_qt_translation(e[0]) or is_source_file(e[0]))]


def without_dangling_links(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Both lists without links to files that were dropped.

    PyInstaller puts links beside the executable to libraries kept in their packages' folders,
    as ``(name, target relative to the link's folder, "SYMLINK")`` entries among the data files.
    """
    entries = [*binaries, *datas]
    alive = {name for name, _, kind in entries if kind != SYMLINK}
    links = {name: os.path.normpath(os.path.join(os.path.dirname(name), target))
             for name, target, kind in entries if kind == SYMLINK}
    grew = True
    while grew:  # a link may point at another link
        fresh = {name for name, target in links.items() if target in alive and name not in alive}
        alive |= fresh
        grew = bool(fresh)

    def keep(entry: Entry) -> bool:
        return entry[2] != SYMLINK or entry[0] in alive

    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]
