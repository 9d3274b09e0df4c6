using System.Runtime.InteropServices;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// One value per element of a space, held as a single value when every element has the same one. A Box's bounds
/// are almost always uniform (an image's 0 and 255, Box(-inf, inf)); held per element, an Atari frame's 100,800
/// bounds take 806 KB a side, for every env a server holds. Immutable: an array it holds is its own.
/// </summary>
/// <remarks>
/// Values are the same when their bits are: 0.0 and -0.0 are different bounds (they print differently), so a Box of
/// both is not uniform.
/// </remarks>
public readonly struct ElementValues<T>
    where T : unmanaged, IEquatable<T>
{
    private readonly T _uniform;
    private readonly T[]? _values;

    private ElementValues(int count, T uniform, T[]? values) => (Count, _uniform, _values) = (count, uniform, values);

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>Whether every element has the same value (also when there are no elements).</summary>
    public bool IsUniform => _values is null;

    /// <summary>The value of element <paramref name="index"/>.</summary>
    public T this[int index]
    {
        get
        {
            if (_values is not null)
            {
                return _values[index];
            }
            return (uint)index < (uint)Count ? _uniform : throw new IndexOutOfRangeException($"element {index} of {Count}");
        }
    }

    /// <summary><paramref name="value"/> for each of <paramref name="count"/> elements.</summary>
    public static ElementValues<T> Uniform(T value, int count) =>
        count >= 0 ? new(count, value, null) : throw new ArgumentOutOfRangeException(nameof(count), count, "must not be negative");

    /// <summary>The values given (copied, unless they are all the same).</summary>
    public static ElementValues<T> Of(ReadOnlySpan<T> values)
    {
        var builder = new Builder(values.Length);
        foreach (var value in values)
        {
            builder.Add(value);
        }
        return builder.Build();
    }

    /// <summary>Whether some element's value is not <paramref name="value"/> (<see cref="IEquatable{T}"/>'s equality).</summary>
    public bool ContainsAnyExcept(T value) =>
        _values is not null ? _values.AsSpan().ContainsAnyExcept(value) : Count > 0 && !_uniform.Equals(value);

    /// <summary>A new array of the values, for callers that need one.</summary>
    public T[] ToArray()
    {
        if (_values is not null)
        {
            return [.. _values];
        }
        var array = new T[Count];
        Array.Fill(array, _uniform);
        return array;
    }

    private static bool SameBits(T left, T right) =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in left)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in right)));

    /// <summary>
    /// Takes the values one at a time and makes an array only at the first value that differs from those before,
    /// so a uniform run of any length is never held per element.
    /// </summary>
    public sealed class Builder(int count)
    {
        private T _first;
        private T[]? _values;

        /// <summary>How many values have been added.</summary>
        public int Added { get; private set; }

        /// <summary>Adds the value of the next element.</summary>
        public void Add(T value)
        {
            if (Added == count)
            {
                throw new InvalidOperationException($"all {count} values were already added");
            }
            if (Added == 0)
            {
                _first = value;
            }
            else if (_values is null && !SameBits(value, _first))
            {
                _values = new T[count];
                _values.AsSpan(0, Added).Fill(_first);
            }
            if (_values is not null)
            {
                _values[Added] = value;
            }
            Added++;
        }

        /// <summary>The values, once each element has one.</summary>
        public ElementValues<T> Build() =>
            Added == count
                ? new(count, _values is null ? _first : default, _values)
                : throw new InvalidOperationException($"{Added} of {count} values were added");
    }
}

/// <summary>Makes <see cref="ElementValues{T}"/> without naming the type argument.</summary>
public static class ElementValues
{
    /// <inheritdoc cref="ElementValues{T}.Uniform"/>
    public static ElementValues<T> Uniform<T>(T value, int count)
        where T : unmanaged, IEquatable<T> => ElementValues<T>.Uniform(value, count);

    /// <inheritdoc cref="ElementValues{T}.Of"/>
    public static ElementValues<T> Of<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IEquatable<T> => ElementValues<T>.Of(values);
}
