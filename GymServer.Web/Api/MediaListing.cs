using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Engine.Recording;

namespace GymServer.Web.Api;

/// <summary>A media folder's listing: HTML for people, JSON for programs (the dashboard).</summary>
internal static class MediaListing
{
    /// <summary>
    /// <c>{"path":"3f2a9c0d1b7e4/","entries":[{"name","type":"file"|"folder","bytes","modified","url"}]}</c>; each url
    /// is relative to /media/.
    /// </summary>
    public static string Json(string? instance, IReadOnlyList<MediaEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("path", instance is null ? "" : instance + "/");
            writer.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("name", entry.Name);
                writer.WriteString("type", entry.IsFolder ? "folder" : "file");
                writer.WriteNumber("bytes", entry.Bytes);
                writer.WriteString("modified", entry.Modified.UtcDateTime);
                writer.WriteString("url", Url(instance, entry));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Html(string? instance, IReadOnlyList<MediaEntry> entries)
    {
        var html = HtmlEncoder.Default;
        var title = html.Encode("/media/" + (instance is null ? "" : instance + "/"));
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>")
            .Append("<h1>").Append(title).Append("</h1><ul>");
        if (instance is not null)
        {
            page.Append("<li><a href=\"/media/\">all instances</a></li>");
        }
        foreach (var entry in entries)
        {
            page.Append("<li><a href=\"/media/").Append(html.Encode(Url(instance, entry))).Append("\">")
                .Append(html.Encode(entry.Name + (entry.IsFolder ? "/" : ""))).Append("</a> ")
                .Append(entry.Bytes.ToString(CultureInfo.InvariantCulture)).Append(" bytes, ")
                .Append(entry.Modified.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)).Append("</li>");
        }
        if (entries.Count == 0)
        {
            page.Append("<li>nothing recorded yet</li>");
        }
        return page.Append("</ul></body></html>").ToString();
    }

    private static string Url(string? instance, MediaEntry entry) =>
        (instance is null ? "" : instance + "/") + entry.Name + (entry.IsFolder ? "/" : "");
}
