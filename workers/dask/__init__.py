"""Running a batch on a Dask cluster: the pieces behind :mod:`workers.dask_backend`.

Nothing here imports dask or distributed at module level, so the app and the CLI load
without the ``dask`` extra installed; the modules that need it import it when called.
"""


class BackendError(RuntimeError):
    """The Dask backend cannot run here; the message is a sentence to show the user as is."""
