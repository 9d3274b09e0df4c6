using System.Security.Cryptography;

namespace GymServer.Engine.Sessions;

/// <summary>Instance ids as gym_tcp_api makes them: 13 lower-case hex digits, random.</summary>
public static class InstanceIds
{
    public const int Length = 13;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(7))[..Length];
}
