"""Turning records into JSON-ready dicts and back, for the store and the brief.

Generic over frozen dataclasses, driven by their type hints, so a stage that adds a record type
needs no serialisation code of its own.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """A JSON-ready form of a record: dataclasses become dicts in field order, tuples lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from ``to_dict``'s output.

    Fields missing from ``data`` take their defaults (records stored by an older version);
    unknown keys are ignored (records stored by a newer one).
    """
    return _convert(cls, data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        for option in options:
            if dataclasses.is_dataclass(option) and isinstance(value, dict):
                return _convert(option, value)
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is typing.Literal or hint is Any:
        return value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item) for item in value)
        if args:
            return tuple(_convert(arg, item) for arg, item in zip(args, value, strict=False))
        return tuple(value)
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return [_convert(arg, item) for item in value]
    if origin is dict:
        _key, arg = typing.get_args(hint) or (Any, Any)
        return {key: _convert(arg, item) for key, item in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{k: _convert(hints[k], v) for k, v in value.items() if k in names})
    if hint is float and isinstance(value, int):
        return float(value)
    return value
