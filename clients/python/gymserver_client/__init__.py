"""GymServer's Python client: Gymnasium envs served over TCP, as gymnasium.Env and VectorEnv subclasses.

Example:
    >>> from gymserver_client import RemoteEnv
    >>> env = RemoteEnv("CartPole-v1", "127.0.0.1", 4040)
    >>> observation, info = env.reset(seed=42)
"""

from gymserver_client.client import GymClient
from gymserver_client.connection import Connection
from gymserver_client.env import RemoteEnv
from gymserver_client.errors import GymServerError
from gymserver_client.vector import RemoteVectorEnv

__version__ = "1.0.0"

__all__ = ["Connection", "GymClient", "GymServerError", "RemoteEnv", "RemoteVectorEnv"]
