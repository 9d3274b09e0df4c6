using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GymServer.Web;
using GymServer.Web.Tcp;
using GymServer.Engine.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymServer.RecordingBench;

/// <summary>
/// The real server (the same composition as GymServer.Web's Program) on loopback, and one protocol-2 agent
/// stepping CartPole-v1 with random actions: the step rate an agent sees, with and without a recording.
/// </summary>
internal static class TcpRun
{
    public static async Task<(double StepsPerSecond, long Steps)> RunAsync(int episodes, string? schedule, string mediaRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The dashboard's static assets are listed in GymServer.Web's manifest, copied beside this program.
            ApplicationName = "GymServer.Web",
            Args =
            [
                "--Gym:Tcp:Port=0", "--Gym:Tcp:Address=127.0.0.1", "--Gym:DmEnvRpc:Port=0", "--Gym:Python:Workers=0", "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning", $"--Gym:Media:Root={mediaRoot}", "--Gym:Media:MaxBytes=0",
            ],
        });
        builder.AddGymServer();
        await using var app = builder.Build();
        app.MapGymServer();
        await app.StartAsync();
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, app.Services.GetRequiredService<TcpEndpoints>().Port);
            await using var stream = new NetworkStream(socket);
            var agent = new LineAgent(stream);
            await agent.RequestAsync("{\"server\":{\"protocol\":2}}");
            var instance = (await agent.RequestAsync("{\"make\":{\"id\":\"CartPole-v1\"}}")).GetProperty("instance").GetString();
            if (schedule is not null)
            {
                await agent.RequestAsync($"{{\"record\":{{\"instance\":\"{instance}\",\"video\":\"{schedule}\"}}}}");
            }
            var random = new Random(1);
            var step = new[] { $"{{\"step\":{{\"instance\":\"{instance}\",\"action\":0}}}}", $"{{\"step\":{{\"instance\":\"{instance}\",\"action\":1}}}}" };
            long steps = 0;
            var started = Stopwatch.GetTimestamp();
            for (var episode = 0; episode < episodes; episode++)
            {
                await agent.RequestAsync($"{{\"reset\":{{\"instance\":\"{instance}\",\"seed\":{episode}}}}}");
                while (true)
                {
                    var reply = await agent.RequestAsync(step[random.Next(2)]);
                    steps++;
                    if (reply.GetProperty("terminated").GetBoolean() || reply.GetProperty("truncated").GetBoolean())
                    {
                        break;
                    }
                }
            }
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await app.Services.GetRequiredService<MediaRecorder>().IdleAsync();
            return (steps / seconds, steps);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Sends a request line, reads the reply up to "\r\n\r\n".</summary>
    private sealed class LineAgent(Stream stream)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _filled;

        public async Task<JsonElement> RequestAsync(string line)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
            while (true)
            {
                var end = _buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    using var reply = JsonDocument.Parse(_buffer.AsMemory(0, end));
                    var element = reply.RootElement.Clone();
                    _buffer.AsSpan(end + 4, _filled - end - 4).CopyTo(_buffer);
                    _filled -= end + 4;
                    return element.TryGetProperty("error", out var error) ? throw new InvalidOperationException(error.GetRawText()) : element;
                }
                var read = await stream.ReadAsync(_buffer.AsMemory(_filled));
                if (read == 0)
                {
                    throw new EndOfStreamException("the server closed the connection");
                }
                _filled += read;
            }
        }
    }
}
