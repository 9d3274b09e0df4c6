using GymServer.Engine.Recording;
using Microsoft.Net.Http.Headers;

namespace GymServer.Web.Api;

/// <summary>
/// Serves the media root at /media/: videos, thumbnails and metadata with their content types and range requests
/// (browsers seek in videos), and listings of the root and of each instance folder (HTML, or JSON when asked).
/// A path is made only of segments <see cref="MediaPaths"/> accepts; anything else is refused, never resolved.
/// </summary>
public static class MediaEndpoints
{
    public const string Prefix = "/media";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [MediaPaths.VideoExtension] = "video/mp4",
        [MediaPaths.ThumbnailExtension] = "image/png",
        [MediaPaths.MetadataExtension] = "application/json",
    };

    /// <summary>The address of a file of an instance's folder, as pages link to it.</summary>
    public static string FileUrl(string instance, string file) => $"{Prefix}/{Uri.EscapeDataString(instance)}/{Uri.EscapeDataString(file)}";

    public static WebApplication MapGymMedia(this WebApplication app)
    {
        // The catch-all also matches /media itself (redirected to /media/ below).
        app.MapGet(Prefix + "/{**path}", Get);
        return app;
    }

    private static IResult Get(HttpContext context, MediaLibrary library)
    {
        if (context.Request.Path.Value == Prefix)
        {
            return Results.Redirect(Prefix + "/");
        }
        if (!context.Request.Path.StartsWithSegments(Prefix, out var rest) || Split(rest.Value) is not { } segments)
        {
            return Results.BadRequest("a media path is /media/, /media/<instance>/ or /media/<instance>/<file>, in plain names");
        }
        var full = MediaPaths.Resolve(library.Root, segments);
        if (full is null)
        {
            return Results.NotFound();
        }
        if (segments.Count == 0 || (segments.Count == 1 && Directory.Exists(full)))
        {
            var instance = segments.Count == 0 ? null : segments[0];
            if (instance is not null && !rest.Value!.EndsWith('/'))
            {
                // Relative links in the listing need the folder's trailing slash.
                return Results.Redirect($"{Prefix}/{instance}/");
            }
            var entries = library.List(instance);
            return WantsJson(context.Request)
                ? Results.Content(MediaListing.Json(instance, entries), "application/json")
                : Results.Content(MediaListing.Html(instance, entries), "text/html; charset=utf-8");
        }
        if (segments.Count != 2 || !File.Exists(full) || !ContentTypes.TryGetValue(Path.GetExtension(full), out var contentType))
        {
            return Results.NotFound();
        }
        return Results.File(full, contentType, lastModified: File.GetLastWriteTimeUtc(full), enableRangeProcessing: true);
    }

    /// <summary>
    /// The path's segments after /media, or null when it holds anything but plain names: an escaped character
    /// left by the decoder (an encoded slash), a backslash, a dot segment or an empty segment.
    /// </summary>
    private static List<string>? Split(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return [];
        }
        if (path[0] != '/' || path.AsSpan().IndexOfAny('%', '\\', '\0') >= 0)
        {
            return null;
        }
        var trimmed = path.EndsWith('/') ? path[1..^1] : path[1..];
        var segments = trimmed.Split('/');
        return segments.Any(segment => segment.Length == 0 || segment == "." || segment == "..") ? null : [.. segments];
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
