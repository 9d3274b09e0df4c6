using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Tcp;

/// <summary>Connections' reply accounts as a connection's read loop drives them.</summary>
internal static class ReplyAccounts
{
    /// <summary>
    /// A connection whose client has left one reply of <paramref name="bytes"/> untaken: its next request reserves
    /// that and a quarter more (<see cref="ReplyBytes.Ran"/>).
    /// </summary>
    public static ReplyBytes Holding(ReplyMemory memory, int bytes, Action<StalledReplies>? close = null)
    {
        var account = memory.ForConnection(close);
        Assert.True(account.TryReserve());
        account.Ran(bytes);
        account.Queued(bytes);
        return account;
    }
}
