using System.Globalization;

namespace GymServer.Soak;

/// <summary>The server process seen through /proc: its resident memory, and its Python worker children.</summary>
public static class ServerProcess
{
    /// <summary>VmRSS from /proc/&lt;pid&gt;/status, in KiB; 0 if unreadable.</summary>
    public static long RssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    /// <summary>The pids of the server's child processes whose command is a Python interpreter.</summary>
    public static List<int> PythonWorkers(int serverPid)
    {
        var workers = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // "pid (comm) state ppid ...": comm may hold spaces, so split after its closing parenthesis.
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == serverPid && comm.StartsWith("python", StringComparison.Ordinal))
                {
                    workers.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }
        return workers;
    }
}
