using System.Runtime.InteropServices;

namespace GymServer.Engine.Random;

/// <summary>
/// C library functions numpy's samplers call that .NET has no bit-identical twin for. <c>double.LogP1</c> is
/// <c>log(1 + x)</c>, which rounds 1 + x first and so differs from C's <c>log1p</c> in the last bits; numpy's
/// ziggurat tails use <c>log1p</c>. (<c>Math.Exp</c> already calls the C library's <c>exp</c>.) On Linux this is
/// glibc's libm, the library the reference numpy used.
/// </summary>
internal static class CMath
{
    public static double Log1P(double x) =>
        OperatingSystem.IsWindows() ? Ucrt.Log1P(x)
        : OperatingSystem.IsMacOS() ? LibSystem.Log1P(x)
        : LibM.Log1P(x);

    private static class LibM
    {
        [DllImport("libm.so.6", EntryPoint = "log1p", ExactSpelling = true)]
        public static extern double Log1P(double x);
    }

    private static class Ucrt
    {
        [DllImport("ucrtbase.dll", EntryPoint = "log1p", ExactSpelling = true)]
        public static extern double Log1P(double x);
    }

    private static class LibSystem
    {
        [DllImport("/usr/lib/libSystem.dylib", EntryPoint = "log1p", ExactSpelling = true)]
        public static extern double Log1P(double x);
    }
}
