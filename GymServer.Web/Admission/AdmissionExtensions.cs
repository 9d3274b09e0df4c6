using GymServer.Engine.Admission;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Admission;

/// <summary>
/// Registers the node's one <see cref="NodeAdmission"/>, with its limits bound from <c>Gym:Node</c> (and, for the
/// settings that lived there before, from <c>Gym:Tcp</c>: see <see cref="MovedSettings"/>).
/// </summary>
public static class AdmissionExtensions
{
    public static WebApplicationBuilder AddGymAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NodeLimits>()
            .Bind(builder.Configuration.GetSection(NodeLimits.SectionName))
            .Configure(limits => MovedSettings.Apply(builder.Configuration, limits))
            .Validate(limits => limits.MaxEnvs >= 0, "Gym:Node:MaxEnvs must be 0 (no limit) or more")
            .Validate(limits => limits.MaxEnvsPerConnection >= 1, "Gym:Node:MaxEnvsPerConnection must be at least 1")
            .Validate(limits => limits.MaxStepsPerSecond >= 0, "Gym:Node:MaxStepsPerSecond must be 0 (no limit) or more")
            .ValidateOnStart();
        builder.Services.AddSingleton(provider => new NodeAdmission(provider.GetRequiredService<IOptions<NodeLimits>>().Value));
        builder.Services.AddHostedService<MovedSettings>();
        return builder;
    }
}
