using System.Text.Json;

namespace GymServer.Web.Cluster;

/// <summary>HTTP: <c>GET /cluster/nodes</c>, every node with its snapshot (for the dashboard and scripts).</summary>
public static class ClusterEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static WebApplication MapGymCluster(this WebApplication app)
    {
        app.MapGet("/cluster/nodes", (INodeDirectory directory) => Results.Json(directory.Nodes, Json));
        return app;
    }
}
