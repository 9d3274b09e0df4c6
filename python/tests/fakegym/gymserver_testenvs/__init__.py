"""Envs for GymServer's worker tests, registered on import (as Gym:Python:Imports does for users' modules)."""

from gymserver_testenvs.compat import register

register(id="GymServerTest/Image-v0", entry_point="gymserver_testenvs.image:ImageEnv", max_episode_steps=100)
register(id="GymServerTest/Dict-v0", entry_point="gymserver_testenvs.structured:DictEnv", max_episode_steps=20)
register(id="GymServerTest/Countdown-v0", entry_point="gymserver_testenvs.countdown:CountdownEnv", max_episode_steps=5)
register(id="GymServerTest/Raising-v0", entry_point="gymserver_testenvs.misbehaving:RaisingEnv")
register(id="GymServerTest/Hanging-v0", entry_point="gymserver_testenvs.misbehaving:HangingEnv")
register(id="GymServerTest/Noisy-v0", entry_point="gymserver_testenvs.misbehaving:NoisyEnv")
register(id="GymServerTest/TextObs-v0", entry_point="gymserver_testenvs.misbehaving:TextObservationEnv")
register(id="GymServerTest/Rendezvous-v0", entry_point="gymserver_testenvs.rendezvous:RendezvousEnv")
register(id="GymServerTest/Hog-v0", entry_point="gymserver_testenvs.usage:HogEnv")
# Only a v1: a make of v0 is DeprecatedEnv naming v1, as Taxi-v3 is since Gymnasium 1.3.
register(id="GymServerTest/Replaced-v1", entry_point="gymserver_testenvs.countdown:CountdownEnv", max_episode_steps=5)
