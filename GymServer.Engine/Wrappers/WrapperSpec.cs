using System.Text.Json;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// One wrapper of a list a client asks for: its Gymnasium class name and keyword arguments as plain JSON values
/// (<c>{"name":"FrameStackObservation","kwargs":{"stack_size":4}}</c>). A list is applied in order, the first
/// wrapping the env itself, as <c>gymnasium.make_vec(..., wrappers=[...])</c> applies its list.
/// </summary>
public sealed record WrapperSpec(string Name, IReadOnlyDictionary<string, JsonElement>? Kwargs = null);
