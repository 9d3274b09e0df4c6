using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Spaces;

public sealed class ElementValuesTests
{
    public static TheoryData<double[]> Arrays() => new(
        [],
        [2.5],
        [2.5, 2.5, 2.5],
        [double.NegativeInfinity, double.NegativeInfinity],
        [1, 2, 1],
        [7, 7, 7, 9],
        [9, 7, 7, 7]);

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Values_read_back_as_the_array_they_were_made_from(double[] array)
    {
        var values = ElementValues.Of<double>(array);

        Assert.Equal(array.Length, values.Count);
        Assert.Equal(array, values.ToArray());
        Assert.Equal(array, Enumerable.Range(0, array.Length).Select(i => values[i]));
        Assert.Equal(array.Distinct().Count() <= 1, values.IsUniform);
        foreach (var probe in new[] { 2.5, 7.0, 1.0, double.NegativeInfinity })
        {
            Assert.Equal(array.AsSpan().ContainsAnyExcept(probe), values.ContainsAnyExcept(probe));
        }
        Assert.Throws<IndexOutOfRangeException>(() => values[array.Length]);
        Assert.Throws<IndexOutOfRangeException>(() => values[-1]);
    }

    [Fact]
    public void Uniform_values_are_the_value_at_every_index_and_only_there()
    {
        var values = ElementValues.Uniform(255.0, 100_800);

        Assert.True(values.IsUniform);
        Assert.Equal(255.0, values[0]);
        Assert.Equal(255.0, values[100_799]);
        Assert.Throws<IndexOutOfRangeException>(() => values[100_800]);
        Assert.False(values.ContainsAnyExcept(255.0));
        Assert.True(values.ContainsAnyExcept(0.0));
        Assert.All(values.ToArray(), value => Assert.Equal(255.0, value));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElementValues.Uniform(1.0, -1));
    }

    [Fact]
    public void Negative_zero_is_not_the_same_bound_as_zero()
    {
        // They print differently ("-0.0" and "0.0"), so holding one value for both would change a description.
        var values = ElementValues.Of<double>([0.0, -0.0]);

        Assert.False(values.IsUniform);
        Assert.False(double.IsNegative(values[0]));
        Assert.True(double.IsNegative(values[1]));
    }

    [Fact]
    public void A_builder_takes_exactly_its_count_of_values()
    {
        var builder = new ElementValues<bool>.Builder(2);
        builder.Add(true);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        builder.Add(false);
        Assert.Throws<InvalidOperationException>(() => builder.Add(true));
        Assert.Equal([true, false], builder.Build().ToArray());
    }
}
