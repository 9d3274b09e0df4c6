using System.Buffers;

namespace GymServer.Protocol.Framing;

/// <summary>
/// Where a <see cref="ReplyBuffer"/> takes its storage once it outgrows a few KiB (a pixel reply's hundreds of KiB).
/// The server gives each connection's buffers one that counts every byte it hands out against the node's reply memory
/// and gives the memory back to the system when the buffer lets it go; without one, buffers rent from the shared
/// <see cref="ArrayPool{T}"/>.
/// </summary>
public interface IReplyStorage
{
    /// <summary>Storage of at least <paramref name="minimumBytes"/>; disposing the owner gives it back.</summary>
    IMemoryOwner<byte> Rent(int minimumBytes);
}
