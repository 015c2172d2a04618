"""The encode task's tests: clips, sound and pictures made on the fly go through real workers; every
output plays (or opens) as the format promised, broken inputs end failed or skipped with a reason a
person can act on, the batch goes on, and the sources stay byte-identical.

One loaded task serves the whole folder: the tests only read it."""

from __future__ import annotations

import pytest

from workers.registry import load_task
from workers.tasks.encode import EncodeTask


@pytest.fixture(scope="package")
def task() -> EncodeTask:
    loaded = load_task("encode")
    assert isinstance(loaded, EncodeTask)
    return loaded
