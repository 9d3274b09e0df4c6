namespace GymServer.Web.Cluster.Messages;

/// <summary>One step's result on the hosting node, or the error.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteStepResponse(
    [property: Id(0)] byte[] Observation,
    [property: Id(1)] double Reward,
    [property: Id(2)] bool Terminated,
    [property: Id(3)] bool Truncated,
    [property: Id(4)] InfoItemMessage[] Info,
    [property: Id(5)] RemoteEnvError? Error,
    [property: Id(6)] bool IntegerReward = false);
