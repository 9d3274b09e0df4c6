"""dm_env_rpc's own compliance suite (dm_env_rpc.v1.compliance), run against a live GymServer.

Each of the suite's five base classes is subclassed here once per env below, every test on a stream of its own. The
server's address is DM_ENV_RPC_ADDRESS (host:port); DM_ENV_RPC_TOKEN, when set, goes with each call as
``authorization: Bearer <token>``. bench/dm-env-rpc-compliance.sh sets both and runs this with pytest.
"""

import os

import grpc
from absl.testing import absltest

from dm_env_rpc.v1 import compliance
from dm_env_rpc.v1 import connection as dm_env_rpc_connection
from dm_env_rpc.v1 import dm_env_rpc_pb2
from dm_env_rpc.v1 import tensor_utils

# One env per kind of space the protocol maps: a Discrete action and Box observation, a float32 Box action, a
# Tuple observation, an integer Box action, and (with the test envs on the server's Python workers) a Dict
# observation with a Tuple action of Discrete, unbounded float64 Box and MultiDiscrete.
ENVS = {
    "CartPole": ("CartPole-v1", {}),
    "Pendulum": ("Pendulum-v1", {}),
    "Blackjack": ("Blackjack-v1", {}),
    "Taxi": ("Taxi-v3", {}),
}
if os.environ.get("DM_ENV_RPC_PYTHON_TEST_ENVS"):
    ENVS["PythonDict"] = ("GymServerTest/Dict-v0", {})

# A valid action for every step after the first, per env (a Gymnasium env needs a whole action each step).
ACTIONS = {
    "CartPole-v1": {1: 0},
    "Pendulum-v1": {1: [0.5]},
    "Blackjack-v1": {1: 0},
    "Taxi-v3": {1: 0},
    "GymServerTest/Dict-v0": {1: 1, 2: [0.5], 3: [0, 0]},
}
ACTION_DTYPES = {"Pendulum-v1": {1: "float32"}, "GymServerTest/Dict-v0": {2: "float64"}}


def connect():
    address = os.environ["DM_ENV_RPC_ADDRESS"]
    token = os.environ.get("DM_ENV_RPC_TOKEN")
    metadata = [("authorization", f"Bearer {token}")] if token else None
    channel = grpc.insecure_channel(address)
    grpc.channel_ready_future(channel).result(timeout=30)
    return channel, dm_env_rpc_connection.Connection(channel, metadata=metadata)


def settings_of(env_id, extra):
    return {"env_id": tensor_utils.pack_tensor(env_id), **{k: tensor_utils.pack_tensor(v) for k, v in extra.items()}}


def required_actions(env_id):
    dtypes = ACTION_DTYPES.get(env_id, {})
    return {uid: tensor_utils.pack_tensor(value, dtype=dtypes.get(uid)) for uid, value in ACTIONS[env_id].items()}


class Stream:
    """A stream of its own: a gRPC channel and dm_env_rpc's Connection over it."""

    def __init__(self):
        self.channel, self.connection = connect()

    def close(self):
        self.connection.close()
        self.channel.close()


class WorldStream(Stream):
    """A stream with a world created on it (and joined, when asked)."""

    def __init__(self, env_id, extra, join):
        super().__init__()
        self.world_name = self.connection.send(
            dm_env_rpc_pb2.CreateWorldRequest(settings=settings_of(env_id, extra))).world_name
        self.specs = None
        if join:
            self.specs = self.connection.send(dm_env_rpc_pb2.JoinWorldRequest(world_name=self.world_name)).specs

    def close(self):
        try:
            self.connection.send(dm_env_rpc_pb2.LeaveWorldRequest())
            self.connection.send(dm_env_rpc_pb2.DestroyWorldRequest(world_name=self.world_name))
        finally:
            super().close()


def make_tests(label, env_id, extra):
    class CreateDestroyWorld(compliance.CreateDestroyWorld):
        required_world_settings = property(lambda self: settings_of(env_id, extra))
        invalid_world_settings = property(lambda self: {
            "no_such_keyword": tensor_utils.pack_tensor(123),
            "seed": tensor_utils.pack_tensor(-1),
        })
        has_multiple_world_support = property(lambda self: True)
        connection = property(lambda self: self._stream.connection)

        def setUp(self):
            self._stream = Stream()
            super().setUp()

        def tearDown(self):
            super().tearDown()
            self._stream.close()

    class JoinLeaveWorld(compliance.JoinLeaveWorld):
        world_name = property(lambda self: self._stream.world_name)
        invalid_join_settings = property(lambda self: {"no_such_setting": tensor_utils.pack_tensor(1)})
        connection = property(lambda self: self._stream.connection)

        def setUp(self):
            self._stream = WorldStream(env_id, extra, join=False)
            super().setUp()

        def tearDown(self):
            super().tearDown()
            self._stream.close()

    class Reset(compliance.Reset):
        connection = property(lambda self: self._stream.connection)

        def join_world(self):
            return self.connection.send(dm_env_rpc_pb2.JoinWorldRequest(world_name=self._stream.world_name)).specs

        def setUp(self):
            self._stream = WorldStream(env_id, extra, join=False)
            super().setUp()

        def tearDown(self):
            super().tearDown()
            self._stream.close()

    class ResetWorld(compliance.ResetWorld):
        world_name = property(lambda self: self._stream.world_name)
        connection = property(lambda self: self._stream.connection)

        def setUp(self):
            self._stream = WorldStream(env_id, extra, join=False)
            super().setUp()

        def tearDown(self):
            super().tearDown()
            self._stream.close()

    class Step(compliance.Step):
        connection = property(lambda self: self._stream.connection)
        specs = property(lambda self: self._stream.specs)
        required_actions = property(lambda self: required_actions(env_id))

        def setUp(self):
            self._stream = WorldStream(env_id, extra, join=True)
            super().setUp()

        def tearDown(self):
            super().tearDown()
            self._stream.close()

    tests = {}
    for case in (CreateDestroyWorld, JoinLeaveWorld, Reset, ResetWorld, Step):
        case.__name__ = case.__qualname__ = f"{label}{case.__name__}"
        tests[case.__name__] = case
    return tests


for _label, (_env_id, _extra) in ENVS.items():
    globals().update(make_tests(_label, _env_id, _extra))


if __name__ == "__main__":
    absltest.main()
