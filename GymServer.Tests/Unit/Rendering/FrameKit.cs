using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Rendering;

/// <summary>Makes envs with render_mode rgb_array from the real registry, steps them with JSON actions, renders frames.</summary>
internal static class FrameKit
{
    public static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static IEnv Make(string id, string kwargsJson = "{}")
    {
        using var document = JsonDocument.Parse(kwargsJson);
        var kwargs = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return Registry.Make(id, kwargs, RenderModes.RgbArrayName);
    }

    public static void Reset(IEnv env, int seed) =>
        env.Reset(new BigInteger(seed), null, new byte[env.ObservationSpace.ByteSize], new EnvInfo());

    /// <summary>Steps with an action given as JSON (<c>1</c>, <c>[0.5]</c>).</summary>
    public static StepResult Step(IEnv env, string actionJson)
    {
        var action = new byte[env.ActionSpace.ByteSize];
        using var document = JsonDocument.Parse(actionJson);
        env.ActionSpace.ReadValue(document.RootElement, action);
        return env.Step(action, new byte[env.ObservationSpace.ByteSize], new EnvInfo());
    }

    public static RgbImage Render(IEnv env)
    {
        var renderable = (IRenderable)env;
        var frame = new RgbImage(renderable.FrameShape, new byte[renderable.FrameShape.ByteSize]);
        renderable.Render(frame.Pixels);
        return frame;
    }

    /// <summary>The smallest rectangle (left, top, right, bottom; inclusive) holding every pixel that differs.</summary>
    public static (int Left, int Top, int Right, int Bottom)? ChangedArea(RgbImage before, RgbImage after)
    {
        Assert.Equal(before.Shape, after.Shape);
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var i = 0; i < before.Pixels.Length; i += 3)
        {
            if (before.Pixels.AsSpan(i, 3).SequenceEqual(after.Pixels.AsSpan(i, 3)))
            {
                continue;
            }
            var pixel = i / 3;
            var (row, column) = (pixel / before.Shape.Width, pixel % before.Shape.Width);
            (left, top) = (Math.Min(left, column), Math.Min(top, row));
            (right, bottom) = (Math.Max(right, column), Math.Max(bottom, row));
        }
        return right < 0 ? null : (left, top, right, bottom);
    }
}
