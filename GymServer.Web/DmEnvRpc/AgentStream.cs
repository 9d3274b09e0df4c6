using GymServer.Engine.Environments;
using GymServer.Web.DmEnvRpc.Specs;
using GymServer.Web.DmEnvRpc.V1;
using GymServer.Web.Metrics;
using Grpc.Core;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// One dm_env_rpc stream: its worlds (each an env of its session) and the one it is joined to. Requests are run one
/// at a time, in order; a failing one is answered with its <c>error</c> and the stream goes on. Worlds belong to the
/// stream that created them and are closed with it.
/// </summary>
internal sealed class AgentStream(WorldSession session, GymMetrics metrics, ILogger logger, string? remote) : IAsyncDisposable
{
    private readonly Dictionary<string, World> _worlds = new(StringComparer.Ordinal);
    private World? _joined;

    public long Requests { get; private set; }

    /// <summary>Runs a request; its response, or the response carrying its error.</summary>
    public async ValueTask<EnvironmentResponse> HandleAsync(EnvironmentRequest request, CancellationToken cancellationToken)
    {
        Requests++;
        try
        {
            return request.PayloadCase switch
            {
                EnvironmentRequest.PayloadOneofCase.CreateWorld =>
                    new() { CreateWorld = await CreateWorldAsync(request.CreateWorld, cancellationToken).ConfigureAwait(false) },
                EnvironmentRequest.PayloadOneofCase.JoinWorld => new() { JoinWorld = JoinWorld(request.JoinWorld) },
                EnvironmentRequest.PayloadOneofCase.Step => new() { Step = await StepAsync(request.Step, cancellationToken).ConfigureAwait(false) },
                EnvironmentRequest.PayloadOneofCase.Reset => new() { Reset = Reset(request.Reset) },
                EnvironmentRequest.PayloadOneofCase.ResetWorld => new() { ResetWorld = ResetWorld(request.ResetWorld) },
                EnvironmentRequest.PayloadOneofCase.LeaveWorld => new() { LeaveWorld = LeaveWorld() },
                EnvironmentRequest.PayloadOneofCase.DestroyWorld =>
                    new() { DestroyWorld = await DestroyWorldAsync(request.DestroyWorld).ConfigureAwait(false) },
                EnvironmentRequest.PayloadOneofCase.Extension => throw new DmEnvRpcException(StatusCode.Unimplemented,
                    DmEnvRpcErrors.UnsupportedRequest, $"this server supports no extension requests (got {request.Extension.TypeUrl})"),
                _ => throw new DmEnvRpcException(StatusCode.InvalidArgument, DmEnvRpcErrors.UnsupportedRequest,
                    "the request has no payload: send one of create_world, join_world, step, reset, reset_world, leave_world, destroy_world"),
            };
        }
        catch (DmEnvRpcException error)
        {
            return Failed(error.Status, error.Code, error.Message);
        }
        catch (EnvException error)
        {
            return Failed(DmEnvRpcErrors.StatusOf(error.Code), error.Code, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            DmEnvRpcLog.UnexpectedError(logger, remote, request.PayloadCase.ToString(), error);
            return Failed(StatusCode.Internal, DmEnvRpcErrors.Internal, $"{request.PayloadCase} failed unexpectedly: {error.Message}");
        }
    }

    private async ValueTask<CreateWorldResponse> CreateWorldAsync(CreateWorldRequest request, CancellationToken cancellationToken)
    {
        var settings = WorldSettings.Read(request.Settings);
        var env = await session.MakeAsync(settings, cancellationToken).ConfigureAwait(false);
        World world;
        try
        {
            world = new World(env, WorldSpecs.For(env.ActionSpace, env.ObservationSpace), settings.Seed);
        }
        catch
        {
            await session.CloseAsync(env).ConfigureAwait(false);
            throw;
        }
        _worlds.Add(world.Name, world);
        return new CreateWorldResponse { WorldName = world.Name };
    }

    private JoinWorldResponse JoinWorld(JoinWorldRequest request)
    {
        var world = Find(request.WorldName);
        if (_joined is not null)
        {
            throw new DmEnvRpcException(StatusCode.FailedPrecondition, DmEnvRpcErrors.AlreadyJoined,
                $"this stream is already joined to world '{_joined.Name}': send LeaveWorld first (one world per stream)");
        }
        WorldSettings.RequireNone(request.Settings, "JoinWorld");
        world.Restart();
        _joined = world;
        return new JoinWorldResponse { Specs = world.Specs.Message };
    }

    private ValueTask<StepResponse> StepAsync(StepRequest request, CancellationToken cancellationToken) =>
        (_joined ?? throw DmEnvRpcException.NotJoined("Step")).StepAsync(request, cancellationToken);

    private ResetResponse Reset(ResetRequest request)
    {
        var world = _joined ?? throw DmEnvRpcException.NotJoined("Reset");
        world.Interrupt(WorldSettings.ReadSeed(request.Settings, "Reset"));
        return new ResetResponse { Specs = world.Specs.Message };
    }

    private ResetWorldResponse ResetWorld(ResetWorldRequest request)
    {
        var world = Find(request.WorldName);
        world.Interrupt(WorldSettings.ReadSeed(request.Settings, "ResetWorld"));
        return new ResetWorldResponse();
    }

    private LeaveWorldResponse LeaveWorld()
    {
        _joined?.Restart();
        _joined = null;
        return new LeaveWorldResponse();
    }

    private async ValueTask<DestroyWorldResponse> DestroyWorldAsync(DestroyWorldRequest request)
    {
        var world = Find(request.WorldName);
        if (ReferenceEquals(world, _joined))
        {
            throw new DmEnvRpcException(StatusCode.FailedPrecondition, DmEnvRpcErrors.AlreadyJoined,
                $"this stream is joined to world '{world.Name}': send LeaveWorld before DestroyWorld");
        }
        _worlds.Remove(world.Name);
        await session.CloseAsync(world.Env).ConfigureAwait(false);
        return new DestroyWorldResponse();
    }

    private World Find(string name) => _worlds.GetValueOrDefault(name)
        ?? throw new DmEnvRpcException(StatusCode.NotFound, DmEnvRpcErrors.UnknownWorld, _worlds.Count == 0
            ? $"no world named '{name}': this stream has created none (CreateWorld makes one; worlds belong to the stream that created them)"
            : $"no world named '{name}' on this stream; its worlds: {string.Join(", ", _worlds.Keys)}");

    private EnvironmentResponse Failed(StatusCode status, string code, string message)
    {
        metrics.RequestFailed(code, deferred: false);
        return new EnvironmentResponse { Error = DmEnvRpcErrors.Status(status, message) };
    }

    /// <summary>Closes every world's env; a failure is logged, not thrown: the stream is over either way.</summary>
    public async ValueTask DisposeAsync()
    {
        _joined = null;
        _worlds.Clear();
        try
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            DmEnvRpcLog.CloseFailed(logger, remote, error);
        }
    }
}
