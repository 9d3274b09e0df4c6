using System.Text.Json.Nodes;

namespace GymServer.Client;

/// <summary>
/// Protocol 1's reply compression: after <c>{"server":{"compression":"9"}}</c> every reply body is a zlib stream
/// followed by a plain "\r\n\r\n"; making an env, level "0" or the protocol-2 handshake turn it off.
/// </summary>
public sealed partial class GymConnection
{
    private bool _compressed;

    /// <summary>Whether replies are compressed now (protocol 1, after a compression request).</summary>
    public bool RepliesCompressed => _compressed;

    /// <summary>Follows the requests that turn compression on or off, so replies are read as the server writes them.</summary>
    private void TrackCompression(JsonNode request)
    {
        if (request is not JsonObject command)
        {
            return;
        }
        if (command["server"] is JsonObject server)
        {
            if (server["compression"] is JsonValue level)
            {
                _compressed = level.ToString() != "0";
            }
            else if (server.ContainsKey("protocol"))
            {
                _compressed = false;
            }
        }
        else if (command["env"] is JsonObject env && env.ContainsKey("name"))
        {
            _compressed = false;
        }
    }
}
