"""Turning the inputs named on the command line into files to read, in a stable order.

Folders are walked depth-first in sorted order, hidden names (``.git``, ``.DS_Store``) are
skipped, and symbolic links are followed with each real folder entered once, so a link back to
an enclosing folder cannot make the walk endless. Named pipes, sockets and devices are refused
rather than opened: reading a pipe would wait for ever.

source_id rules (see the package docstring): a file inside a folder is named by its path
relative to that folder, a file given directly by its base name, stdin by ``-``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storyline.model import Rejection

STDIN = "-"


@dataclass(frozen=True)
class FileInput:
    path: str  # what to open
    source_id: str
    origin: str  # the path as the user would recognise it


@dataclass(frozen=True)
class StdinInput:
    source_id: str = STDIN
    origin: str = STDIN


@dataclass(frozen=True)
class _Folder:
    path: str
    relative: str
    ancestors: frozenset[tuple[int, int]]  # (device, inode) of this folder and those above it


def expand(
    inputs: Sequence[str | os.PathLike[str]],
) -> Iterator[FileInput | StdinInput | Rejection]:
    for item in inputs:
        given = os.fspath(item)  # a Path works as well as a str
        if given == STDIN:
            yield StdinInput()
            continue
        shown = printable(given.replace(os.sep, "/"))
        try:
            info = os.stat(given)
        except OSError as error:
            yield Rejection(shown, shown, _stat_failure(given, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(given, shown.rstrip("/"), info)
        elif stat.S_ISREG(info.st_mode):
            yield FileInput(given, printable(os.path.basename(os.path.normpath(given))), shown)
        else:
            yield Rejection(shown, shown, _not_regular(info.st_mode))


def _walk(root: str, shown_root: str, info: os.stat_result) -> Iterator[FileInput | Rejection]:
    root_key = (info.st_dev, info.st_ino)
    visited = {root_key}
    # An explicit stack instead of recursion: a very deep tree must not hit the recursion limit.
    # Each folder's entries are pushed in reverse sorted order, so they pop in sorted order.
    stack: list[_Folder | FileInput | Rejection] = [_Folder(root, "", frozenset({root_key}))]
    while stack:
        item = stack.pop()
        if not isinstance(item, _Folder):
            yield item
            continue
        try:
            names = sorted(name for name in os.listdir(item.path) if not name.startswith("."))
        except OSError as error:
            shown = f"{shown_root}/{item.relative}" if item.relative else shown_root or "/"
            yield Rejection(item.relative or shown, shown, f"cannot list folder: {_why(error)}")
            continue
        entries = [_entry(item, name, shown_root, visited) for name in names]
        stack.extend(entry for entry in reversed(entries) if entry is not None)


def _entry(
    folder: _Folder, name: str, shown_root: str, visited: set[tuple[int, int]]
) -> _Folder | FileInput | Rejection | None:
    path = os.path.join(folder.path, name)
    relative = f"{folder.relative}/{name}" if folder.relative else name
    source_id = printable(relative)
    origin = f"{shown_root}/{source_id}"
    try:
        info = os.stat(path)
    except OSError as error:
        return Rejection(source_id, origin, _stat_failure(path, error))
    if stat.S_ISREG(info.st_mode):
        return FileInput(path, source_id, origin)
    if not stat.S_ISDIR(info.st_mode):
        return Rejection(source_id, origin, _not_regular(info.st_mode))
    key = (info.st_dev, info.st_ino)
    if key in folder.ancestors:
        return Rejection(source_id, origin, "symbolic link loop (points to an enclosing folder)")
    if key in visited:
        return None  # a second link to a folder already read would only read it again
    visited.add(key)
    return _Folder(path, relative, folder.ancestors | {key})


def _stat_failure(path: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            return "broken symbolic link"
        return f"broken symbolic link (target {printable(target)} does not exist)"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot read file: {_why(error)}"


def _why(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        what = "named pipe"
    elif stat.S_ISSOCK(mode):
        what = "socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "device"
    else:
        what = "special file"
    return f"not a regular file ({what})"


def printable(name: str) -> str:
    """A file name safe for one-line messages and for UTF-8 storage.

    Undecodable bytes in a name (kept by Python as lone surrogates) become U+FFFD, and control
    characters such as a newline become visible escapes.
    """
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if name.isprintable():
        return name
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)
