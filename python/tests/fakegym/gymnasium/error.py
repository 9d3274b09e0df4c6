"""Gymnasium's exception classes, under the same names."""


class Error(Exception):
    """Base of the package's errors."""


class UnregisteredEnv(Error):
    """No env with that id."""


class NameNotFound(UnregisteredEnv):
    """No env with that name in any version."""


class VersionNotFound(UnregisteredEnv):
    """The name exists, the version does not."""


class NamespaceNotFound(UnregisteredEnv):
    """No such namespace."""


class ResetNeeded(Error):
    """step or render before reset."""


class DependencyNotInstalled(Error):
    """An env's optional dependency is missing."""


class DeprecatedEnv(Error):
    """The id names an old version that was replaced (Taxi-v3 in Gymnasium 1.3)."""
