namespace GymServer.Protocol.Spaces;

/// <summary>How a value's float32 elements are written as JSON; every form reads back to the same float32.</summary>
public enum Float32Json
{
    /// <summary>As the float64 they convert to exactly (0.1f as 0.10000000149011612): what numpy's tolist() and
    /// Gymnasium give, and what the server writes.</summary>
    AsFloat64,

    /// <summary>The fewest digits that read back as the same float32 (0.1f as 0.1): what the C# client sends.</summary>
    Shortest,
}
