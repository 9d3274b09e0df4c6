"""The registry: register, spec and make, with Gymnasium's id forms and errors."""

import difflib
import importlib
from dataclasses import dataclass, field, replace

from gymnasium import error
from gymnasium.wrappers import OrderEnforcing, TimeLimit


@dataclass
class EnvSpec:
    """What register records about an id."""

    id: str
    entry_point: object = None
    reward_threshold: float = None
    nondeterministic: bool = False
    max_episode_steps: int = None
    order_enforce: bool = True
    disable_env_checker: bool = False
    kwargs: dict = field(default_factory=dict)


registry = {}


def register(id, entry_point, reward_threshold=None, nondeterministic=False, max_episode_steps=None,
             order_enforce=True, disable_env_checker=False, **kwargs):
    """Adds an id; kwargs become the env's default constructor arguments."""
    registry[id] = EnvSpec(id, entry_point, reward_threshold, nondeterministic, max_episode_steps, order_enforce,
                           disable_env_checker, kwargs)


def spec(env_id):
    """The spec of an id, importing the module of a module:Name id first."""
    module, _, name = env_id.rpartition(":")
    if module:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            raise error.Error(f"{exc}. Environment registration via importing a module failed.") from exc
        env_id = name
    found = registry.get(env_id)
    if found is not None:
        return found
    base, _, version = env_id.partition("-v")
    versions = sorted(int(key.partition("-v")[2]) for key in registry if key.partition("-v")[0] == base)
    if versions:
        # As Gymnasium: an older version than the newest registered one is deprecated, naming its successor.
        if version.isdigit() and int(version) < versions[-1]:
            raise error.DeprecatedEnv(f"Environment version v{version} for `{base}` is deprecated. "
                                      f"Please use `{base}-v{versions[-1]}` instead.")
        raise error.VersionNotFound(f"Environment version for `{env_id}` doesn't exist.")
    suggestion = difflib.get_close_matches(env_id, registry.keys(), n=1)
    hint = f" Did you mean: `{suggestion[0]}`?" if suggestion else ""
    raise error.NameNotFound(f"Environment `{base}` doesn't exist.{hint}")


def make(id, max_episode_steps=None, disable_env_checker=None, **kwargs):
    """Makes an env by id, with the spec's kwargs overridden by these, wrapped in OrderEnforcing and TimeLimit."""
    env_spec = id if isinstance(id, EnvSpec) else spec(id)
    arguments = {**env_spec.kwargs, **kwargs}
    entry_point = env_spec.entry_point
    if isinstance(entry_point, str):
        module, _, attribute = entry_point.partition(":")
        entry_point = getattr(importlib.import_module(module), attribute)
    env = entry_point(**arguments)
    env.spec = replace(env_spec, kwargs=arguments,
                       max_episode_steps=max_episode_steps or env_spec.max_episode_steps)
    if env_spec.order_enforce:
        env = OrderEnforcing(env)
    limit = max_episode_steps or env_spec.max_episode_steps
    if limit is not None:
        env = TimeLimit(env, limit)
    return env
