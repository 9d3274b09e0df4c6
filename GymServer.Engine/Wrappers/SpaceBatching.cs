using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>batch_space(space, n)</c> and <c>concatenate(space, items)</c>, as FrameStackObservation uses
/// them: a Box gains a leading axis of n, a Discrete becomes a MultiDiscrete of n, a MultiDiscrete and a MultiBinary
/// become Boxes of their dtype (bounds start .. start + nvec - 1, and 0 .. 1), a Tuple and a Dict batch each part
/// (a Dict's keys then sorted, as a plain dict makes Gymnasium sort them). A stacked value holds, for each leaf in
/// the batched layout, the n frames' values of that leaf, oldest first.
/// </summary>
internal sealed class SpaceBatching
{
    private readonly Segment[] _segments;
    private readonly int _frameSize;
    private readonly bool _wholeFrames;

    public SpaceBatching(Space space, int n)
    {
        var segments = new List<Segment>();
        Space = Batch(space, 0, n, segments);
        _segments = [.. segments];
        _frameSize = space.ByteSize;
        Count = n;
        _wholeFrames = _segments is [{ Offset: 0 } only] && only.From == only.To && only.Elements * DTypes.SizeOf(only.From) == _frameSize;
    }

    /// <summary>The batched space.</summary>
    public Space Space { get; }

    public int Count { get; }

    /// <summary>
    /// Writes the stacked value of the frames held in <paramref name="ring"/> (Count frames one after another), the
    /// oldest in slot <paramref name="oldest"/> and the others following it round the ring.
    /// </summary>
    public void Stack(ReadOnlySpan<byte> ring, int oldest, Span<byte> output)
    {
        if (_wholeFrames)
        {
            // Frames stack as they are (a Box, a Discrete, a MultiBinary): the ring from the oldest slot on, then
            // the slots before it.
            var split = oldest * _frameSize;
            ring[split..].CopyTo(output);
            ring[..split].CopyTo(output[(ring.Length - split)..]);
            return;
        }
        var position = 0;
        foreach (var segment in _segments)
        {
            var fromSize = DTypes.SizeOf(segment.From);
            var toSize = DTypes.SizeOf(segment.To);
            for (var j = 0; j < Count; j++)
            {
                var slot = (oldest + j) % Count;
                var source = ring.Slice((slot * _frameSize) + segment.Offset, segment.Elements * fromSize);
                if (segment.From == segment.To)
                {
                    source.CopyTo(output[position..]);
                }
                else
                {
                    var destination = output.Slice(position, segment.Elements * toSize);
                    for (var e = 0; e < segment.Elements; e++)
                    {
                        NumpyTypes.Cast(source, segment.From, e, destination, segment.To, e);
                    }
                }
                position += segment.Elements * toSize;
            }
        }
    }

    private static Space Batch(Space space, int offset, int n, List<Segment> segments)
    {
        switch (space)
        {
            case Box box:
                segments.Add(new Segment(offset, box.Count, box.DType, box.DType));
                return BoxBound.CreateBox(
                    Tile(Enumerable.Range(0, box.Count).Select(i => BoxBound.Low(box, i)), n),
                    Tile(Enumerable.Range(0, box.Count).Select(i => BoxBound.High(box, i)), n),
                    [n, .. box.Shape],
                    box.DType);
            case Discrete discrete:
                segments.Add(new Segment(offset, 1, DType.Int64, DType.Int64));
                return new MultiDiscrete(Enumerable.Repeat(discrete.N, n).ToArray(), Enumerable.Repeat(discrete.Start, n).ToArray(), null, discrete.DType);
            case MultiDiscrete multi:
                // Held as int64 whatever the dtype; the Box holds the dtype itself.
                segments.Add(new Segment(offset, multi.Count, DType.Int64, multi.DType));
                var starts = multi.Start.ToArray();
                var nvec = multi.Nvec.ToArray();
                return BoxBound.CreateBox(
                    Tile(starts.Select(start => BoxBound.Integer(start)), n),
                    Tile(starts.Zip(nvec, (start, count) => BoxBound.Integer((Int128)start + count - 1)), n),
                    [n, .. multi.Shape],
                    multi.DType);
            case MultiBinary bits:
                segments.Add(new Segment(offset, bits.Count, DType.Int8, DType.Int8));
                return new Box(0, 1, [n, .. bits.Shape], DType.Int8);
            case TupleSpace tuple:
                var batchedParts = new Space[tuple.Spaces.Count];
                for (var i = 0; i < batchedParts.Length; i++)
                {
                    batchedParts[i] = Batch(tuple.Spaces[i], offset + tuple.ElementRange(i).Start.Value, n, segments);
                }
                return new TupleSpace(batchedParts);
            case DictSpace dict:
                // Batched in the sorted order the batched Dict lays its values out in.
                var batchedKeys = new Dictionary<string, Space>();
                foreach (var key in dict.Keys.Order(CodePointComparer.Instance))
                {
                    batchedKeys[key] = Batch(dict[key], offset + dict.ElementRange(key).Start.Value, n, segments);
                }
                return new DictSpace(batchedKeys);
            default:
                throw new ArgumentException($"cannot batch a {space.TypeName} space", nameof(space));
        }
    }

    private static List<BoxBound> Tile(IEnumerable<BoxBound> bounds, int n)
    {
        var one = bounds.ToList();
        return [.. Enumerable.Repeat(one, n).SelectMany(frame => frame)];
    }

    /// <summary>One leaf's elements: where they start in a frame, how many, and the dtype held and stacked.</summary>
    private readonly record struct Segment(int Offset, int Elements, DType From, DType To);
}
