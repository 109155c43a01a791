"""Writing a report file the way an office PC needs: all or nothing, and a clear
sentence when the file is open in WPS/Excel or the folder is not writable."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.errors import FieldError


def write_atomically(path: str | Path, suffix: str, write: Callable[[Path], None]) -> Path:
    target = Path(path).expanduser()
    if target.suffix.lower() != suffix:
        raise FieldError("out", f"输出文件应以 {suffix} 结尾，“{target.name}”不是。")
    if not target.parent.is_dir():
        raise FieldError("out", f"文件夹“{target.parent}”不存在，请先建立或换一个位置。")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=suffix, dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, target)
    except PermissionError:
        raise FieldError(
            "out", f"不能写入“{target}”：文件可能正被 WPS 或 Excel 打开，请关闭后重试，或另存为其他文件名。"
        ) from None
    finally:
        temp.unlink(missing_ok=True)
    return target
