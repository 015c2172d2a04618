"""Encrypted .zip: with a password every mode writes WinZip AES-256 that 7-Zip and pyzipper open,
verified by decrypting it; extract mode opens ZipCrypto and AES zips with the password and fails
clearly, writing nothing, without it or with a wrong one; the password itself is never written
anywhere, nor said in any message."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from tests.zip_support import (
    files_under,
    fingerprint,
    leftovers,
    make_tree,
    needs_7zip,
    nothing_of,
    read_archive,
    run_job,
    seven_zip,
    text,
)
from workers.events import ItemFinished
from workers.tasks.archive_formats import ZipMethod
from workers.tasks.archive_verify import VerifyError, verify_zip
from workers.tasks.archive_write import write_zip

PASSWORD = "correct horse 7731"
SAMPLE = {
    "photos/beach.txt": text(40_000, 1),
    "photos/sea.bin": random.Random(2).randbytes(20_000),
    "docs/readme.txt": text(3_000, 3),
    "docs/empty.txt": b"",
    "notes.txt": b"tiny",  # under 20 bytes: AE-2 keeps its CRC out of the archive
}
nothing = lambda n, name: None  # noqa: E731


def aes_members(archive: Path) -> list[tuple[int, int]]:
    """(compression type in the headers, AES key strength) of every member, as zipfile reads them raw."""
    with zipfile.ZipFile(archive) as zf:
        out = []
        for info in zf.infolist():
            assert info.flag_bits & 0x1, f"{info.filename} is not encrypted"
            strength = info.extra[info.extra.find(b"\x01\x99") + 8]  # the AES extra field's strength byte
            out.append((info.compress_type, strength))
        return out


@pytest.mark.parametrize("mode", ["per-file", "per-folder", "selection"])
def test_every_mode_writes_aes_256_zips_that_decrypt_to_the_sources(tmp_path: Path, mode: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, mode=mode, format="zip", password=PASSWORD)

    assert job.summary.failed == 0 and job.summary.done >= 1
    assert fingerprint(src) == before and not leftovers(out)
    for event in job.finished().values():
        assert "AES-256 encrypted, verified" in event.message and event.data["encrypted"] is True
    archives = sorted(out.rglob("*.zip"))
    found = {}
    for archive in archives:
        assert {kind for kind, _ in aes_members(archive)} == {99}  # 99: WinZip AES
        assert {strength for _, strength in aes_members(archive)} == {3}  # 3: 256-bit keys
        with zipfile.ZipFile(archive) as zf, pytest.raises(RuntimeError, match="password required"):
            zf.read(zf.infolist()[0])  # without the password, no content
        for name, value in read_archive(archive, PASSWORD).items():
            found[name.removeprefix("src/").split("/")[-1]] = value
    assert found == {Path(rel).name: value for rel, value in made.items()}

    back = tmp_path / "back"
    assert run_job([out], back, mode="extract", password=PASSWORD).summary.done == len(archives)
    assert {Path(k).name: v for k, v in files_under(back).items()} == found


@needs_7zip
@pytest.mark.parametrize("method", [m.value for m in ZipMethod])
def test_7zip_tests_and_unpacks_our_aes_zips(tmp_path: Path, method: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, {"a.txt": text(30_000, 4), "d/b.bin": random.Random(5).randbytes(4_000), "d/c": b""})
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", zip_method=method, password=PASSWORD).summary.done == 1
    archive = out / "src.zip"

    tested = seven_zip("t", f"-p{PASSWORD}", str(archive))
    assert tested.returncode == 0 and "Everything is Ok" in tested.stdout, tested.stdout + tested.stderr
    assert seven_zip("t", "-pnot-it", str(archive)).returncode != 0
    listed = seven_zip("l", "-slt", f"-p{PASSWORD}", str(archive)).stdout
    assert listed.count("Encrypted = +") == 3 and "AES-256" in listed
    assert seven_zip("x", f"-p{PASSWORD}", f"-o{tmp_path / 'x'}", str(archive)).returncode == 0
    assert files_under(tmp_path / "x" / "src") == made


@needs_7zip
def test_a_password_that_is_not_ascii_means_the_same_to_7zip(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"secret content"})
    password = "pässwörd ĳ 密码"
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", password=password).summary.done == 1
    # UTF-8, as 7-Zip reads AES passwords (it refuses to write a zip with such a password itself).
    assert seven_zip("t", f"-p{password}", str(out / "src.zip")).returncode == 0
    assert seven_zip("t", f"-p{password[:-1]}", str(out / "src.zip")).returncode != 0
    back = tmp_path / "back"
    assert run_job([out], back, mode="extract", password=password).summary.done == 1
    assert (back / "src" / "a.txt").read_bytes() == b"secret content"


@needs_7zip
@pytest.mark.parametrize("cipher", ["ZipCrypto", "AES128", "AES256"])
def test_extracts_zips_7zip_encrypted(tmp_path: Path, cipher: str) -> None:
    tree = tmp_path / "tree"
    made = make_tree(tree, {"a.txt": text(20_000, 6), "d/b.bin": random.Random(7).randbytes(3_000), "d/e": b""})
    arc = tmp_path / "in"
    arc.mkdir()
    made_by_7zip = seven_zip("a", "-tzip", f"-mem={cipher}", f"-p{PASSWORD}", str(arc / "tree.zip"), "tree",
                             cwd=tmp_path)
    assert made_by_7zip.returncode == 0, made_by_7zip.stderr
    out = tmp_path / "out"

    job = run_job([arc], out, mode="extract", password=PASSWORD)

    assert job.summary.done == 1, job.summary.failures
    assert files_under(out / "tree") == made


@needs_7zip
def test_without_the_password_or_with_a_wrong_one_nothing_is_written(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    make_tree(tree, {f"f{i}.txt": text(2_000, i) for i in range(5)})
    arc = tmp_path / "in"
    arc.mkdir()
    for cipher in ("ZipCrypto", "AES256"):
        assert seven_zip("a", "-tzip", f"-mem={cipher}", f"-p{PASSWORD}", str(arc / f"{cipher}.zip"), "tree",
                         cwd=tmp_path).returncode == 0
    before = fingerprint(arc)

    no_password = run_job([arc], tmp_path / "out1", mode="extract")
    wrong = run_job([arc], tmp_path / "out2", mode="extract", password="not the password")

    for cipher in ("ZipCrypto", "AES256"):
        assert "password-protected: set the password option" in no_password.reason(f"{cipher}.zip")
        assert "wrong password" in wrong.reason(f"{cipher}.zip")
        assert "nothing was extracted" in wrong.reason(f"{cipher}.zip")
    assert no_password.summary.done == wrong.summary.done == 0
    assert nothing_of(tmp_path / "out1") and nothing_of(tmp_path / "out2")
    assert not leftovers(tmp_path)
    assert fingerprint(arc) == before


def test_the_password_is_never_written_or_said(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": text(5_000, 8), "b.txt": b"b"})
    out = tmp_path / "out"
    packed = run_job([src], out, mode="per-file", password=PASSWORD)
    failed = run_job([out], tmp_path / "back", mode="extract", password="wrong-pw-5512")
    tar = run_job([src], tmp_path / "tar", mode="selection", format="tar.gz", password=PASSWORD)

    assert packed.summary.done == 2 and failed.summary.failed == 2 and tar.summary.failed == 1
    said = repr(packed.events) + repr(failed.events) + repr(tar.events) + repr(failed.summary) + repr(tar.summary)
    assert "AES-256 encrypted" in said and "wrong password" in said  # the events were read
    for secret in (PASSWORD, "wrong-pw-5512"):
        assert secret not in said
        for folder in (out, tmp_path / "back", tmp_path / "tar"):
            for path in folder.rglob("*"):  # the journals, the lock, the archives' own bytes
                assert secret not in path.name
                if path.is_file():
                    assert secret.encode() not in path.read_bytes(), path


def test_a_tar_cannot_be_encrypted_so_it_is_not_written(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"a"})
    job = run_job([src], tmp_path / "out", mode="per-file", format="tar.xz", password=PASSWORD)
    assert "cannot be encrypted: choose zip or 7z" in job.reason("a.txt")
    assert nothing_of(tmp_path / "out")


def test_verification_decrypts_and_insists_on_aes_256(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(text(100_000, 9))
    members = [(str(src), "a.txt")]
    target = tmp_path / "a.zip"
    written = write_zip(target, members, ZipMethod.DEFLATE, -1, nothing, PASSWORD)
    verify_zip(target, written, nothing, PASSWORD)
    with pytest.raises(VerifyError, match="different content"):
        verify_zip(target, [w._replace(crc=w.crc ^ 1) for w in written], nothing, PASSWORD)
    # The HMAC catches a flipped byte even where no CRC is stored (AE-2).
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(VerifyError):
        verify_zip(target, written, nothing, PASSWORD)

    plain = tmp_path / "plain.zip"
    written = write_zip(plain, members, ZipMethod.DEFLATE, -1, nothing)
    with pytest.raises(VerifyError, match="not encrypted with AES-256"):
        verify_zip(plain, written, nothing, PASSWORD)


@pytest.mark.parametrize("fmt", ["zip", "7z"])
def test_an_encrypted_archive_damaged_after_writing_fails_and_is_removed(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": text(200_000, 11)})
    out = tmp_path / "out"

    job = run_job([src], out, task_spec="tests.test_zip_verify:CorruptingZipTask", mode="per-file", format=fmt,
                  password=PASSWORD)

    reason = job.reason("a.txt")
    assert "failed verification" in reason and PASSWORD not in reason
    assert not (out / f"a.txt.{fmt}").exists() and not leftovers(out)


def test_finished_items_say_when_they_are_encrypted(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"a"})
    plain = run_job([src], tmp_path / "plain", mode="per-file")
    secret = run_job([src], tmp_path / "secret", mode="per-file", password=PASSWORD)
    (done_plain,) = (e for e in plain.events if isinstance(e, ItemFinished))
    (done_secret,) = (e for e in secret.events if isinstance(e, ItemFinished))
    assert "encrypted" not in done_plain.message and done_plain.data["encrypted"] is False
    assert "AES-256 encrypted" in done_secret.message
