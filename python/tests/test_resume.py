"""The agent, rules 1, 2, 4: @hello for every case of @resume, then the replay in order."""

import re

from agentcore_delivery import DeliveryAgent
from agent_harness import drop, hello_parts, make_agent, open_stream
from fakes import run_async


@run_async
async def test_fresh_resume_gets_a_new_epoch_and_sequence_0():
    agent, _ = make_agent()
    socket, _ = await open_stream(agent, "@resume - 0")
    epoch, seq = hello_parts(socket.sent[0])
    assert re.fullmatch(r"[A-Za-z0-9]{4,32}", epoch) and seq == 0
    other, _ = await open_stream(DeliveryAgent(), "@resume - 0", session_id="s1")
    assert hello_parts(other.sent[0])[0] != epoch  # a new buffer, a new epoch


@run_async
async def test_matching_resume_replays_what_follows_in_order_then_goes_on_live():
    agent, _ = make_agent()
    socket, served = await open_stream(agent, "@resume - 0")
    epoch, _ = hello_parts(socket.sent[0])
    session = agent.session("s1")
    for index in range(1, 4):
        session.send(f"p{index}")
    await socket.until_sent(4)
    await drop(socket, served)
    session.send("p4")  # while no stream is attached
    session.send("p5")
    second, _ = await open_stream(agent, f"@resume {epoch} 2")
    session.send("p6")
    sent = await second.until_sent(5)
    assert sent == [f"@hello {epoch} 2", "3:p3", "4:p4", "5:p5", "6:p6"]
    assert agent.session("s1").buffer.oldest_seq() == 3  # the resume acknowledged 1 and 2


@run_async
async def test_frames_sent_while_detached_are_replayed_on_the_first_stream():
    agent, _ = make_agent()
    session = agent.session("s1")
    session.send("early")
    socket, _ = await open_stream(agent, "@resume - 0")
    assert await socket.until_sent(2) == [f"@hello {session.epoch} 0", "1:early"]


@run_async
async def test_another_epoch_gets_the_agents_epoch_and_everything_it_still_has():
    agent, _ = make_agent()
    session = agent.session("s1")
    for index in range(1, 4):
        session.send(f"p{index}")
    socket, _ = await open_stream(agent, "@resume Restarted1 2")
    assert await socket.until_sent(4) == [f"@hello {session.epoch} 0", "1:p1", "2:p2", "3:p3"]
    assert session.buffer.oldest_seq() == 1  # nothing acknowledged: the epoch did not match


@run_async
async def test_evicted_frames_make_hello_name_the_sequence_before_the_oldest_kept():
    agent, _ = make_agent(max_buffer_bytes=20)
    session = agent.session("s1")
    for index in range(1, 6):
        session.send(f"payload{index}")  # 8 bytes each: only the last two fit
    socket, _ = await open_stream(agent, f"@resume {session.epoch} 1")
    assert await socket.until_sent(3) == [f"@hello {session.epoch} 3", "4:payload4", "5:payload5"]


@run_async
async def test_empty_buffer_after_eviction_answers_the_last_sequence():
    agent, clock = make_agent(max_buffer_age_s=300)
    session = agent.session("s1")
    session.send("a")
    session.send("b")
    clock.now += 301
    socket, _ = await open_stream(agent, f"@resume {session.epoch} 0")
    assert socket.sent == [f"@hello {session.epoch} 2"]
    session.send("c")
    assert await socket.until_sent(2) == [f"@hello {session.epoch} 2", "3:c"]


@run_async
async def test_a_sequence_beyond_the_last_is_answered_as_another_epoch():
    agent, _ = make_agent()
    session = agent.session("s1")
    session.send("a")
    session.send("b")
    socket, _ = await open_stream(agent, f"@resume {session.epoch} 7")
    assert await socket.until_sent(3) == [f"@hello {session.epoch} 0", "1:a", "2:b"]
    assert session.buffer.oldest_seq() == 1


@run_async
async def test_age_eviction_uses_the_injected_clock():
    agent, clock = make_agent(max_buffer_age_s=10)
    session = agent.session("s1")
    session.send("old")
    clock.now += 6
    session.send("newer")
    clock.now += 5  # "old" is 11 s old, "newer" 5 s
    socket, _ = await open_stream(agent, f"@resume {session.epoch} 0")
    assert await socket.until_sent(2) == [f"@hello {session.epoch} 1", "2:newer"]
