"""The zip task: archives per file, per top-level folder or of the whole selection, and safe extraction.

Writing is in :mod:`archive_write` (.7z in :mod:`archive_7z`), unpacking in :mod:`archive_extract`;
this module decides what goes into which archive, names the outputs and turns the results into
messages. A password only travels in the options: it is in no message, result or progress text.
"""

from __future__ import annotations

import enum
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

from workers.outputs import atomic_output, side_path
from workers.task import ItemError, ItemResult, ItemSpec, Preset, Report, Task, WorkItem, option, threads_of
from workers.tasks.archive_formats import (
    ArchiveFormat,
    ZipMethod,
    archive_suffix,
    printable,
    resolve_level,
    sniff,
)
from workers.tasks.archive_verify import TarCheck, VerifyError, verify_7z, verify_tar_zst, verify_zip
from workers.tasks.archive_write import Progress, Written, write_tar, write_zip


class Mode(enum.StrEnum):
    """What the task makes of the files it is given."""

    PER_FILE = "per-file"
    PER_FOLDER = "per-folder"
    SELECTION = "selection"
    EXTRACT = "extract"


@dataclass(frozen=True)
class ZipOptions:
    mode: Mode = option(Mode.PER_FILE, "per-file, per-folder (one per top-level folder), selection (one "
                        "archive of everything) or extract (unpack .zip, .7z and tar archives)")
    format: ArchiveFormat = option(ArchiveFormat.ZIP, "archive format to write")
    zip_method: ZipMethod = option(ZipMethod.DEFLATE, "how .zip members are compressed", advanced=True)
    level: int = option(-1, "compression level, -1 for the format's default (6; 9 for bzip2, 3 for zstd, 5 for 7z); "
                        "up to 9, or 22 for zstd; higher is smaller and slower", min=-1, max=22, auto=-1,
                        advanced=True)
    verify: bool = option(True, "read every archive back after writing; one that fails is removed", advanced=True)
    password: str = option("", "encrypt .zip and .7z archives with AES-256 (a .7z's file names too); extract: "
                           "the password of encrypted archives. Never saved", kind="password", auto="",
                           auto_text="none")
    archive_name: str = option("", "name of the archive in selection mode (default: the folder's name)",
                               auto="", auto_text="the folder's name")
    max_total_mb: int = option(10240, "extract: stop when one archive unpacks to more than this many MB",
                               min=1, advanced=True)
    max_ratio: float = option(200.0, "extract: stop when an archive unpacks to more than this many "
                              "times its size (zip bombs)", min=1, advanced=True)
    max_files: int = option(100_000, "extract: refuse archives with more members than this", min=1,
                            advanced=True)
    skip_unsafe: bool = option(False, "extract: leave out members that would land outside the folder "
                               "instead of failing the archive", advanced=True)

def _base_folder(spec: ItemSpec) -> str:
    """The folder ``spec.rel`` is relative to."""
    depth = spec.rel.count("/") + 1
    return str(Path(spec.source).parents[depth - 1])


def _clean_name(name: str, fmt: ArchiveFormat) -> str:
    name = PurePosixPath(name.replace("\\", "/")).name
    if name.lower().endswith(fmt.suffix):
        name = name[: -len(fmt.suffix)]
    return "" if name in ("", ".", "..") else name


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return ""


