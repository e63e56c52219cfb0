"""The agent, rules 3, 5, 7 and the protocol errors: @msg/@got, @ack, replacement, 1002."""

import asyncio

import pytest

from agentcore_delivery import DeliverySession, FrameTooLarge
from agent_harness import Recorder, drop, hello_parts, make_agent, open_stream
from fakes import FakeSocket, run_async


@run_async
async def test_a_message_is_acknowledged_and_handed_to_the_application_once():
    agent, _ = make_agent()
    recorder = Recorder()
    socket, served = await open_stream(agent, "@resume - 0", handler=recorder)
    epoch, _ = hello_parts(socket.sent[0])
    socket.client_sends("@msg m-1 hi")
    assert await socket.until_sent(3) == [f"@hello {epoch} 0", "@got m-1", "1:echo:hi"]
    socket.client_sends("@msg m-1 hi")  # the client did not see @got and sends it again
    socket.client_sends("@msg m-2 there")
    await socket.until_sent(6)
    assert socket.sent[3:] == ["@got m-1", "@got m-2", "2:echo:there"]
    await drop(socket, served)
    second, _ = await open_stream(agent, f"@resume {epoch} 2", handler=recorder)
    second.client_sends("@msg m-2 there")  # resent on a new stream
    await second.until_sent(2)
    assert second.sent == [f"@hello {epoch} 2", "@got m-2"]
    assert recorder.payloads == ["hi", "there"]


@run_async
async def test_messages_are_handled_in_order_one_at_a_time_and_outlive_the_stream():
    agent, _ = make_agent()
    release = asyncio.Event()
    handled = []

    async def slow(payload: str, session: DeliverySession) -> None:
        handled.append(payload)
        if payload == "first":
            await release.wait()
        session.send(f"done:{payload}")

    socket, served = await open_stream(agent, "@resume - 0", handler=slow)
    socket.client_sends("@msg a first")
    socket.client_sends("@msg b second")
    await socket.until_sent(3)
    assert handled == ["first"]
    await drop(socket, served)
    release.set()
    session = agent.session("s1")
    second, _ = await open_stream(agent, f"@resume {session.epoch} 0", handler=slow)
    assert (await second.until_sent(3))[1:] == ["1:done:first", "2:done:second"]


@run_async
async def test_ack_drops_what_the_client_applied():
    agent, _ = make_agent()
    socket, served = await open_stream(agent, "@resume - 0")
    session = agent.session("s1")
    for index in range(1, 5):
        session.send(f"p{index}")
    await socket.until_sent(5)
    socket.client_sends("@ack 3")
    socket.client_sends("@msg sync x")  # handled after the ack: the @got marks it read
    await socket.until_sent(7)
    assert session.buffer.oldest_seq() == 4
    await drop(socket, served)
    second, _ = await open_stream(agent, f"@resume {session.epoch} 0")
    assert await second.until_sent(3) == [f"@hello {session.epoch} 3", "4:p4", "5:echo:x"]


@pytest.mark.parametrize("first", ["@msg m-1 hi", "@ack 1", "hello", "@resume x 0"])
@run_async
async def test_a_frame_before_resume_closes_the_stream_with_1002(first):
    agent, _ = make_agent()
    socket = FakeSocket()
    served = asyncio.ensure_future(agent.serve(socket, "s1", Recorder()))
    socket.client_sends(first)
    await served
    assert socket.close_code == 1002 and socket.sent == []


@pytest.mark.parametrize("frame", ["@resume - 0", "1:payload", "@msg bad/id x"])
@run_async
async def test_a_frame_the_protocol_lacks_after_resume_closes_with_1002(frame):
    agent, _ = make_agent()
    socket, served = await open_stream(agent, "@resume - 0")
    socket.client_sends(frame)
    await served
    assert socket.close_code == 1002
    assert not agent.session("s1").attached


@run_async
async def test_a_new_stream_replaces_the_old_one_which_is_closed_with_1000():
    agent, _ = make_agent()
    old, old_served = await open_stream(agent, "@resume - 0")
    session = agent.session("s1")
    session.send("a")
    await old.until_sent(2)
    new, _ = await open_stream(agent, f"@resume {session.epoch} 0")
    await old_served
    assert old.close_code == 1000
    session.send("b")
    assert await new.until_sent(3) == [f"@hello {session.epoch} 0", "1:a", "2:b"]
    assert old.sent == [f"@hello {session.epoch} 0", "1:a"]
    assert new.close_code is None and session.stream is not None


@run_async
async def test_sessions_are_separate():
    agent, _ = make_agent()
    one, _ = await open_stream(agent, "@resume - 0", session_id="one")
    two, _ = await open_stream(agent, "@resume - 0", session_id="two")
    agent.session("one").send("for one")
    await one.until_sent(2)
    assert two.sent == [f"@hello {agent.session('two').epoch} 0"]
    assert one.close_code is None


@run_async
async def test_a_payload_whose_envelope_exceeds_32000_bytes_is_refused():
    agent, _ = make_agent()
    socket, _ = await open_stream(agent, "@resume - 0")
    session = agent.session("s1")
    assert session.send("x" * 31_998) == 1  # "1:" + 31,998 bytes = 32,000
    with pytest.raises(FrameTooLarge) as refused:
        session.send("x" * 31_999)
    assert (refused.value.size, refused.value.limit) == (32_001, 32_000)
    with pytest.raises(FrameTooLarge):
        session.send("\u00e9" * 16_000)  # 16,000 characters, 32,000 UTF-8 bytes
    for index in range(2, 10):
        session.send(str(index))
    with pytest.raises(FrameTooLarge):
        session.send("x" * 31_998)  # "10:" costs one byte more than "1:"
    assert session.last_seq == 9
    await socket.until_sent(10)
    assert [frame[:2] for frame in socket.sent[1:]] == [f"{seq}:" for seq in range(1, 10)]


@run_async
async def test_a_stream_whose_send_fails_is_detached_and_the_frames_stay_buffered():
    agent, _ = make_agent()
    socket, served = await open_stream(agent, "@resume - 0")
    session = agent.session("s1")
    socket.close_code = 1006  # the fake now raises on send, as a dead socket does
    session.send("lost on the wire")
    await served
    assert not session.attached
    second, _ = await open_stream(agent, f"@resume {session.epoch} 0")
    assert await second.until_sent(2) == [f"@hello {session.epoch} 0", "1:lost on the wire"]


@run_async
async def test_forget_drops_the_session_and_a_later_stream_starts_a_new_epoch():
    agent, _ = make_agent()
    socket, served = await open_stream(agent, "@resume - 0")
    epoch = agent.session("s1").epoch
    agent.forget("s1")
    await served
    assert socket.close_code == 1000
    second, _ = await open_stream(agent, f"@resume {epoch} 0")
    assert hello_parts(second.sent[0])[0] != epoch
