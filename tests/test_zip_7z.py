""".7z: what the zip task writes (plain, or AES-256 with encrypted names) is tested by 7-Zip and read
by py7zr; what 7-Zip writes is extracted, with and without a password; a wrong or missing password,
bombs, climbing and absolute names, links out and too many members are refused before anything is
written, as for zip and tar."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.zip_support import (
    files_under,
    fingerprint,
    leftovers,
    make_7z,
    make_7z_symlink,
    make_tree,
    needs_7zip,
    nothing_of,
    read_archive,
    run_job,
    seven_zip,
    text,
)
from workers.events import ItemProgress
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import ItemError, build_options
from workers.tasks.archive_7z import derive_key, extract_7z, write_7z
from workers.tasks.archive_extract import Extractor, Limits
from workers.tasks.archive_verify import VerifyError, verify_7z

PASSWORD = "tr0ub4dor & 3"
SAMPLE = {
    "photos/beach.txt": text(60_000, 1),
    "photos/sea.bin": random.Random(2).randbytes(20_000),
    "docs/résumé.txt": text(2_000, 3),
    "docs/empty.txt": b"",
    "notes.txt": b"tiny",
}
nothing = lambda n, name: None  # noqa: E731


def unpack_with_7zip(archive: Path, dest: Path, password: str = "") -> dict[str, tuple[bytes, int]]:
    done = seven_zip("x", f"-p{password or 'none'}", f"-o{dest}", str(archive))
    assert done.returncode == 0, done.stdout + done.stderr
    return files_under(dest)


@needs_7zip
@pytest.mark.parametrize("password", ["", PASSWORD])
def test_7zip_tests_and_unpacks_our_7z(tmp_path: Path, password: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, SAMPLE)
    os.chmod(src / "notes.txt", 0o600)
    out = tmp_path / "out"

    job = run_job([src], out, mode="selection", format="7z", password=password)

    assert job.summary.done == 1, job.summary.failures
    archive = out / "src.7z"
    tested = seven_zip("t", f"-p{password or 'none'}", str(archive))
    assert tested.returncode == 0 and "Everything is Ok" in tested.stdout, tested.stdout + tested.stderr
    listed = seven_zip("l", "-slt", f"-p{password or 'none'}", str(archive)).stdout
    assert "Solid = +" in listed and ("7zAES" in listed) == bool(password)
    assert unpack_with_7zip(archive, tmp_path / "x", password) == {f"src/{k}": v for k, v in made.items()}
    assert (tmp_path / "x" / "src" / "notes.txt").stat().st_mode & 0o777 == 0o600
    assert read_archive(archive, password) == {f"src/{k}": v for k, v in made.items()}  # py7zr agrees
    if password:
        # The names are encrypted too: without the password 7-Zip cannot even list the archive.
        hidden = seven_zip("l", "-pnot-it", str(archive))
        assert hidden.returncode != 0 and "beach" not in hidden.stdout


@needs_7zip
def test_each_mode_writes_7z_archives_7zip_accepts(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, SAMPLE)
    for mode in ("per-file", "per-folder"):
        out = tmp_path / mode
        job = run_job([src], out, mode=mode, format="7z", password=PASSWORD)
        assert job.summary.failed == 0
        archives = sorted(out.rglob("*.7z"))
        assert len(archives) == (len(SAMPLE) if mode == "per-file" else 3)
        for archive in archives:
            assert seven_zip("t", f"-p{PASSWORD}", str(archive)).returncode == 0, archive


@needs_7zip
@pytest.mark.parametrize("how", ["plain", "password", "password and names"])
def test_extracts_what_7zip_wrote(tmp_path: Path, how: str) -> None:
    tree = tmp_path / "tree"
    made = make_tree(tree, {"a.txt": text(30_000, 4), "d/b.bin": random.Random(5).randbytes(5_000),
                            "d/empty": b"", "d/sub/c.txt": b"c"})
    (tree / "d" / "link").symlink_to("b.bin")
    (tree / "hollow").mkdir()
    arc = tmp_path / "in"
    arc.mkdir()
    flags = {"plain": [], "password": [f"-p{PASSWORD}"], "password and names": [f"-p{PASSWORD}", "-mhe=on"]}[how]
    assert seven_zip("a", "-t7z", "-snl", *flags, str(arc / "tree.7z"), "tree", cwd=tmp_path).returncode == 0
    before = fingerprint(arc)
    out = tmp_path / "out"

    job = run_job([arc], out, mode="extract", password=PASSWORD if flags else "")

    assert job.summary.done == 1, job.summary.failures
    assert files_under(out / "tree") == made
    assert os.readlink(out / "tree" / "d" / "link") == "b.bin"
    assert (out / "tree" / "hollow").is_dir()
    message = job.finished()["tree.7z"].message
    assert "4 files" in message and "1 links" in message
    assert fingerprint(arc) == before


@needs_7zip
@pytest.mark.parametrize("names", ["names readable", "names encrypted"])
def test_a_missing_or_wrong_password_writes_nothing(tmp_path: Path, names: str) -> None:
    tree = tmp_path / "tree"
    make_tree(tree, {f"f{i}.txt": text(3_000, i) for i in range(4)})
    arc = tmp_path / "in"
    arc.mkdir()
    flags = ["-mhe=on"] if names == "names encrypted" else []
    assert seven_zip("a", "-t7z", f"-p{PASSWORD}", *flags, str(arc / "tree.7z"), "tree", cwd=tmp_path).returncode == 0

    missing = run_job([arc], tmp_path / "out1", mode="extract")
    wrong = run_job([arc], tmp_path / "out2", mode="extract", password="guess")

    assert "password-protected: set the password option" in missing.reason("tree.7z")
    assert "wrong password" in wrong.reason("tree.7z") and "nothing was extracted" in wrong.reason("tree.7z")
    assert "guess" not in wrong.reason("tree.7z")
    assert nothing_of(tmp_path / "out1") and nothing_of(tmp_path / "out2") and not leftovers(tmp_path)


def test_a_password_that_is_not_ascii_round_trips(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"secret content"})
    password = "pässwörd ĳ 密码"
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", format="7z", password=password).summary.done == 1
    back = tmp_path / "back"
    assert run_job([out], back, mode="extract", password=password).summary.done == 1
    assert (back / "src" / "a.txt").read_bytes() == b"secret content"


def extract_directly(archive: Path, dest: Path, **limits: object) -> None:
    """Run the 7z reader straight into ``dest`` (not through the engine's hidden folder), so a test
    can see whether anything at all was written before a refusal."""
    values: dict[str, object] = {"max_total": 100 << 20, "max_ratio": 200.0, "max_files": 1000, **limits}
    extract_7z(archive, Extractor(dest, archive.name, archive.stat().st_size, Limits(**values)),  # type: ignore[arg-type]
               lambda fraction, name: None)


@pytest.mark.parametrize(("members", "limits", "why"), [
    ([("ok.txt", b"fine"), ("d/x.txt", b"x"), ("../evil.txt", b"x")], {}, "climbs out of the folder"),
    ([("ok.txt", b"fine"), ("/evil-abs.txt", b"x")], {}, "absolute path"),
    ([("ok.txt", b"fine"), ("zeros.bin", bytes(8 << 20))], {"max_ratio": 20}, "zip bomb"),
    ([("ok.txt", b"fine"), ("noise.bin", random.Random(1).randbytes(3 << 20))], {"max_total": 2 << 20},
     "max_total_mb"),
    ([(f"f{i}.txt", b"") for i in range(30)], {"max_files": 10}, "more than 10 members"),
])
def test_refusals_come_before_any_byte_is_written(tmp_path: Path, members: list[tuple[str, bytes]],
                                                  limits: dict[str, object], why: str) -> None:
    archive = make_7z(tmp_path / "hostile.7z", members)
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(ItemError, match=why):
        extract_directly(archive, dest, **limits)
    assert list(dest.iterdir()) == []
    assert not list(tmp_path.rglob("evil*.txt"))


def test_hostile_7z_archives_fail_like_zips(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    ok = ("ok.txt", b"fine")
    make_7z(arc / "dotdot.7z", [ok, ("../x", b"x")])
    make_7z(arc / "deep-dotdot.7z", [ok, ("a/../../x", b"x")])
    make_7z(arc / "absolute.7z", [ok, ("/evil-abs.txt", b"x")])
    make_7z(arc / "bomb.7z", [("zeros.bin", bytes(8 << 20))])
    make_7z_symlink(arc / "link-out.7z", "link", "../../outside")
    make_7z_symlink(arc / "link-abs.7z", "link", "/etc")
    make_7z(arc / "many.7z", [(f"f{i}.txt", b"") for i in range(30)])
    before = fingerprint(arc)
    out = tmp_path / "out"

    job = run_job([arc], out, mode="extract", max_ratio=20, max_files=10)

    assert job.summary.failed == 7 and job.summary.done == 0
    assert "'../x' climbs out" in job.reason("dotdot.7z")
    assert "climbs out" in job.reason("deep-dotdot.7z")
    assert "absolute path" in job.reason("absolute.7z")
    assert "zip bomb" in job.reason("bomb.7z") and "max_ratio" in job.reason("bomb.7z")
    assert "leading outside" in job.reason("link-out.7z")
    assert "absolute path '/etc'" in job.reason("link-abs.7z")
    assert "more than 10 members" in job.reason("many.7z")
    assert not [p for p in tmp_path.rglob("*") if p.name in ("x", "evil-abs.txt", "outside")]
    assert nothing_of(out) and not leftovers(tmp_path)
    assert fingerprint(arc) == before


def test_skip_unsafe_extracts_only_the_safe_members(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_7z(arc / "mixed.7z", [("good/a.txt", b"good"), ("../evil.txt", b"x"), ("good/b.txt", b"b")])
    out = tmp_path / "out"
    job = run_job([arc], out, mode="extract", skip_unsafe=True)
    assert job.summary.done == 1
    assert {name: data for name, (data, _) in files_under(out / "mixed").items()} == {
        "good/a.txt": b"good", "good/b.txt": b"b"}
    assert "left out 1" in job.finished()["mixed.7z"].message
    assert not list(tmp_path.rglob("evil.txt"))


def test_damaged_and_truncated_7z_fail_with_a_reason(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    good = make_7z(tmp_path / "good.7z", [("a.txt", text(50_000, 2)), ("b.txt", text(50_000, 3))]).read_bytes()
    (arc / "cut.7z").write_bytes(good[: len(good) // 2])
    flipped = bytearray(good)
    flipped[100] ^= 0xFF  # inside the compressed data
    (arc / "flipped.7z").write_bytes(bytes(flipped))
    (arc / "random.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + random.Random(4).randbytes(3000))

    job = run_job([arc], tmp_path / "out", mode="extract")

    assert job.summary.failed == 3
    assert "not a readable 7z archive" in job.reason("cut.7z")
    assert "damaged" in job.reason("flipped.7z") and "nothing was extracted" in job.reason("flipped.7z")
    assert "not a readable 7z archive" in job.reason("random.7z")
    assert nothing_of(tmp_path / "out")
    # A password set for other archives does not turn plain damage into a "wrong password".
    with_password = run_job([arc], tmp_path / "out2", mode="extract", password=PASSWORD)
    assert "damaged" in with_password.reason("flipped.7z")
    assert "password" not in with_password.reason("flipped.7z")


def test_verification_reads_the_7z_back_and_insists_on_encryption(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(text(100_000, 9))
    members = [(str(src), "a.txt")]
    target = tmp_path / "a.7z"
    written = write_7z(target, members, -1, nothing, PASSWORD)
    verify_7z(target, written, nothing, PASSWORD)
    with pytest.raises(VerifyError, match="different content"):
        verify_7z(target, [w._replace(crc=w.crc ^ 1) for w in written], nothing, PASSWORD)
    with pytest.raises(VerifyError, match="holds 1 members instead of 2"):
        verify_7z(target, [*written, written[0]._replace(name="b.txt")], nothing, PASSWORD)

    plain = tmp_path / "plain.7z"
    written = write_7z(plain, members, -1, nothing)
    with pytest.raises(VerifyError, match="can be read without the password"):
        verify_7z(plain, written, nothing, PASSWORD)


def test_7z_progress_follows_the_bytes_and_ends_verified(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.bin": random.Random(1).randbytes(600_000), "b.bin": random.Random(2).randbytes(400_000)})
    task = load_task("zip")
    opts = build_options(task, {"mode": "selection", "format": "7z", "password": PASSWORD})
    (item,) = make_plan(task, opts, [src], tmp_path / "out").items
    seen: list[tuple[float, str]] = []

    result = task.run(item, opts, lambda fraction, message="": seen.append((fraction, message)))

    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert max(f for f, m in seen if m == "adding src/a.bin") == pytest.approx(0.9 * 0.6, abs=0.01)
    assert any(m.startswith("verifying") for _, m in seen)
    assert result is not None and "AES-256 encrypted, verified" in result.message
    assert all(PASSWORD not in m for _, m in seen)


def test_extract_progress_reaches_the_window(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_7z(arc / "a.7z", [("a.txt", text(200_000, 5)), ("b.txt", text(100_000, 6))])
    job = run_job([arc], tmp_path / "out", mode="extract")
    assert job.summary.done == 1
    progress = [e for e in job.events if isinstance(e, ItemProgress)]
    assert progress and progress[-1].fraction == 1.0


@pytest.mark.parametrize("password", ["", "password", "pässwörd ĳ 密码"])
@pytest.mark.parametrize(("cycles", "salt"), [(19, b""), (19, b"sixteen byte slt"), (8, b"s"), (10, b"")])
def test_our_key_derivation_is_7zips(password: str, cycles: int, salt: bytes) -> None:
    from py7zr.helpers import calculate_key

    encoded = password.encode("utf-16-le")
    assert derive_key(encoded, cycles, salt, "sha256") == calculate_key(encoded, cycles, salt, "sha256")
