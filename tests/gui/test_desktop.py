"""Handing files to the desktop: what opens a file type, showing a file in the file manager, where
file dialogs start. Associations come from a temporary XDG tree; the file manager is a fake one on
a private D-Bus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QUrl
from PySide6.QtDBus import QDBusConnection

from app.desktop import open_file, show_in_folder, start_folder
from app.text import tilde


class Xdg:
    """A desktop's association files in a temporary tree, and the environment that points at them."""

    def __init__(self, root: Path) -> None:
        self.config = root / "config"
        self.data = root / "data"  # XDG_DATA_DIRS (the system's)
        self.home_data = root / "home-data"  # XDG_DATA_HOME
        self.bin = root / "bin"
        for folder in (self.config, self.data / "applications", self.home_data / "applications", self.bin):
            folder.mkdir(parents=True)
        self.env = {"HOME": str(root), "XDG_CONFIG_HOME": str(self.config), "XDG_CONFIG_DIRS": str(root / "etc"),
                    "XDG_DATA_HOME": str(self.home_data), "XDG_DATA_DIRS": str(self.data), "PATH": str(self.bin),
                    "XDG_CURRENT_DESKTOP": "Test"}

    def program(self, name: str) -> None:
        path = self.bin / name
        path.write_text("#!/bin/sh\n")
        path.chmod(0o755)

    def application(self, desktop_id: str, program: str = "viewer", types: str = "", where: Path | None = None,
                    extra: str = "") -> None:
        """A desktop entry; ``kde4-x.desktop`` lands in a kde4/ subfolder, as the id says."""
        folder = (where or self.data) / "applications"
        parts = desktop_id.split("-", 1) if desktop_id.startswith("kde4-") else [desktop_id]
        path = folder.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        mime = f"MimeType={types}\n" if types else ""
        path.write_text(f"[Desktop Entry]\nType=Application\nName={desktop_id}\nExec={program} %f\n{mime}{extra}")

    def cache(self, types: dict[str, str]) -> None:
        """mimeinfo.cache, as update-desktop-database writes it."""
        lines = "".join(f"{mime}={apps}\n" for mime, apps in types.items())
        (self.data / "applications" / "mimeinfo.cache").write_text(f"[MIME Cache]\n{lines}")

    def mimeapps(self, text: str, folder: Path | None = None, name: str = "mimeapps.list") -> None:
        (folder or self.config).joinpath(name).write_text(textwrap.dedent(text))


