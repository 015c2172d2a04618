"""Word tables as text in reading order, and as Markdown tables.

As text, a row is one line of tab-separated cells. A row that holds a table cannot be one line:
its cells are written one after another, each in its own order (text before the inner table,
the inner table, text after it), so nothing is read out of place. In Markdown the first row is
the header; an inner table sits in its cell with its rows split by ``<br>`` and cells by ``;``.
"""

from __future__ import annotations

from typing import Any

MAX_TABLE_DEPTH = 20


def _cells(row: Any) -> list[Any]:
    """A row's cells, a horizontally merged cell once (python-docx repeats it per grid column)."""
    cells: list[Any] = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:
            continue
        previous = cell._tc
        cells.append(cell)
    return cells


def _is_table(block: Any) -> bool:
    from docx.table import Table

    return isinstance(block, Table)


def _too_deep(depth: int, warnings: list[str]) -> bool:
    if depth <= MAX_TABLE_DEPTH:
        return False
    note = f"tables nested deeper than {MAX_TABLE_DEPTH} levels were left out"
    if note not in warnings:
        warnings.append(note)
    return True


def table_lines(table: Any, depth: int, warnings: list[str]) -> list[str]:
    """The table as lines of text in reading order (see the module's docstring)."""
    if _too_deep(depth, warnings):
        return []
    lines: list[str] = []
    for row in table.rows:
        contents = [list(cell.iter_inner_content()) for cell in _cells(row)]
        if not any(_is_table(block) for blocks in contents for block in blocks):
            texts = [" ".join(b.text.strip() for b in blocks if b.text.strip()) for blocks in contents]
            if any(texts):
                lines.append("\t".join(texts))
            continue
        for blocks in contents:
            for block in blocks:
                if _is_table(block):
                    lines += table_lines(block, depth + 1, warnings)
                elif block.text.strip():
                    lines.append(block.text.strip())
    return lines


def _escape(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _inline(table: Any, depth: int, warnings: list[str]) -> str:
    """An inner table inside a Markdown cell: rows split by <br>, cells by "; "."""
    if _too_deep(depth, warnings):
        return ""
    rows = []
    for row in table.rows:
        cells = [_cell_markdown(cell, depth, warnings) for cell in _cells(row)]
        if any(cells):
            rows.append("; ".join(c for c in cells if c))
    return "<br>".join(rows)


def _cell_markdown(cell: Any, depth: int, warnings: list[str]) -> str:
    parts = []
    for block in cell.iter_inner_content():
        part = _inline(block, depth + 1, warnings) if _is_table(block) else _escape(block.text)
        if part:
            parts.append(part)
    return "<br>".join(parts)


def table_markdown(table: Any, depth: int, warnings: list[str]) -> list[str]:
    """The table as Markdown (GitHub's pipe tables), the first row as its header."""
    if _too_deep(depth, warnings):
        return []
    rows = [[_cell_markdown(cell, depth, warnings) for cell in _cells(row)] for row in table.rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines
