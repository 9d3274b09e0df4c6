using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// An env as a session holds it, wherever it lives: in this process, in a Python worker, on another node.
/// Native envs complete synchronously (a completed ValueTask allocates nothing); remote ones do real I/O.
/// Every instance renders frames for recordings, wherever it lives, so recording never asks which backend it has.
/// </summary>
public interface IEnvInstance : IAsyncDisposable
{
    /// <summary>The instance id the client sees.</summary>
    string InstanceId { get; }

    /// <summary>Where it runs: "native", "python", ...</summary>
    string Backend { get; }

    EnvSpec Spec { get; }

    Space ObservationSpace { get; }

    Space ActionSpace { get; }

    ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken);

    ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken);

    /// <summary>
    /// The batch this env's resets and steps join while a vector env steps (<see cref="VectorEnv"/> collects and sends
    /// it around each vector reset and step); null for an env that is called alone (the default).
    /// </summary>
    IEnvCallBatch? CallBatch => null;

    /// <summary>
    /// Asks every later reset and step to leave its observation where the backend wrote it (a Python env's shared
    /// memory slot) instead of copying it into the buffer they are given, so that a reply copies it from there once
    /// (<see cref="TryCopyDeferredObservation"/>) and other readers load it into that buffer first
    /// (<see cref="LoadDeferredObservation"/>). Returns false, the default, for an env whose observations always land
    /// in the buffer.
    /// </summary>
    bool DeferObservations() => false;

    /// <summary>
    /// Copies the last reset's or step's observation into <paramref name="destination"/> when it was left where the
    /// backend wrote it and not loaded since; false when the buffer given to that reset or step holds it. Fails with
    /// worker_lost once the worker that wrote it is gone.
    /// </summary>
    bool TryCopyDeferredObservation(Span<byte> destination) => false;

    /// <summary>
    /// Copies a deferred observation into the buffer its reset or step was given, if it is not there yet. Fails with
    /// worker_lost once the worker that wrote it is gone.
    /// </summary>
    void LoadDeferredObservation()
    {
    }

    /// <summary>
    /// Makes sure <see cref="RenderFrameAsync"/> gives frames, before a recording with video starts: a Python env
    /// made without render_mode rgb_array is made again with it (its state is lost: the client resets next). Fails
    /// with the env's error when it cannot render rgb_array frames.
    /// </summary>
    ValueTask PrepareFramesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The current state as an rgb24 frame, for a recording: a C# env draws it whatever its render_mode, a Python env
    /// returns its <c>render()</c>, a remote env's frame comes from its node. Fails with an <see cref="EnvException"/>.
    /// </summary>
    ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken);
}