@pytest.fixture
def xdg(tmp_path: Path) -> Xdg:
    return Xdg(tmp_path / "desktop")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "out folder"
    folder.mkdir()
    (folder / "report.json").write_text('{"pages": 3}')
    (folder / "notes.py").write_text("print('hi')\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return folder


def test_a_file_no_application_is_set_for_gets_a_sentence_not_silence(xdg, files, qapp):
    opened: list[QUrl] = []
    problem = open_file(str(files / "scan.pdf"), opened.append, xdg.env)
    assert problem == ("Cannot open scan.pdf: no application is set to open .pdf files (PDF document). "
                       "Choose one with Open With in your file manager, then try again.")
    assert opened == []


def test_a_type_opens_with_what_is_set_for_it_or_for_what_it_is_a_kind_of(xdg, files, qapp):
    xdg.program("editor")
    xdg.application("kde4-editor.desktop", "editor")  # id from its subfolder
    xdg.cache({"text/plain": "kde4-editor.desktop;"})
    opened: list[QUrl] = []
    # JSON is a kind of JavaScript, which is a kind of text; Python source is text.
    for name in ("report.json", "notes.py"):
        assert open_file(str(files / name), opened.append, xdg.env) is None
    assert [u.toLocalFile() for u in opened] == [str(files / "report.json"), str(files / "notes.py")]
    assert open_file(str(files / "scan.pdf"), opened.append, xdg.env) is not None  # a PDF is not text


def test_mimeapps_defaults_additions_and_removals(xdg, files, qapp):
    xdg.program("viewer")
    xdg.application("viewer.desktop", types="application/pdf;")
    xdg.cache({"application/pdf": "viewer.desktop;"})
    pdf = str(files / "scan.pdf")
    assert open_file(pdf, lambda _url: True, xdg.env) is None
    # The user removed it (in the desktop's own list, which comes first)...
    xdg.mimeapps("[Removed Associations]\napplication/pdf=viewer.desktop;\n", name="test-mimeapps.list")
    assert open_file(pdf, lambda _url: True, xdg.env) is not None
    # ...a less important list cannot add it back, a default in the user's list under an alias can.
    xdg.mimeapps("[Added Associations]\napplication/pdf=viewer.desktop;\n", folder=xdg.data / "applications")
    assert open_file(pdf, lambda _url: True, xdg.env) is not None
    xdg.application("reader.desktop", "viewer")
    xdg.mimeapps("[Default Applications]\napplication/x-pdf=reader.desktop\n")
    assert open_file(pdf, lambda _url: True, xdg.env) is None


def test_only_installed_applications_count(xdg, files, qapp):
    xdg.program("viewer")
    xdg.application("gone.desktop", "no-such-program", "application/pdf;")
    xdg.application("hidden.desktop", "viewer", "application/pdf;", extra="Hidden=true\n")
    xdg.cache({"application/pdf": "gone.desktop;hidden.desktop;uninstalled.desktop;"})
    pdf = str(files / "scan.pdf")
    assert open_file(pdf, lambda _url: True, xdg.env) is not None
    # An application installed after the cache was written still counts: its entry says it opens PDFs.
    xdg.application("fresh.desktop", "viewer", "application/pdf;", where=xdg.home_data)
    assert open_file(pdf, lambda _url: True, xdg.env) is None


def test_an_application_for_any_file_is_not_taken_for_a_pdf_reader(xdg, files, qapp):
    xdg.program("hexdump")
    xdg.application("hex.desktop", "hexdump", "application/octet-stream;")
    xdg.cache({"application/octet-stream": "hex.desktop;"})
    assert open_file(str(files / "scan.pdf"), lambda _url: True, xdg.env) is not None


def test_missing_files_and_refusals_are_sentences(xdg, files, qapp):
    problem = open_file(str(files / "gone.txt"), lambda _url: True, xdg.env)
    assert problem is not None and problem.startswith("Cannot open gone.txt: it is no longer in ")
    # In a Flatpak the portal asks the user: the sandbox's own lists say nothing about the host.
    sandboxed = {**xdg.env, "FLATPAK_ID": "io.github.batchpilot"}
    assert open_file(str(files / "scan.pdf"), lambda _url: True, sandboxed) is None
    assert open_file(str(files / "scan.pdf"), lambda _url: False, sandboxed) == (
        "Cannot open scan.pdf: the desktop did not start an application for it.")


# -- show in folder -----------------------------------------------------------------------

FAKE_FILE_MANAGER = """
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusVirtualObject

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "fake-file-manager")

class FileManager(QDBusVirtualObject):
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):
        print(json.dumps([message.member(), message.signature(), message.arguments()]), flush=True)
        connection.send(message.createReply([]))
        return True

manager = FileManager()
assert bus.registerVirtualObject("/org/freedesktop/FileManager1", manager)
assert bus.registerService("org.freedesktop.FileManager1")
print("ready", flush=True)
app.exec()
"""


@pytest.fixture
def session_bus(tmp_path: Path, qapp) -> Iterator[tuple[str, QDBusConnection]]:
    """A private D-Bus session bus (no services to start) and our connection to it."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (apt-get install dbus-daemon)")
    config = tmp_path / "bus.conf"
    config.write_text(f"""<busconfig><type>session</type><listen>unix:path={tmp_path / "bus"}</listen>
        <auth>EXTERNAL</auth><policy context="default"><allow send_destination="*" eavesdrop="true"/>
        <allow eavesdrop="true"/><allow own="*"/></policy></busconfig>""")
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    name = f"test-{os.getpid()}-{id(tmp_path)}"
    try:
        bus = QDBusConnection.connectToBus(address, name)
        assert bus.isConnected(), bus.lastError().message()
        yield address, bus
    finally:
        QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


def test_show_in_folder_asks_the_file_manager_to_select_the_file(xdg, files, session_bus):
    address, bus = session_bus
    manager = subprocess.Popen([sys.executable, "-c", FAKE_FILE_MANAGER, address], stdout=subprocess.PIPE, text=True)
    try:
        assert manager.stdout is not None and manager.stdout.readline().strip() == "ready"
        opened: list[QUrl] = []
        assert show_in_folder(str(files / "report.json"), opened.append, xdg.env, bus) is None
        member, signature, arguments = json.loads(manager.stdout.readline())
    finally:
        manager.terminate()
        manager.wait(timeout=10)
        manager.stdout.close()
    assert (member, signature) == ("ShowItems", "ass")
    uri = QUrl.fromLocalFile(str(files / "report.json")).toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert arguments == [[uri], ""]
    assert "%20" in arguments[0][0]  # "out folder": a URI, encoded
    assert opened == []  # no second window


def test_without_a_file_manager_on_the_bus_the_folder_is_opened(xdg, files, session_bus):
    _address, bus = session_bus
    opened: list[QUrl] = []
    problem = show_in_folder(str(files / "report.json"), opened.append, xdg.env, bus)
    assert problem == (f"Cannot open the folder {tilde(str(files))}: no file manager is set to open folders. "
                       "Install one, or open the folder from a terminal.")
    xdg.program("files")
    xdg.application("files.desktop", "files", "inode/directory;")
    assert show_in_folder(str(files / "report.json"), opened.append, xdg.env, bus) is None
    assert [u.toLocalFile() for u in opened] == [str(files)]
    # An output deleted since: its folder still opens; a folder deleted too is said so.
    assert show_in_folder(str(files / "deleted.json"), opened.append, xdg.env, bus) is None
    assert [u.toLocalFile() for u in opened] == [str(files)] * 2
    problem = show_in_folder(str(files / "gone" / "deleted.json"), opened.append, xdg.env, bus)
    assert problem == f"Cannot show deleted.json: its folder {tilde(str(files / 'gone'))} is no longer there."


def test_file_dialogs_start_in_the_last_folder_or_at_home(tmp_path, monkeypatch, qapp):
    elsewhere = tmp_path / "working"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert start_folder(str(tmp_path)) == str(tmp_path)
    assert start_folder(str(tmp_path / "deleted")) == QDir.homePath()
    assert start_folder("") == QDir.homePath()
    assert start_folder(".") == QDir.homePath()  # relative: the working directory, which means nothing
