"""The overall progress of a job: bytes-weighted fraction, honest speed and time left.

Speed is measured over the last few seconds of samples, never from a single instant, and
no estimate is shown until there are enough seconds and bytes behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from app import text
from app.i18n import Translates, with_count
from workers.plan import Plan
from workers.progress import BatchProgress, Throughput

WINDOW_SECONDS = 10.0  # how far back speed looks
MIN_SPAN_SECONDS = 2.0  # no speed or ETA before this much history


class Overall(BatchProgress, Translates):
    """Folds events into counts, a fraction of bytes done, speed and time left.

    The counting and the arithmetic are the CLI's (workers/progress.py), so the two agree; the
    window's numbers differ from the terminal line's only where set here:
    - no speed or time left before 2 s of history and some bytes done (the CLI: after 0.5 s),
      so the first figures a person sees are not a guess from an instant;
    - speed over the whole last 10 s, sampled on a clock from the job's start (``tick``) as
      well as on events, so a stalled job shows its speed fall (the CLI samples on events only,
      over at most the last 20 s);
    - plan-time skips weigh nothing (``begin``): the bar and the time left measure the work this
      run does, where the CLI's bar also counts the files skipped at the start.
    """

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        speed = Throughput(WINDOW_SECONDS, MIN_SPAN_SECONDS, whole_window=True, needs_work=True)
        super().__init__(throughput=speed, clock=clock)
        self.begin_counts(0)

    def begin_counts(self, total_files: int, sizes: dict[int, int] | None = None) -> None:
        self.restart(total_files, sizes)
        self.paused = False
        self.started_at = self._clock()
        self.ended_at: float | None = None
        self.throughput.add(self.started_at, 0.0)

    def begin(self, plan: Plan) -> None:
        """Start counting a job: sizes of the items that will run (plan-time skips weigh nothing)."""
        self.begin_counts(len(plan.all_items), {w.id: w.size for w in plan.items})

    def finish(self, elapsed: float | None = None) -> None:
        """The job is over; ``elapsed`` is the engine's own measure, so every text agrees."""
        self.ended_at = self._clock()
        if elapsed is not None:
            self.started_at = self.ended_at - elapsed
        self.running.clear()

    def summary(self) -> str:
        """'1,234 of 5,000 files · 3 failed · 84 MB/s · 2 min left'."""
        # The plural form follows the total ("3 of 5 files"); %2 is the count of ended files.
        total = with_count(self.tr("%2 of %1 files", "", self.total_files), text.count(self.total_files))
        parts = [total.replace("%2", text.count(self.ended))]
        if self.failed:
            parts.append(with_count(self.tr("%1 failed", "", self.failed), text.count(self.failed)))
        if self.skipped:
            parts.append(with_count(self.tr("%1 skipped", "", self.skipped), text.count(self.skipped)))
        if self.ended_at is not None:
            if self.cancelled:
                parts.append(with_count(self.tr("%1 cancelled", "", self.cancelled), text.count(self.cancelled)))
            parts.append(self.tr("took {duration}").format(duration=text.duration(self.ended_at - self.started_at)))
            return " · ".join(parts)
        if self.paused:
            parts.append(self.tr("paused"))
            return " · ".join(parts)
        speed = self.speed()
        if speed is not None:
            parts.append(text.speed(speed) if self.by_bytes
                         else self.tr("{rate} files/s").format(rate=f"{speed:.1f}"))
            left = self.seconds_left()
            if left is not None and self.ended < self.total_files:
                parts.append(text.time_left(left))
        return " · ".join(parts)
