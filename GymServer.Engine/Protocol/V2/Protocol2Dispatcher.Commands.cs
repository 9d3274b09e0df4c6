using System.Runtime.InteropServices;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Protocol.V2;

public sealed partial class Protocol2Dispatcher
{
    private ValueTask Server(ServerRequest request, ReplyBuffer output)
    {
        if (request.Protocol != HandshakeResponse.LatestVersion)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument,
                $"this connection speaks protocol {HandshakeResponse.LatestVersion} and cannot change to protocol {request.Protocol}");
        }
        Encoding = request.Encoding ?? Encoding;
        new HandshakeResponse(request.Protocol, request.Encoding).WriteTo(_replies.Begin(output));
        _replies.End(output);
        return ValueTask.CompletedTask;
    }

    private async ValueTask MakeAsync(MakeRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = await Session.OpenAsync(request.Id, request.Kwargs, request.RenderMode, cancellationToken).ConfigureAwait(false);
        new MakeResponse(env).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask ResetAsync(ResetRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Session.Require(request.Instance);
        await env.ResetAsync(request.Seed, request.Options, cancellationToken).ConfigureAwait(false);
        new ResetResponse(env).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask StepAsync(StepRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Session.Require(request.Instance);
        if (request.Action.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            // Protocol 1 accepted actions inside strings; protocol 2 takes the to_jsonable form only.
            throw new EnvException(EnvErrorCodes.InvalidAction, "the action must be JSON of the action space's form, not a string");
        }
        ActionReader.Read(env.ActionSpace, JsonMarshal.GetRawUtf8Value(request.Action), env.Action);
        var (result, _) = await env.StepAsync(cancellationToken).ConfigureAwait(false);
        new StepResponse(env, result).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private async ValueTask CloseAsync(CloseRequest request, ReplyBuffer output)
    {
        if (request.Instance is string instance)
        {
            var vector = Session.Vectors.FirstOrDefault(vector => vector.InstanceId == instance);
            await (vector is not null ? Session.CloseAsync(vector) : Session.CloseAsync(Session.Require(instance))).ConfigureAwait(false);
        }
        else
        {
            foreach (var env in Session.Envs.ToArray())
            {
                await Session.CloseAsync(env).ConfigureAwait(false);
            }
            foreach (var vector in Session.Vectors.ToArray())
            {
                await Session.CloseAsync(vector).ConfigureAwait(false);
            }
        }
        new OkResponse().WriteTo(_replies.Begin(output));
        _replies.End(output);
    }

    private ValueTask Sample(SampleRequest request, ReplyBuffer output)
    {
        var env = Session.Require(request.Instance);
        new SampleResponse(env.ActionSpace, env.SampleAction()).WriteTo(_replies.Begin(output));
        _replies.End(output);
        return ValueTask.CompletedTask;
    }

    private async ValueTask ListEnvsAsync(ListEnvsRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        _ = request;
        var envs = await EnvListing.ListAsync(Session.Catalog, cancellationToken).ConfigureAwait(false);
        new ListEnvsResponse(envs).WriteTo(_replies.Begin(output));
        _replies.End(output);
    }
}
