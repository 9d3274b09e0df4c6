namespace GymServer.Engine.Environments;

/// <summary>
/// The Gymnasium releases the native envs reproduce. Every native env and space follows <see cref="Native"/>;
/// an env whose spec names another release keeps that release's behaviour for old clients.
/// </summary>
public static class GymnasiumVersions
{
    /// <summary>The release the native envs and spaces follow, as the protocol-2 hello and the env list name it.</summary>
    public const string Native = "1.4.0";

    /// <summary>The last release with Taxi-v3: 1.3.0 replaced it with Taxi-v4, whose rain and fickle passenger differ.</summary>
    public const string TaxiV3 = "1.2.2";
}
