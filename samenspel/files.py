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


def write_parquet(df: pd.DataFrame, path: Path, index: bool = False) -> Path:
    """Write ``df`` to ``path`` as Parquet with page checksums, atomically."""
    return atomic_write(path, lambda p: df.to_parquet(p, index=index, write_page_checksum=True))


def write_table(df: pd.DataFrame, path: Path, index: bool = False) -> Path:
    """Write ``df`` to ``path`` atomically: Parquet (with checksums) or else CSV."""
    if Path(path).suffix.lower() == ".parquet":
        return write_parquet(df, path, index=index)
    return atomic_write(path, lambda p: df.to_csv(p, index=index))


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
