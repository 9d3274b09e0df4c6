using System.Text;

namespace GymServer.LoadGen;

/// <summary>The request lines, exactly as the C++ client writes a step.</summary>
public static class Requests
{
    public static readonly byte[][] Steps =
    [
        Encoding.ASCII.GetBytes("{\"step\":{\"action\":0, \"render\":0}}\r\n"),
        Encoding.ASCII.GetBytes("{\"step\":{\"action\":1, \"render\":0}}\r\n"),
    ];

    public static readonly byte[] Reset = Encoding.ASCII.GetBytes("{\"env\":{\"action\": \"reset\"}}\r\n");

    public static readonly byte[] ActionSpace = Encoding.ASCII.GetBytes("{\"env\":{\"action\": \"actionspace\"}}\r\n");

    public static byte[] Make(string envId) => Encoding.ASCII.GetBytes($"{{\"env\":{{\"name\": \"{envId}\"}}}}\r\n");
}
