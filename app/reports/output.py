"""Writing a report file the way an office PC needs: all or nothing, and a clear
sentence when the file is open in WPS/Excel, the folder is not writable or the disk
is full."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator
from pathlib import Path

from app.errors import FieldError
from app.jobs import atomic_output


def checked_target(path: str | Path, suffix: str) -> Path:
    """The file to write, refused with a sentence if it cannot be one."""
    target = Path(path).expanduser()
    if target.suffix.lower() != suffix:
        raise FieldError("out", f"输出文件应以 {suffix} 结尾，“{target.name}”不是。")
    if not target.parent.is_dir():
        raise FieldError("out", f"文件夹“{target.parent}”不存在，请先建立或换一个位置。")
    return target


def write_error(target: Path, exc: OSError) -> FieldError:
    """One sentence for a file that could not be written."""
    if isinstance(exc, PermissionError):
        return FieldError(
            "out", f"不能写入“{target}”：文件可能正被 WPS 或 Excel 打开，请关闭后重试，或另存为其他文件名。"
        )
    if exc.errno == errno.ENOSPC:
        return FieldError("out", f"磁盘空间不足，未能写入“{target}”。请腾出空间或换一个位置后重试。")
    return FieldError("out", f"未能写入“{target}”。请换一个位置或文件名后重试。")


@contextlib.contextmanager
def output_file(path: str | Path, suffix: str) -> Iterator[Path]:
    """A temporary file to write, renamed onto ``path`` only if the block ends
    normally: an error or a cancelled job leaves no partial file, and an existing
    file untouched."""
    target = checked_target(path, suffix)
    try:
        with atomic_output(target, suffix) as temp:
            yield temp
    except OSError as exc:
        raise write_error(target, exc) from None


def write_atomically(path: str | Path, suffix: str, write: Callable[[Path], None]) -> Path:
    with output_file(path, suffix) as temp:
        write(temp)
    return Path(path).expanduser()
