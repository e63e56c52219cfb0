"""A minimal blocking WebSocket client (RFC 6455, text frames) on the standard library.

Used by the tests that serve the agent for real, and by hand::

    /usr/bin/python3 python/tests/ws_client.py <port> <session> '@resume - 0' '@msg m1 hi'
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import struct
import sys

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Closed(Exception):
    """The server closed the stream; ``code`` is its close code (1005 when it gave none)."""

    def __init__(self, code: int) -> None:
        super().__init__(f"closed with {code}")
        self.code = code


class WsClient:
    """One WebSocket to ``127.0.0.1:<port><path>``."""

    def __init__(
        self, port: int, path: str = "/ws", headers: dict[str, str] | None = None, timeout: float = 10
    ) -> None:
        self._sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self._buffer = b""
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ] + [f"{name}: {value}" for name, value in (headers or {}).items()]
        self._sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        while b"\r\n\r\n" not in self._buffer:
            self._fill()
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        expected = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
        if not head.startswith(b"HTTP/1.1 101") or expected.encode() not in head:
            raise ConnectionError(f"upgrade refused: {head[:200]!r}")

    def send_text(self, text: str) -> None:
        """Sends one masked text frame."""
        self._send_frame(0x1, text.encode("utf-8"))

    def receive_text(self) -> str:
        """The next text message; raises :class:`Closed` when the server closes."""
        while True:
            opcode, data = self._read_frame()
            if opcode == 0x1:
                return data.decode("utf-8")
            if opcode == 0x8:
                code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 1005
                self._reply_close(data[:2])
                raise Closed(code)
            if opcode == 0x9:
                self._send_frame(0xA, data)

    def receive_many(self, count: int) -> list[str]:
        """The next ``count`` text messages."""
        return [self.receive_text() for _ in range(count)]

    def close(self, code: int = 1000) -> None:
        """Closes with a handshake."""
        try:
            self._send_frame(0x8, struct.pack("!H", code))
            while True:
                self.receive_text()
        except (Closed, OSError):
            pass
        finally:
            self._sock.close()

    def drop(self) -> None:
        """Ends the TCP connection without a close handshake (the server sees 1006)."""
        self._sock.close()

    def _reply_close(self, code: bytes) -> None:
        try:
            self._send_frame(0x8, code)
        except OSError:
            pass
        self._sock.close()

    def _send_frame(self, opcode: int, data: bytes) -> None:
        mask = os.urandom(4)
        length = len(data)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        elif length < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(data))
        self._sock.sendall(header + mask + masked)

    def _read_frame(self) -> tuple[int, bytes]:
        opcode, payload = 0, b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._read(8))[0]
            data = self._read(length)
            if first & 0x0F:
                opcode = first & 0x0F
            payload += data
            if first & 0x80:
                return opcode, payload

    def _read(self, count: int) -> bytes:
        while len(self._buffer) < count:
            self._fill()
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def _fill(self) -> None:
        chunk = self._sock.recv(65536)
        if not chunk:
            raise Closed(1006)
        self._buffer += chunk


def _main() -> None:
    port, session, *frames = sys.argv[1:]
    client = WsClient(int(port), f"/ws?session={session}")
    for frame in frames:
        print(f"-> {frame}")
        client.send_text(frame)
    client._sock.settimeout(1.0)
    try:
        while True:
            print(f"<- {client.receive_text()}")
    except (TimeoutError, socket.timeout):
        client.close()
    except Closed as closed:
        print(f"closed {closed.code}")


if __name__ == "__main__":
    _main()
