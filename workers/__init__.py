"""batchpilot's engine: planning, worker processes, tasks, journal and the headless CLI.

Nothing in this package imports Qt, so batches run on machines without a display.
"""

__version__ = "0.1.0"
