using GymServer.Engine.Environments;
using GymServer.Protocol.Values;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>Copies an <see cref="EnvInfo"/> into grain messages and back, keeping every entry's kind.</summary>
public static class InfoItems
{
    public static InfoItemMessage[] From(EnvInfo info)
    {
        if (info.Count == 0)
        {
            return [];
        }
        var items = new InfoItemMessage[info.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = info[i];
            // Payloads are the env's reused buffers: copy them, the message outlives the step.
            byte[]? payload = entry.Kind switch
            {
                InfoKind.Int8Array => [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(entry.Int8Array)],
                InfoKind.RawJson => entry.RawJson.ToArray(),
                _ => null,
            };
            items[i] = new InfoItemMessage(entry.Key, (int)entry.Kind, entry.Float, entry.Integer, payload);
        }
        return items;
    }

    public static void CopyTo(InfoItemMessage[] items, EnvInfo info)
    {
        info.Clear();
        foreach (var item in items)
        {
            switch ((InfoKind)item.Kind)
            {
                case InfoKind.Float:
                    info.Add(item.Key, item.Float);
                    break;
                case InfoKind.Integer:
                    info.Add(item.Key, item.Integer);
                    break;
                case InfoKind.Boolean:
                    info.Add(item.Key, item.Integer != 0);
                    break;
                case InfoKind.Int8Array:
                    info.Add(item.Key, (sbyte[])(Array)(item.Payload ?? []));
                    break;
                case InfoKind.RawJson:
                    info.AddRawJson(item.Key, item.Payload ?? "null"u8.ToArray());
                    break;
                default:
                    throw new InvalidOperationException($"info entry '{item.Key}' has unknown kind {item.Kind}");
            }
        }
    }
}
