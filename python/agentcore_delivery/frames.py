"""The frames of ``acr-delivery/1``: parsing what the client sends, formatting what the agent sends."""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from typing import Union

#: The service's frame limit as the helper applies it, envelope included (UTF-8 bytes).
MAX_FRAME_BYTES = 32_000
#: The largest number a frame may carry (2^53 - 1).
MAX_NUMBER = 2**53 - 1

_NUMBER = re.compile(r"0|[1-9][0-9]*")
_EPOCH = re.compile(r"[A-Za-z0-9]{4,32}")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_EPOCH_ALPHABET = string.ascii_letters + string.digits


class ProtocolError(Exception):
    """The client sent a frame this protocol does not allow; the stream closes with 1002."""


class FrameTooLarge(ValueError):
    """An application payload whose envelope would exceed the frame limit.

    Attributes:
        size: the envelope's size in UTF-8 bytes.
        limit: the limit it exceeds.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"envelope of {size} bytes exceeds the {limit}-byte frame limit")
        self.size = size
        self.limit = limit


@dataclass(frozen=True)
class Resume:
    """``@resume <epoch> <seq>``; ``epoch`` is ``None`` for ``-``."""

    epoch: str | None
    seq: int


@dataclass(frozen=True)
class Ack:
    """``@ack <seq>``."""

    seq: int


@dataclass(frozen=True)
class Msg:
    """``@msg <id> <payload>``."""

    id: str
    payload: str


ClientFrame = Union[Resume, Ack, Msg]


def new_epoch(length: int = 12) -> str:
    """A random epoch token from ``A-Z a-z 0-9``."""
    return "".join(secrets.choice(_EPOCH_ALPHABET) for _ in range(length))


def _number(text: str) -> int:
    if not _NUMBER.fullmatch(text):
        raise ProtocolError(f"not a number: {text!r}")
    value = int(text)
    if value > MAX_NUMBER:
        raise ProtocolError(f"number above 2^53 - 1: {text}")
    return value


def parse_client_frame(text: str) -> ClientFrame:
    """Parses one client frame.

    Raises:
        ProtocolError: the frame is not ``@resume``, ``@ack`` or ``@msg`` in their exact shape.
    """
    if text.startswith("@msg "):
        message_id, space, payload = text[5:].partition(" ")
        if not space or not _MESSAGE_ID.fullmatch(message_id):
            raise ProtocolError("malformed @msg")
        return Msg(message_id, payload)
    if text.startswith("@ack "):
        return Ack(_number(text[5:]))
    if text.startswith("@resume "):
        parts = text[8:].split(" ")
        if len(parts) != 2 or not (parts[0] == "-" or _EPOCH.fullmatch(parts[0])):
            raise ProtocolError("malformed @resume")
        return Resume(None if parts[0] == "-" else parts[0], _number(parts[1]))
    raise ProtocolError(f"unknown frame: {text[:40]!r}")


def hello(epoch: str, seq: int) -> str:
    """``@hello <epoch> <seq>``."""
    return f"@hello {epoch} {seq}"


def got(message_id: str) -> str:
    """``@got <id>``."""
    return f"@got {message_id}"


def envelope(seq: int, payload: str) -> str:
    """``<seq>:<payload>``."""
    return f"{seq}:{payload}"


def utf8_length(text: str) -> int:
    """The size of ``text`` in UTF-8 bytes."""
    return len(text.encode("utf-8"))