class ZipTask(Task):
    """Packs files into verified archives, or safely unpacks archives."""

    name = "zip"
    output_word = "zipped"  # outputs go to <folder>-zipped by default
    title = "Zip"
    description = ("Pack files into .zip, .7z, .tar.gz, .tar.xz or .tar.zst archives (one per file, one per "
                   "folder, or one for everything; .zip and .7z encrypted with a password), checked after "
                   "writing; or safely unpack archives.")
    Options = ZipOptions
    presets = {
        "zip per file": Preset("A .zip of each file", mode="per-file", format="zip"),
        "zip per folder": Preset("A .zip of each folder", mode="per-folder", format="zip"),
        "one .zip": Preset("Everything in one .zip", mode="selection", format="zip"),
        "send-zip": Preset("One small .zip to send", mode="selection", format="zip", level=9),
        "one .tar.zst": Preset("Everything in one .tar.zst (fast, small)", mode="selection", format="tar.zst"),
        "one .7z": Preset("Everything in one .7z (small, 7-Zip's format)", mode="selection", format="7z"),
        "backup-xz": Preset("Backup in one .tar.xz (smallest, slow)", mode="selection", format="tar.xz",
                            level=9),
        "extract archives": Preset("Unpack archives", mode="extract"),
    }
    not_accepted = "not an archive (extract reads .zip, .7z, .tar, .tar.gz, .tar.xz, .tar.zst and .tar.bz2)"

    def accepts(self, path: Path, options: Any) -> bool:
        return options.mode is not Mode.EXTRACT or bool(archive_suffix(path.name))

    # Options that only writing archives, only unpacking them, or only one archive of everything uses.
    _WRITING = frozenset({"format", "zip_method", "level", "verify"})
    _EXTRACTING = frozenset({"max_total_mb", "max_ratio", "max_files", "skip_unsafe"})

    def applies(self, name: str, options: Any) -> bool:
        extract = options.mode is Mode.EXTRACT
        if name in self._WRITING:
            return not extract and (name != "zip_method" or options.format is ArchiveFormat.ZIP)
        if name in self._EXTRACTING:
            return extract
        if name == "archive_name":
            return options.mode is Mode.SELECTION
        if name == "password":  # tar archives cannot be encrypted
            return extract or options.format in (ArchiveFormat.ZIP, ArchiveFormat.SEVEN_Z)
        return True

    def automatic(self, name: str, options: Any) -> Any:
        """The compression level the writer picks when it is left automatic."""
        if name != "level" or options.mode is Mode.EXTRACT:
            return None
        if options.format is ArchiveFormat.ZIP:
            if options.zip_method not in (ZipMethod.DEFLATE, ZipMethod.BZIP2):
                return None  # stored and lzma members take no level
            return resolve_level(options.zip_method.value, -1)
        return resolve_level(options.format.value, -1)

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        if options.mode is Mode.EXTRACT:
            return rel.with_name(rel.name[: -len(archive_suffix(rel.name))])
        return rel.with_name(rel.name + options.format.suffix)

    def group(self, specs: list[ItemSpec], options: Any) -> list[ItemSpec]:
        """Per folder: one item per top-level folder; selection: one item holding everything."""
        if options.mode is Mode.PER_FOLDER:
            loose: list[ItemSpec] = []
            folders: dict[str, list[ItemSpec]] = {}
            for spec in specs:
                top, slash, _ = spec.rel.partition("/")
                if slash:
                    folders.setdefault(top, []).append(spec)
                else:
                    loose.append(spec)  # a file beside the folders gets an archive of its own
            grouped = [
                ItemSpec(os.path.join(_base_folder(members[0]), top), top, sum(m.size for m in members),
                         tuple((m.source, m.rel) for m in members))
                for top, members in folders.items()
            ]
            return grouped + loose
        if options.mode is Mode.SELECTION and specs:
            bases = sorted({_base_folder(s) for s in specs})
            base = bases[0] if len(bases) == 1 else os.path.commonpath(bases)
            name = (_clean_name(options.archive_name, options.format)
                    or (Path(base).name if len(bases) == 1 else "") or "selection")
            # Members sit in a folder named like the archive, so unpacking it spills nothing.
            inputs = tuple((s.source, f"{name}/{s.rel}") for s in specs)
            return [ItemSpec(base, name, sum(s.size for s in specs), inputs)]
        return specs

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        if options.mode is Mode.EXTRACT:
            return _extract(item, options, report)
        return self._create(item, options, report)

    def write_archive(self, target: Path, members: Sequence[tuple[str, str]], options: ZipOptions,
                      progress: Progress, check: TarCheck | None = None, threads: int = 1) -> list[Written]:
        """Write ``members`` ((source path, member name), ...) into a new archive at ``target``;
        a tar is also handed to ``check`` as it is written."""
        if options.format is ArchiveFormat.ZIP:
            return write_zip(target, members, options.zip_method, options.level, progress, options.password)
        if options.format is ArchiveFormat.SEVEN_Z:
            from workers.tasks.archive_7z import write_7z

            return write_7z(target, members, options.level, progress, options.password)
        return write_tar(target, members, options.format, options.level, threads, progress, check)

    def verify_archive(self, target: Path, written: list[Written], options: ZipOptions,
                       progress: Progress, check: TarCheck | None = None, threads: int = 1) -> None:
        """Check the archive; raise VerifyError when it differs from ``written``.

        A .zip or .7z is read back from the disk (decrypted, when it has a password); a tar was
        read back by ``check`` while it was written, and the file must hold the bytes it read;
        a .tar.zst written without a check is read back from the disk on ``threads`` threads.
        """
        if check is not None:
            check.verify(target, written, progress)
        elif options.format is ArchiveFormat.TAR_ZST:
            verify_tar_zst(target, written, progress, threads)
        elif options.format is ArchiveFormat.SEVEN_Z:
            verify_7z(target, written, progress, options.password)
        else:
            verify_zip(target, written, progress, options.password)

    def _create(self, item: WorkItem, options: ZipOptions, report: Report) -> ItemResult:
        members = item.inputs or ((item.source, PurePosixPath(item.rel).name),)
        if options.password and not options.format.encrypts:
            raise ItemError(f"a .{options.format.value} cannot be encrypted: choose zip or 7z as the format, "
                            "or clear the password")
        # Selection mode is the job's only item, so it may use every core; otherwise the workers
        # share them.
        threads = (os.cpu_count() or 1) if options.mode is Mode.SELECTION else threads_of(report)
        # A tar is checked while it is written, on a core the compressor leaves free; a .tar.zst
        # compressed on several threads leaves none, so it is read back afterwards, on all of them
        # (both together cost more than one after the other).
        read_back = options.format is ArchiveFormat.TAR_ZST and threads > 1
        check = TarCheck(options.format) if options.verify and options.format.is_tar and not read_back else None
        # Reading a .zip back takes about a fifth of the time, a .7z a tenth (LZMA decodes far
        # faster than it encodes), a .tar.zst on every core a seventh; a tar checked while it is
        # written leaves only reading the file once more.
        share = (1.0 if not options.verify else 0.95 if check is not None
                 else 0.9 if options.format is ArchiveFormat.SEVEN_Z else 0.85 if read_back else 0.8)

        final = Path(item.output)

        def progress(verb: str, start: float, span: float, total: int) -> Progress:
            done = 0

            def step(n: int, name: str) -> None:
                nonlocal done
                done += n
                report(start + span * min(1.0, done / max(1, total)), f"{verb} {printable(name or final.name)}")

            return step

        with atomic_output(final) as tmp:
            try:
                written = self.write_archive(tmp, members, options, progress("adding", 0.0, share, item.size),
                                             check, threads)
            except OSError as exc:
                raise ItemError(f"writing {final.name} failed ({exc.strerror or exc}); check the free "
                                "space and permissions of the output folder") from None
            if options.verify:
                # A tar is read back as a file: its progress counts the archive's bytes.
                total = tmp.stat().st_size if options.format.is_tar else item.size
                try:
                    self.verify_archive(tmp, written, options, progress("verifying", share, 1.0 - share, total),
                                        check, threads)
                except VerifyError as exc:
                    raise ItemError(f"{final.name} failed verification after writing ({exc}); it was "
                                    "removed. Check the output disk and run again") from None
            out_size = tmp.stat().st_size
        bytes_in = sum(w.size for w in written)
        renamed = sum(1 for w, (_, m) in zip(written, members, strict=True) if w.name != m)
        noun = "file" if len(written) == 1 else "files"
        message = f"{len(written)} {noun}, {_size(bytes_in)} → {_size(out_size)}"
        if options.password:
            message += ", AES-256 encrypted"
        if options.verify:
            message += ", verified"
        if renamed:
            message += f"; {renamed} name(s) changed to be valid in a {options.format.value}"
        report(1.0, "done")
        return ItemResult(str(final), message, {"members": len(written), "bytes_in": bytes_in,
                                                "bytes_out": out_size, "renamed": renamed,
                                                "encrypted": bool(options.password)})


