using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Recording;

/// <summary>Renders a recorded env's current state as an rgb_array frame, wherever the env lives.</summary>
internal abstract class FrameSource
{
    public abstract ValueTask<RenderedFrame> RenderAsync(CancellationToken cancellationToken);

    /// <summary>The source for an env, or null when its backend cannot render for a recording.</summary>
    public static FrameSource? For(IEnvInstance instance) => instance switch
    {
        NativeEnvInstance { Env: NativeEnv native } => new NativeFrameSource(native),
        PythonEnvInstance python => new PythonFrameSource(python),
        _ => null,
    };
}
