"""Limits: a replay longer than 200 frames is spread to stay under 250 frames per second."""

from agent_harness import make_agent, open_stream
from fakes import run_async


def most_in_one_second(times):
    return max(sum(1 for other in times if start <= other < start + 1.0) for start in times)


@run_async
async def test_a_long_replay_is_paced_under_250_frames_per_second():
    agent, clock = make_agent()
    session = agent.session("s1")
    for index in range(1, 651):
        session.send(f"p{index}")
    socket, _ = await open_stream(agent, "@resume - 0")
    sent = await socket.until_sent(651)
    assert sent[1:] == [f"{index}:p{index}" for index in range(1, 651)]
    assert len(socket.sent_at) == 651
    assert most_in_one_second(socket.sent_at) <= 200
    assert socket.sent_at[-1] - socket.sent_at[0] >= 3.0  # 651 frames, 200 a second
    assert clock.slept  # it waited
    session.send("live")
    assert (await socket.until_sent(652))[-1] == "651:live"


@run_async
async def test_a_replay_of_200_frames_goes_out_at_once():
    agent, clock = make_agent()
    session = agent.session("s1")
    for index in range(1, 201):
        session.send(f"p{index}")
    socket, _ = await open_stream(agent, "@resume - 0")
    await socket.until_sent(201)
    assert clock.slept == []
