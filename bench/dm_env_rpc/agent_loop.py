"""A dm_env agent loop through dm_env_rpc's dm_env adaptor, checked step by step against protocol 2.

The agent plays CartPole-v1 (seed 42, max_episode_steps 60) for four episodes over dm_env_rpc: a balancing policy
that lasts until the time limit (INTERRUPTED: a LAST step with discount 1) and one that always pushes left (the pole
falls: TERMINATED, discount 0), in turn. The first episode starts with reset(); the others with the step after a
LAST one, as dm_env allows. The same actions go to the same env over protocol 2 (make with the same kwargs, reset
with the same seed, then reset() without one), and every observation, reward and end of episode must be the same.
DM_ENV_RPC_ADDRESS is the dm_env_rpc endpoint, GYM_TCP_PORT the TCP port (both on this machine's loopback); the
run is bench/dm-env-rpc-compliance.sh's second half. Prints one line with the counts; exits 1 on any difference.
"""

import os
import sys

import dm_env
import grpc
import numpy as np

from dm_env_rpc.v1 import connection as dm_env_rpc_connection
from dm_env_rpc.v1 import dm_env_adaptor
from gymserver_client import GymClient

SEED = 42
LIMIT = 60
EPISODES = 4


def balance(observation):
    _, _, theta, theta_dot = observation
    return 1 if theta + theta_dot > 0 else 0


def push_left(_observation):
    return 0


def main():
    channel = grpc.insecure_channel(os.environ["DM_ENV_RPC_ADDRESS"])
    connection = dm_env_rpc_connection.Connection(channel)
    env, world = dm_env_adaptor.create_and_join_world(
        connection, create_world_settings={"env_id": "CartPole-v1", "seed": SEED, "max_episode_steps": LIMIT},
        join_world_settings={})
    gym = GymClient("127.0.0.1", int(os.environ["GYM_TCP_PORT"]))
    instance = gym.make("CartPole-v1", kwargs={"max_episode_steps": LIMIT})["instance"]

    steps = 0
    endings = []
    timestep = env.reset()
    for episode in range(EPISODES):
        policy = balance if episode % 2 == 0 else push_left
        if episode > 0:
            timestep = env.step({"action": 0})  # after LAST: the action is ignored and a new episode starts
        expected = gym.call("reset", instance=instance, seed=SEED if episode == 0 else None)
        check(timestep.step_type == dm_env.StepType.FIRST, f"episode {episode} does not start with FIRST")
        same(timestep.observation["observation"], expected["observation"], f"episode {episode} reset")
        while True:
            action = policy(timestep.observation["observation"])
            timestep = env.step({"action": action})
            expected = gym.call("step", instance=instance, action=action)
            steps += 1
            where = f"episode {episode} step {steps}"
            same(timestep.observation["observation"], expected["observation"], where)
            check(timestep.reward == expected["reward"], f"{where}: reward {timestep.reward} != {expected['reward']}")
            done = expected["terminated"] or expected["truncated"]
            check(timestep.last() == done, f"{where}: LAST is {timestep.last()}, protocol 2 says done is {done}")
            if done:
                check(timestep.discount == (0.0 if expected["terminated"] else 1.0), f"{where}: discount {timestep.discount}")
                endings.append("terminated" if expected["terminated"] else "truncated")
                break
            check(timestep.discount == 1.0, f"{where}: discount {timestep.discount} mid-episode")

    check(set(endings) == {"terminated", "truncated"}, f"episodes ended {endings}: both kinds of ending were wanted")
    env.close()
    connection.send(dm_env_adaptor.dm_env_rpc_pb2.DestroyWorldRequest(world_name=world))
    connection.close()
    channel.close()
    gym.close()
    print(f"dm_env agent loop through the adaptor: {EPISODES} CartPole-v1 episodes ({', '.join(endings)}), "
          f"{steps} steps, observations, rewards and endings identical to protocol 2's")


def same(observation, expected, where):
    expected = np.asarray(expected, dtype=np.float32)
    check(observation.dtype == np.float32, f"{where}: observation dtype {observation.dtype}")
    check(np.array_equal(observation, expected), f"{where}: observation {observation!r} != protocol 2's {expected!r}")


def check(condition, message):
    if not condition:
        print(f"dm_env agent loop: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
