"""The window on a real X server (Xvfb), in its own process, as a user would start it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.xvfb
def test_the_window_shows_on_a_real_display(tmp_path, xvfb_display):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--display", xvfb_display,
         "--shots", "empty", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr[-3000:]
    shot = QImage(str(tmp_path / "empty.png"))
    assert not shot.isNull()
    assert (shot.width(), shot.height()) == (1180, 760)  # the default window size
    # Not blank: a real window has text, icons and frames, so many distinct colours...
    colours = {shot.pixel(x, y) for x in range(0, shot.width(), 7) for y in range(0, shot.height(), 7)}
    assert len(colours) > 20
    # ...and the drop area's title is drawn in the middle of the right-hand side.
    middle = {shot.pixel(x, y) for x in range(700, 980, 2) for y in range(290, 330, 2)}
    assert len(middle) > 3
