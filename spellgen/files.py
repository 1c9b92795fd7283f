"""Write files so that a reader sees the old content or the new, never half of it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from spellgen.errors import UsageError


def _umask() -> int:
    """The process umask (reading it means setting it; set it straight back)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; the user's umask decides, as for open()
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        # Also on Ctrl-C: the previous file stays as it was and no temporary file is left behind.
        Path(tmp).unlink(missing_ok=True)
        raise


def require_readable(path: Path, what: str) -> None:
    """UsageError (exit 2) unless `path` is a file this process can read."""
    try:
        with open(path, "rb"):
            pass
    except IsADirectoryError:
        raise UsageError(f"{what}: {path} is a folder, not a file") from None
    except OSError as exc:
        raise UsageError(f"{what}: cannot read {path}: {exc.strerror}") from None


def require_writable_dir(path: Path, what: str) -> None:
    """UsageError (exit 2) unless files can be written in folder `path`, which may not exist yet.

    Tried, not inferred from permission bits (root passes every access() check, yet cannot write
    under a regular file or on a read-only file system), and without leaving anything behind: a
    missing folder is not created here, only a temporary one beside where it would go.
    """
    path = Path(path)
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{what}: cannot write in {path}: {existing} is not a folder")
    try:
        if existing == path:
            with tempfile.TemporaryFile(dir=path):
                pass
        else:
            os.rmdir(tempfile.mkdtemp(prefix=".spellgen-probe-", dir=existing))
    except OSError as exc:
        raise UsageError(f"{what}: cannot write in {path}: {exc.strerror or exc}") from None
