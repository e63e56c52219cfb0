"""The conformance agent served for real (Uvicorn in a subprocess), driven by a stdlib client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from ws_client import Closed, WsClient

AGENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conformance_agent.py")


class Agent:
    """A running conformance agent."""

    def __init__(self, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, AGENT, "--port", "0", *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        assert line.startswith("listening "), line + self.process.stderr.read()
        self.port = int(line.split()[1])

    def connect(self, session: str = "s1", header: bool = False) -> WsClient:
        if header:
            return WsClient(self.port, headers={"X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": session})
        return WsClient(self.port, f"/ws?session={session}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


@pytest.fixture
def agent():
    running = Agent()
    yield running
    if running.process.poll() is None:
        running.stop()


def resume(client: WsClient, frame: str = "@resume - 0") -> tuple[str, int]:
    client.send_text(frame)
    name, epoch, seq = client.receive_text().split(" ")
    assert name == "@hello"
    return epoch, int(seq)


def test_an_answer_cut_by_a_dropped_stream_is_resumed_exactly_once_in_order(agent):
    client = agent.connect()
    epoch, seq = resume(client)
    assert seq == 0
    client.send_text("@msg m1 count:3:a")
    assert client.receive_many(4) == ["@got m1", "1:a#1", "2:a#2", "3:a#3"]
    client.send_text("@msg m2 later:5:b:20")
    assert client.receive_many(2) == ["@got m2", "4:b#1"]
    client.drop()  # 1006: the agent goes on into its buffer
    second = agent.connect()
    assert resume(second, f"@resume {epoch} 4") == (epoch, 4)
    second.send_text("@msg m2 later:5:b:20")  # the client resends what it did not see acknowledged
    frames = [second.receive_text() for _ in range(5)]
    assert [frame for frame in frames if frame.startswith("@got")] == ["@got m2"]
    assert [frame for frame in frames if not frame.startswith("@")] == [
        "5:b#2",
        "6:b#3",
        "7:b#4",
        "8:b#5",
    ]
    second.send_text("@msg m3 hello there")
    assert second.receive_many(2) == ["@got m3", "9:echo:hello there"]
    second.close()


def test_the_header_names_the_session_and_a_new_stream_replaces_the_old_with_1000(agent):
    first = agent.connect("by-header", header=True)
    epoch, _ = resume(first)
    first.send_text("@msg m1 one")
    assert first.receive_many(2) == ["@got m1", "1:echo:one"]
    other = agent.connect("other")
    assert resume(other)[0] != epoch
    second = agent.connect("by-header", header=True)
    assert resume(second, f"@resume {epoch} 0") == (epoch, 0)
    assert second.receive_text() == "1:echo:one"
    with pytest.raises(Closed) as closed:
        first.receive_text()
    assert closed.value.code == 1000
    second.close()
    other.close()


def test_a_frame_before_resume_is_closed_with_1002(agent):
    client = agent.connect()
    client.send_text("@msg m1 hi")
    with pytest.raises(Closed) as closed:
        client.receive_text()
    assert closed.value.code == 1002


def test_a_payload_too_large_for_a_frame_is_refused_by_the_helper(agent):
    client = agent.connect()
    resume(client)
    client.send_text("@msg m1 big:31998")
    assert client.receive_many(2) == ["@got m1", "1:" + "x" * 31_998]
    client.send_text("@msg m2 big:31999")
    assert client.receive_many(2) == ["@got m2", "2:too-large"]
    client.close()


def test_evicted_frames_are_reported_by_hello():
    agent = Agent("--max-buffer-bytes", "10")
    try:
        client = agent.connect()
        epoch, _ = resume(client)
        client.send_text("@msg m1 count:4:abc")  # 5 bytes each: the buffer keeps the last two
        assert client.receive_many(5) == ["@got m1", "1:abc#1", "2:abc#2", "3:abc#3", "4:abc#4"]
        client.drop()
        second = agent.connect()
        assert resume(second, f"@resume {epoch} 1") == (epoch, 2)
        assert second.receive_many(2) == ["3:abc#3", "4:abc#4"]
        second.close()
    finally:
        assert agent.stop() == 0


def test_sigterm_exits_cleanly_with_a_stream_open(agent):
    client = agent.connect()
    resume(client)
    client.send_text("@msg m1 later:1000:slow:50")
    assert client.receive_text() == "@got m1"
    assert agent.stop() == 0
    client.drop()
