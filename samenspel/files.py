"""Writing and reading result files: one atomic writer, Parquet with page checksums.

Every file samenspel writes goes through ``atomic_write``: the content is written to a
temporary name in the same folder, flushed to disk and renamed into place, so a file
is complete or absent, never half written. Parquet files carry a CRC checksum per
data page (``write_page_checksum``) and are read with the checksums verified, so a
flipped byte is reported instead of read as a wrong value.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

TMP_SUFFIX = ".tmp"


class FileProblem(OSError):
    """A file cannot be written or read; the message is one line naming the file."""


def nearest_existing(path: Path) -> Path:
    """``path`` or the nearest of its parents that exists (where ``mkdir -p`` starts)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def temp_name(path: Path) -> Path:
    """The temporary name ``path`` is written under before the rename."""
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def atomic_write(path: Path, write: Callable[[Path], Any]) -> Path:
    """Call ``write(tmp)``, fsync ``tmp``, then rename it to ``path``.

    Raises:
        FileProblem: If the folder is not writable, the disk is full, etc.; the
            temporary file is removed.

    """
    path = Path(path)
    tmp = temp_name(path)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise FileProblem(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    return atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return atomic_write(path, lambda p: p.write_bytes(data))


def write_parquet(df: pd.DataFrame, path: Path, index: bool = False) -> Path:
    """Write ``df`` to ``path`` as Parquet with page checksums, atomically."""
    return atomic_write(path, lambda p: df.to_parquet(p, index=index, write_page_checksum=True))


def write_table(df: pd.DataFrame, path: Path, index: bool = False) -> Path:
    """Write ``df`` to ``path`` atomically: Parquet (with checksums) or else CSV.

    A CSV is the bytes of ``df.to_csv(path, index=index)``; a frame of plain columns
    (``csv_cells``) without its index is written by ``write_csv``, about twice as
    fast (a comparison's weekly table: 31,000 rows x 44 columns).
    """
    if Path(path).suffix.lower() == ".parquet":
        return write_parquet(df, path, index=index)
    if not index and csv_cells(df.iloc[:0]) is not None:
        try:
            return atomic_write(path, lambda p: write_csv(df, p))
        except NotPlain:  # a text needs quoting, or a value is missing: pandas writes it
            pass
    return atomic_write(path, lambda p: df.to_csv(p, index=index))


class NotPlain(ValueError):
    """A frame has a column that ``write_csv`` does not write as pandas would."""


CSV_SPECIAL = (",", '"', "\n", "\r")


def csv_cells(df: pd.DataFrame) -> list[list[str]] | None:
    """The CSV fields of every column of ``df`` as pandas writes them, or None.

    Float64 columns as ``repr`` (the shortest round-trip digits, as NumPy's ``str``
    that pandas uses; an empty field for NaN), int64 and bool columns as ``str``, and
    text columns (object, string or categorical) whose values are all strings that
    need no quoting. None for any other column (pandas then writes the file).
    """
    import numpy as np
    import pandas as pd

    names = df.columns
    if len(names) < 2 or any(
        not isinstance(c, str) or any(s in c for s in CSV_SPECIAL) for c in names
    ):
        return None  # a lone empty field is quoted; names that need quoting
    out = []
    for _, col in df.items():
        if col.dtype == np.float64:
            values = col.to_numpy()
            cells = [repr(v) for v in values.tolist()]
            for k in np.isnan(values).nonzero()[0].tolist():
                cells[k] = ""
        elif col.dtype == np.int64 or col.dtype == np.bool_:
            cells = [str(v) for v in col.tolist()]
        elif col.dtype == object or isinstance(col.dtype, pd.CategoricalDtype | pd.StringDtype):
            cells = col.astype(object).tolist()
            if not all(type(v) is str and not any(s in v for s in CSV_SPECIAL) for v in cells):
                return None
        else:
            return None
        out.append(cells)
    return out


def write_csv(df: pd.DataFrame, path: Path, rows: int = 4096) -> None:
    """Write ``df`` without its index as ``df.to_csv(path, index=False)`` would.

    Raises:
        NotPlain: If a column is not one ``csv_cells`` writes.

    """
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(df.columns) + os.linesep)
        for start in range(0, len(df), rows):
            cells = csv_cells(df.iloc[start : start + rows])
            if cells is None:
                raise NotPlain("write_csv: a column pandas must write (use to_csv)")
            fh.write("".join(",".join(row) + os.linesep for row in zip(*cells, strict=True)))


def read_parquet(
    path: Path,
    columns: list[str] | None = None,
    fix: str = "delete it and run the command that made it again",
) -> pd.DataFrame:
    """Read a Parquet file with its page checksums verified.

    Raises:
        FileProblem: One line naming the file, what is wrong and ``fix``.

    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, columns=columns, page_checksum_verification=True)
        return table.to_pandas()
    except FileNotFoundError:
        raise FileProblem(f"{path}: file not found") from None
    except (OSError, pa.ArrowException, ValueError, KeyError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise FileProblem(f"{path}: damaged or not a Parquet file ({reason}); {fix}") from None
