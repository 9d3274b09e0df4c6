using GymServer.Engine.Admission;
using GymServer.Engine.Nodes;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Admission;

/// <summary>
/// Binds the node's settings from <c>Gym:Node</c> (<see cref="NodeOptions"/>: its name and its limits; for the limits
/// that lived there before, from <c>Gym:Tcp</c> too: see <see cref="MovedSettings"/>) and registers the node's one
/// <see cref="NodeAdmission"/>.
/// </summary>
public static class AdmissionExtensions
{
    public static WebApplicationBuilder AddGymAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodeOptions>()
            .Bind(builder.Configuration.GetSection(NodeOptions.SectionName))
            .Configure(limits => MovedSettings.Apply(builder.Configuration, limits))
            .Validate(limits => limits.MaxEnvs >= 0, "Gym:Node:MaxEnvs must be 0 (no limit) or more")
            .Validate(limits => limits.MaxEnvsPerConnection >= 1, "Gym:Node:MaxEnvsPerConnection must be at least 1")
            .Validate(limits => limits.MaxStepsPerSecond >= 0, "Gym:Node:MaxStepsPerSecond must be 0 (no limit) or more")
            .Validate(limits => limits.MaxQueuedReplyBytes >= 1, "Gym:Node:MaxQueuedReplyBytes must be at least 1")
            .Validate(limits => limits.StalledReplyTimeout >= TimeSpan.Zero, "Gym:Node:StalledReplyTimeout must not be negative")
            .ValidateOnStart();
        builder.Services.AddSingleton(provider => new NodeAdmission(provider.GetRequiredService<IOptions<NodeOptions>>().Value));
        builder.Services.AddHostedService<MovedSettings>();
        return builder;
    }
}
