"""batchpilot's desktop window (PySide6): everything Qt lives in this package.

The window only plans jobs and listens to the engine in :mod:`workers`; it never does the
work itself. Modules are split by concern so none of them grows into a god object.
"""
