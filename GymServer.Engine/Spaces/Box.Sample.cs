namespace GymServer.Engine.Spaces;

public sealed partial class Box
{
    public override void Sample(Span<byte> destination) =>
        throw new NotImplementedException("Box.sample: implemented with the ziggurat normal and exponential");
}
