using GymServer.Engine.Environments.ClassicControl;

namespace GymServer.Tests.Unit.Environments;

/// <summary>
/// numpy 1.24's float32 np.cos/np.sin (AVX2/FMA3 loop), values recorded from numpy 1.24.2 as float32 bits. The
/// large arguments sit next to quadrant boundaries, where x * 2/pi must be fused with the rounding constant as the
/// compiled numpy does; the last three take numpy's C library fallback.
/// </summary>
public sealed class NumpyFloat32TrigTests
{
    [Theory]
    [InlineData(0x00000000u, 0x3f800000u, 0x00000000u)] // 0
    [InlineData(0x80000000u, 0x3f800000u, 0x80000000u)] // -0: sin keeps the sign
    [InlineData(0x3d4ccccdu, 0x3f7fae19u, 0x3d4cb6f5u)] // 0.05
    [InlineData(0xbdbfe5c9u, 0x3f7ee084u, 0xbdbf9defu)] // -0.0937
    [InlineData(0x3f490fdbu, 0x3f3504f3u, 0x3f3504f3u)] // pi/4
    [InlineData(0x3fc90fdbu, 0xb33bbd2eu, 0x3f800000u)] // pi/2
    [InlineData(0x40490fdbu, 0xbf800000u, 0xb3bbbd2eu)] // pi
    [InlineData(0xc0200000u, 0xbf4d17bfu, 0xbf193579u)] // -2.5
    [InlineData(0x41200000u, 0xbf56cd64u, 0xbf0b44f7u)] // 10
    [InlineData(0x478f9ce2u, 0xbf344353u, 0xbf35c5c5u)] // 73529.766
    [InlineData(0xc7afd459u, 0x3f355065u, 0x3f34b962u)] // -90024.695
    [InlineData(0x475218dbu, 0x3f34529bu, 0x3f35b69cu)] // 53784.855
    [InlineData(0xc7116e3bu, 0xbf354281u, 0xbf34c750u)] // -37230.23
    [InlineData(0x478b9a08u, 0x3def8fc6u, 0xbf7e3e19u)] // 71476.0625: the last cosine reduced by numpy
    [InlineData(0x478b9a09u, 0x3dff71beu, 0xbf7e0039u)] // next float: cosine from the C library
    [InlineData(0x47e55e00u, 0xbf7e0089u, 0xbdff5de0u)] // 117436: both from the C library
    [InlineData(0x7149f2cau, 0xbf1c9222u, 0xbf4a89b0u)] // 1e30
    public void Matches_numpy(uint xBits, uint cosBits, uint sinBits)
    {
        var x = BitConverter.UInt32BitsToSingle(xBits);
        Assert.Equal(cosBits, BitConverter.SingleToUInt32Bits(NumpyFloat32Trig.Cos(x)));
        Assert.Equal(sinBits, BitConverter.SingleToUInt32Bits(NumpyFloat32Trig.Sin(x)));
    }

    [Fact]
    public void Nan_gives_nan()
    {
        Assert.True(float.IsNaN(NumpyFloat32Trig.Cos(float.NaN)));
        Assert.True(float.IsNaN(NumpyFloat32Trig.Sin(float.NaN)));
    }
}
