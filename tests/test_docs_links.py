"""The README and docs/*.md link to files and pictures that exist (relative links only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) and ![alt](target); web links and in-page anchors are not checked.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(page: Path) -> None:
    targets = [t.split("#", 1)[0] for t in LINK.findall(page.read_text(encoding="utf-8"))]
    local = [t for t in targets if t and "://" not in t]
    missing = [t for t in local if not (page.parent / t).exists()]
    assert not missing, f"{page.name} links to missing files: {missing}"



def test_the_uninstall_section_names_every_package_the_set_up_installs() -> None:
    script = (ROOT / "scripts" / "setup-system.sh").read_text(encoding="utf-8")
    lists = re.findall(r'^(?:RUN|TEST)_PACKAGES="([^"]*)"', script, flags=re.M)
    packages = " ".join(lists).split()
    assert packages, "no package lists found in scripts/setup-system.sh"
    uninstall = (ROOT / "README.md").read_text(encoding="utf-8").split("## Uninstall", 1)[1]
    words = set(re.findall(r"[\w.+-]+", uninstall))
    assert [p for p in packages if p not in words] == []
