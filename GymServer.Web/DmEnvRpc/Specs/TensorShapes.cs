using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>A tensor's shape as the protocol defines it: a negative dimension to be worked out, one element to fill it.</summary>
internal static class TensorShapes
{
    /// <summary>
    /// The shape of <paramref name="tensor"/> with its negative dimension (at most one) worked out from the payload's
    /// <paramref name="count"/> elements; null with <paramref name="error"/> set when the two do not fit. A payload of
    /// one element fits any shape without a negative dimension: it fills it.
    /// </summary>
    public static int[]? Resolve(Tensor tensor, int count, out string? error)
    {
        error = null;
        var shape = tensor.Shape.ToArray();
        var variable = Array.FindAll(shape, dimension => dimension < 0).Length;
        if (variable > 1)
        {
            error = $"shape {Text(shape)} has {variable} negative dimensions; at most one may be";
            return null;
        }
        // The product of the known dimensions; past int.MaxValue no payload can match, so it stops growing there.
        long known = 1;
        foreach (var dimension in shape)
        {
            if (dimension >= 0)
            {
                known = Math.Min(known * dimension, (long)int.MaxValue + 1);
            }
        }
        if (variable == 1)
        {
            if (known == 0 || count % known != 0)
            {
                error = $"{count} element(s) do not fill shape {Text(shape)}";
                return null;
            }
            shape[Array.FindIndex(shape, dimension => dimension < 0)] = (int)(count / known);
            return shape;
        }
        if (count != known && count != 1)
        {
            error = $"{count} element(s) do not fill shape {Text(shape)} ({known} elements)";
            return null;
        }
        return shape;
    }

    /// <summary>A shape as Python writes a list: <c>[2, 3]</c>, <c>[]</c> for a scalar.</summary>
    public static string Text(IEnumerable<int> shape) => "[" + string.Join(", ", shape) + "]";
}
