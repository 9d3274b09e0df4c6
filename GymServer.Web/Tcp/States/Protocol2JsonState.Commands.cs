using System.Runtime.InteropServices;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

public partial class Protocol2JsonState
{
    /// <summary>The handshake again: answered the same way; an encoding other than this state's switches state.</summary>
    private ConnectionState Server(ServerRequest request, ReplyBuffer output)
    {
        if (request.Protocol != HandshakeResponse.LatestVersion)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"this connection speaks protocol {HandshakeResponse.LatestVersion} and cannot change to protocol {request.Protocol}");
        }
        // A handshake sets the compression anew: without codecs, frames go uncompressed from the next request on.
        var compression = Scope.CompressionPolicy.Agree(request.Codecs, request.Encoding ?? Encoding);
        new HandshakeResponse(request.Protocol, GymnasiumVersions.Native, request.Encoding, compression?.Codec).WriteTo(Replies.Begin(output));
        Replies.End(output);
        Scope.Compression = compression;
        return request.Encoding is WireEncoding encoding && encoding != Encoding ? For(Scope, encoding) : this;
    }

    private async ValueTask MakeAsync(MakeRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = await Session.OpenAsync(request.Id, request.Kwargs, request.Wrappers, request.RenderMode, cancellationToken).ConfigureAwait(false);
        MakeReply(env).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    /// <summary>make's reply for an env just made, in either encoding.</summary>
    protected static MakeResponse MakeReply(SessionEnv env) =>
        new(env.InstanceId, env.Instance.Spec.Id, env.Instance.Backend, env.ObservationSpace.Description, env.ActionSpace.Description);

    private async ValueTask ResetAsync(ResetRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Require(request.Instance);
        await env.ResetAsync(request.Seed, request.Options, cancellationToken).ConfigureAwait(false);
        new ResetResponse(env.ObservationSpace.Description, env.Observation, env.Info).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    private async ValueTask StepAsync(StepRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var env = Require(request.Instance);
        if (request.Action.ValueKind == JsonValueKind.String)
        {
            // Protocol 1 accepted actions inside strings; protocol 2 takes the to_jsonable form only.
            throw new ProtocolException(EnvErrorCodes.InvalidAction, "the action must be JSON of the action space's form, not a string");
        }
        ActionReader.Read(env.ActionSpace.Description, JsonMarshal.GetRawUtf8Value(request.Action), env.Action);
        var (result, _) = await env.StepAsync(cancellationToken).ConfigureAwait(false);
        new StepResponse(env.ObservationSpace.Description, env.Observation, result, env.Instance.Spec.IntegerRewards, env.Info)
            .WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    private async ValueTask CloseAsync(CloseRequest request, ReplyBuffer output)
    {
        if (request.Instance is string instance)
        {
            var vector = Session.FindVector(instance);
            await (vector is not null ? Session.CloseAsync(vector) : Session.CloseAsync(Require(instance))).ConfigureAwait(false);
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
        new OkResponse().WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    private void Sample(SampleRequest request, ReplyBuffer output)
    {
        var env = Require(request.Instance);
        new SampleResponse(env.ActionSpace.Description, env.SampleAction()).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }

    private async ValueTask ListEnvsAsync(ListEnvsRequest request, ReplyBuffer output, CancellationToken cancellationToken)
    {
        _ = request;
        var (envs, unavailable) = await EnvListing.ListAsync(Session.Catalog, cancellationToken).ConfigureAwait(false);
        new ListEnvsResponse(envs, unavailable).WriteTo(Replies.Begin(output));
        Replies.End(output);
    }
}
