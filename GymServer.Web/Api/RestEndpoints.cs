using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;
using GymServer.Web.Security;

namespace GymServer.Web.Api;

/// <summary>
/// OpenAI's gym-http-api on the HTTP port: the routes, bodies and replies of its README and gym_http_server.py, so its
/// clients (Go, Rust, Julia, Lua, R, Ruby, Java, JavaScript...) work unchanged. Errors are HTTP 400
/// <c>{"message": ...}</c>, an unknown instance id included, as there.
/// </summary>
public static partial class RestEndpoints
{
    public static void MapGymRest(this IEndpointRouteBuilder app)
    {
        // With Gym:Auth:Tokens set, every route takes the same tokens as the TCP side, as a bearer token.
        var v1 = app.MapGroup("/v1").RequireGymToken().AddEndpointFilter(ReplyErrorsAsMessages);
        v1.MapPost("/envs/", CreateAsync);
        v1.MapGet("/envs/", (RestEnvStore store) =>
            RestReply.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("all_envs");
                foreach (var env in store.All)
                {
                    writer.WriteString(env.InstanceId, env.EnvId);
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }));
        v1.MapPost("/envs/{instanceId}/reset/", ResetAsync);
        v1.MapPost("/envs/{instanceId}/step/", StepAsync);
        v1.MapGet("/envs/{instanceId}/action_space/", (string instanceId, RestEnvStore store) =>
            SpaceInfo(store.Require(instanceId).Env.ActionSpace));
        v1.MapGet("/envs/{instanceId}/observation_space/", (string instanceId, RestEnvStore store) =>
            SpaceInfo(store.Require(instanceId).Env.ObservationSpace));
        v1.MapGet("/envs/{instanceId}/action_space/sample", SampleAsync);
        v1.MapGet("/envs/{instanceId}/action_space/contains/{x}", Contains);
        v1.MapPost("/envs/{instanceId}/observation_space/contains", RestObservationContains.PostAsync);
        v1.MapPost("/envs/{instanceId}/close/", async (string instanceId, RestEnvStore store) =>
        {
            await store.CloseAsync(instanceId).ConfigureAwait(false);
            return Results.NoContent();
        });
        v1.MapPost("/envs/{instanceId}/monitor/start/", RestMonitor.StartAsync);
        v1.MapPost("/envs/{instanceId}/monitor/close/", RestMonitor.CloseAsync);
        v1.MapPost("/upload/", RestUpload.PostAsync);
        v1.MapPost("/shutdown/", Shutdown);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, RestEnvStore store, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var envId = body.Required("env_id");
        if (envId.ValueKind != JsonValueKind.String || !WellFormedEnvId().IsMatch(envId.GetString()!))
        {
            // gym-http-api's own words (its clients look for "malformed environment ID"), then what a well-formed id is.
            var text = envId.ValueKind == JsonValueKind.String ? envId.GetString() : envId.GetRawText();
            throw new RestException($"Attempted to look up malformed environment ID '{text}': an id is "
                + "[namespace/]name[-vN], of letters, digits and _ : . - (as Gymnasium's)");
        }
        var seed = body.Optional("seed");
        if (seed is JsonElement value && (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var parsed) || parsed < 0))
        {
            throw new RestException("The request parameter 'seed' must be a non-negative integer");
        }
        // Ours, beside gym-http-api's members: Gymnasium wrappers around the env, as protocol 2's make takes them.
        var wrappers = body.Optional("wrappers") is JsonElement list ? WrapperSpec.ReadList(list, "wrappers") : [];
        var env = await store.CreateAsync(envId.GetString()!, wrappers, cancellationToken).ConfigureAwait(false);
        if (seed is JsonElement given && given.GetInt64() != 0)
        {
            // gym-http-api seeds only a truthy seed; the seed applies to the first reset.
            env.Env.SeedNextReset(given.GetInt64());
        }
        return RestReply.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("instance_id", env.InstanceId);
            writer.WriteEndObject();
        });
    }

    /// <summary>Gymnasium's env id grammar (its <c>ENV_ID_RE</c>), which python:, native: and module:Name ids fit.</summary>
    [GeneratedRegex(@"^(?:[\w:.-]+/)?[\w:.-]+\z")]
    private static partial Regex WellFormedEnvId();

    private static Task<IResult> ResetAsync(string instanceId, RestEnvStore store, CancellationToken cancellationToken) =>
        store.Require(instanceId).UseAsync(async env =>
        {
            await env.ResetAsync(cancellationToken).ConfigureAwait(false);
            return RestReply.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(ProtocolNames.Observation);
                ProtocolValues.Write(env.ObservationSpace.Description, env.Observation, writer);
                writer.WriteEndObject();
            });
        }, cancellationToken);

    /// <summary>
    /// <c>{"action": ..., "render": false}</c>, replied as gym-http-api does: observation, reward, done (terminated or
    /// truncated) and info. <c>render</c> is accepted and has no effect: the server has no screen to draw on.
    /// </summary>
    private static async Task<IResult> StepAsync(string instanceId, HttpRequest request, RestEnvStore store, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var action = body.Required("action");
        _ = body.Flag("render");
        return await store.Require(instanceId).UseAsync(async env =>
        {
            ActionReader.Read(env.ActionSpace.Description, Encoding.UTF8.GetBytes(action.GetRawText()), env.Action);
            if (!env.ActionSpace.Contains(env.Action))
            {
                throw new RestException($"Action {action.GetRawText()} is not in the action space {env.ActionSpace.DescriptionJson()}");
            }
            var (result, episode) = await env.StepAsync(cancellationToken).ConfigureAwait(false);
            return RestReply.Json(writer =>
                new StepResponse(env.ObservationSpace.Description, env.Observation, result, env.Instance.Spec.IntegerRewards, env.Info, episode).WriteTo(writer));
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task<IResult> SampleAsync(string instanceId, RestEnvStore store, CancellationToken cancellationToken) =>
        store.Require(instanceId).UseAsync(env =>
        {
            var sample = env.SampleAction().ToArray();
            return Task.FromResult(RestReply.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(ProtocolNames.Action);
                ProtocolValues.Write(env.ActionSpace.Description, sample, writer);
                writer.WriteEndObject();
            }));
        }, cancellationToken);

    /// <summary>
    /// <c>contains/&lt;x&gt;</c>: x is the action as JSON in the URL (an integer for Discrete, as gym-http-api takes
    /// it; a list for Box). A value not of the space's form is not a member.
    /// </summary>
    private static IResult Contains(string instanceId, string x, RestEnvStore store)
    {
        var space = store.Require(instanceId).Env.ActionSpace;
        var value = new byte[space.ByteSize];
        bool member;
        try
        {
            ActionReader.Read(space.Description, Encoding.UTF8.GetBytes(x), value);
            member = space.Contains(value);
        }
        catch (WireException)
        {
            member = false;
        }
        return RestReply.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("member", member);
            writer.WriteEndObject();
        });
    }

    private static IResult SpaceInfo(Engine.Spaces.Space space) => RestReply.Json(writer => new SpaceInfoResponse(space.Description).WriteTo(writer));

    private static IResult Shutdown(RestOptions options, IHostApplicationLifetime lifetime)
    {
        if (!options.AllowShutdown)
        {
            throw new RestException("Shutdown over REST is disabled on this server (set Gym:Rest:AllowShutdown to enable it)", StatusCodes.Status403Forbidden);
        }
        lifetime.StopApplication();
        return Results.Text("Server shutting down");
    }

    private static async ValueTask<object?> ReplyErrorsAsMessages(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RestException error)
        {
            return RestReply.Error(error.Message, error.StatusCode);
        }
        catch (WireException error)
        {
            // The engine's and the protocol's errors (unknown env id, step before reset, bad action form...) are the client's doing.
            return RestReply.Error(error.Message, StatusCodes.Status400BadRequest);
        }
    }
}
