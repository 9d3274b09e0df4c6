using System.Buffers;
using System.Text;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V1;
using GymServer.Web.Tcp.States;

namespace GymServer.Tests.Infrastructure;

/// <summary>
/// Connection states without a connection: a session of native envs, the scope the states share, and an observer
/// that records what the states report. Tests hand requests to a state as the read loop would.
/// </summary>
public sealed class StateHarness : IConnectionObserver, IAsyncDisposable
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public StateHarness(int maxEnvs = 16, int maxLineLength = 1024 * 1024)
    {
        Session = new Session(new EnvCatalog([new NativeEnvProvider(Registry)]), ClientAdmission.WithoutNode(maxEnvs));
        Scope = new ConnectionScope(Session, maxLineLength, this, CancellationToken.None);
    }

    public Session Session { get; }

    public ConnectionScope Scope { get; }

    /// <summary>Fail the test on any error a state reports (the allocation tests, which expect none).</summary>
    public bool FailOnErrors { get; init; }

    /// <summary>Every error code a state replied with or deferred, in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Runs one request line (without its terminator) and returns the state for the next one.</summary>
    public static async Task<ConnectionState> RunLineAsync(ConnectionState state, string line, ReplyBuffer output) =>
        await state.RunAsync(TcpRequest.Line(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line))), output);

    /// <summary>The replies written to <paramref name="output"/>, each without its "\r\n\r\n".</summary>
    public static string[] Replies(ReplyBuffer output) =>
        Encoding.UTF8.GetString(output.WrittenSpan).Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);

    public void OnDeferredError(RequestKind kind, WireException error) => Report(error.Code, $"{kind}: {error.Message}");

    public void OnErrorReplied(string code) => Report(code, code);

    public void OnUnexpectedError(RequestKind kind, Exception error) => Assert.Fail($"{kind}: {error}");

    public void OnUnexpectedError(string command, Exception error) => Assert.Fail($"{command}: {error}");

    public void OnAuthenticated()
    {
    }

    public void OnAuthRefused(int failures)
    {
    }

    public void RequestClose(string code, string message) => Assert.Fail($"close requested: {code}: {message}");

    public ValueTask DisposeAsync() => Session.DisposeAsync();

    private void Report(string code, string message)
    {
        if (FailOnErrors)
        {
            Assert.Fail(message);
        }
        Errors.Add(code);
    }
}
