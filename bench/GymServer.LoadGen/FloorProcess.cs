using System.Diagnostics;
using System.Globalization;

namespace GymServer.LoadGen;

/// <summary>The floor server in a child process of this program, ended when the run is over.</summary>
internal sealed class FloorProcess : IDisposable
{
    private readonly Process _process;

    private FloorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static FloorProcess Start(byte[] reply, int spinLimit)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!Environment.ProcessPath!.EndsWith("GymServer.LoadGen", StringComparison.Ordinal))
        {
            // Started through "dotnet GymServer.LoadGen.dll": run the same assembly again.
            start.ArgumentList.Add(typeof(FloorServer).Assembly.Location);
        }
        start.ArgumentList.Add("floor-server");
        start.ArgumentList.Add(Convert.ToBase64String(reply));
        start.ArgumentList.Add(spinLimit.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the floor server did not start");
        return new FloorProcess(process, int.Parse(line["PORT ".Length..], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
