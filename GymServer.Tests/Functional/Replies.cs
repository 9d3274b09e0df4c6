using System.Text.Json;

namespace GymServer.Tests.Functional;

/// <summary>Assertions on protocol replies.</summary>
public static class Replies
{
    /// <summary>The reply is exactly an error object with this code and a message containing the part.</summary>
    public static void AssertError(JsonElement reply, string code, string messagePart)
    {
        Assert.True(reply.TryGetProperty("error", out var error), $"expected an error, got {reply.GetRawText()}");
        Assert.Equal(["error"], reply.EnumerateObject().Select(property => property.Name));
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
