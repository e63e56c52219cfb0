"""Parsing the client's frames and formatting the agent's."""

import re

import pytest

from agentcore_delivery import frames
from agentcore_delivery.frames import Ack, Msg, ProtocolError, Resume, parse_client_frame
from agentcore_delivery.recent_ids import RecentIds


def test_parses_the_three_client_frames():
    assert parse_client_frame("@resume - 0") == Resume(None, 0)
    assert parse_client_frame("@resume k3f9 12") == Resume("k3f9", 12)
    assert parse_client_frame("@ack 9007199254740991") == Ack(2**53 - 1)
    assert parse_client_frame('@msg 6f1e-a_b.c:d {"prompt": "Hi there"}') == Msg(
        "6f1e-a_b.c:d", '{"prompt": "Hi there"}'
    )
    assert parse_client_frame("@msg id ") == Msg("id", "")


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "1:payload",
        "@resume",
        "@resume - 01",
        "@resume - -1",
        "@resume abc 0",  # an epoch has 4 to 32 characters
        "@resume k3f9 0 extra",
        "@resume k3f9  0",
        "@ack 9007199254740992",
        "@ack 1.5",
        "@msg id-without-payload",
        "@msg bad/id x",
        "@msg " + "a" * 65 + " x",
        "@unknown 1",
    ],
)
def test_refuses_what_the_protocol_does_not_allow(text):
    with pytest.raises(ProtocolError):
        parse_client_frame(text)


def test_formats_the_agent_frames():
    assert frames.hello("k3f9", 2) == "@hello k3f9 2"
    assert frames.got("6f1e") == "@got 6f1e"
    assert frames.envelope(3, "x y") == "3:x y"


def test_epochs_are_random_alphanumeric_tokens_of_4_to_32_characters():
    epochs = {frames.new_epoch() for _ in range(100)}
    assert len(epochs) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9]{4,32}", epoch) for epoch in epochs)


def test_recent_ids_remember_at_least_1024_and_forget_the_oldest_first():
    with pytest.raises(ValueError):
        RecentIds(1023)
    ids = RecentIds()
    assert ids.add("m0") and not ids.add("m0")
    for index in range(1, 1025):
        ids.add(f"m{index}")
    assert len(ids) == 1024
    assert "m0" not in ids and "m1" in ids and "m1024" in ids
