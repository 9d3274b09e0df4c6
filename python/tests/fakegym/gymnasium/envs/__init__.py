"""The built-in envs of this stand-in: CartPole-v1 only."""

from gymnasium.envs.registration import register

register(id="CartPole-v1", entry_point="gymnasium.envs.cartpole:CartPoleEnv", max_episode_steps=500,
         reward_threshold=475.0)