def _extract(item: WorkItem, options: ZipOptions, report: Report) -> ItemResult:
    # Imported here: a worker that only packs starts ~20 ms sooner without the extractor.
    from workers.tasks.archive_extract import Extractor, Limits, extract_tar

    src = Path(item.source)
    shown = printable(src.name)
    suffix = archive_suffix(src.name)
    try:
        size = src.stat().st_size
        kind = sniff(src) if size else ""
    except OSError as exc:
        raise ItemError(f"{shown} cannot be read ({exc.strerror}); check its permissions") from None
    if size == 0:
        raise ItemError(f"{shown} is empty (0 bytes), so there is nothing to extract; it may not have "
                        "finished downloading")
    if not kind:
        if suffix not in (".zip", ".tar"):  # a zip may start with anything (self-extractors)
            raise ItemError(f"{shown} is not a zip, 7z or tar archive (its first bytes match no archive "
                            "format); it is damaged or misnamed")
        kind = suffix[1:]
    limits = Limits(options.max_total_mb << 20, options.max_ratio, options.max_files, options.skip_unsafe)
    final = Path(item.output)
    stem = src.name[: -len(suffix)]
    aside: Path | None = None

    def progress(fraction: float, name: str) -> None:
        report(0.98 * fraction, f"extracting {printable(name)}")

    try:
        with atomic_output(final) as tmp:
            tmp.mkdir()
            extractor = Extractor(tmp, shown, size, limits)
            if kind == "zip":
                from workers.tasks.archive_unzip import extract_zip

                extract_zip(src, extractor, progress, options.password)
            elif kind == "7z":
                from workers.tasks.archive_7z import extract_7z

                extract_7z(src, extractor, progress, options.password)
            else:
                extract_tar(src, kind, extractor, progress)
            stats = extractor.finish()
            _lift_single(tmp, stem, final)
            aside = _move_aside(final)
    except BaseException:
        if aside is not None:
            os.replace(aside, final)  # the old output comes back when the new one failed
        raise
    if aside is not None:
        _remove(aside)
    parts = [f"{stats.files} {'file' if stats.files == 1 else 'files'}"]
    if stats.links:
        parts.append(f"{stats.links} links")
    message = f"extracted {', '.join(parts)} ({_size(stats.bytes)})"
    if stats.left_out:
        message += f"; left out {len(stats.left_out)}: " + "; ".join(printable(s) for s in stats.left_out[:3])
    report(1.0, "done")
    return ItemResult(str(final), message, {"files": stats.files, "links": stats.links,
                                            "bytes": stats.bytes, "left_out": len(stats.left_out)})


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _lift_single(tmp: Path, stem: str, final: Path) -> None:
    """When everything sits in one entry named like the archive, that entry becomes the output.

    So photos.zip holding photos/... gives photos/, not photos/photos/, and a.txt.zip gives a.txt.
    """
    entries = os.listdir(tmp)
    if entries != [stem]:
        return
    inner = tmp / stem
    if inner.is_symlink() or not (inner.is_dir() or inner.is_file()):
        return
    lifted = side_path(final, "lift")
    _remove(lifted)
    os.rename(inner, lifted)
    os.rmdir(tmp)
    os.rename(lifted, tmp)


def _move_aside(final: Path) -> Path | None:
    """Move an output being overwritten out of the way (a folder cannot be replaced in one rename)."""
    if not os.path.lexists(final):
        return None
    aside = side_path(final, "old")
    _remove(aside)
    os.replace(final, aside)
    return aside
