namespace GymServer.Protocol.V2;

/// <summary>
/// An id a backend registers but could not make for <see cref="ListEnvsResponse"/> (a dependency not installed, a space
/// without a byte layout, an env that fails or hangs when made): listed with why, so one such id does not hide the
/// others.
/// </summary>
/// <param name="Id">The env id.</param>
/// <param name="Backend">The backend that registers it (<c>preset</c> for a preset).</param>
/// <param name="Code">The error code making it gave (<c>env_error</c>, <c>unsupported_space</c>, ...).</param>
/// <param name="Message">Its message.</param>
public sealed record UnavailableEnv(string Id, string Backend, string Code, string Message);
