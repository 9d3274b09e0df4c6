using GymServer.Engine.Sessions;

namespace GymServer.Web.Dashboard;

/// <summary>
/// The episodes that ended on a node since the previous batch (the <c>episodes</c> hub message), oldest first.
/// Under heavy load only the newest <see cref="StatsBroadcaster.MaxBatch"/> are sent; <see cref="Dropped"/> says
/// how many were left out (the snapshot's episode count stays exact).
/// </summary>
public sealed record EpisodeBatch(string Node, DateTimeOffset At, IReadOnlyList<EpisodeRecord> Episodes, long Dropped);
