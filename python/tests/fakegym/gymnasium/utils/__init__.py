"""Helpers shared by envs."""

from gymnasium.utils import seeding

__all__ = ["seeding"]
