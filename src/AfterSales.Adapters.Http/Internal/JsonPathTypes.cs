using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AfterSales.Http.Internal;

/// <summary>
/// The declared type of the field a System.Text.Json error path names (<c>$.definition.weeklyHours[0].start</c>),
/// found through the serializer's own contract, so a 400 can say what the field must be without quoting a
/// .NET type name.
/// </summary>
internal static class JsonPathTypes
{
    /// <summary>The type at <paramref name="path"/> below <paramref name="root"/>; <see langword="null"/> when the path cannot be followed.</summary>
    public static Type? Resolve(JsonSerializerOptions options, Type root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return null;
        }

        Type? type = root;
        var i = 1;
        while (i < path.Length && type is not null)
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            int end;
            if (path[i] == '.')
            {
                end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                type = Member(info, path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                type = end < 0 ? null : Member(info, path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                end = path.IndexOf(']', i);
                type = end < 0 ? null : info.ElementType;
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return type;
    }

    /// <summary>The node at <paramref name="path"/> below <paramref name="root"/>; <see langword="null"/> when the path cannot be followed.</summary>
    public static JsonNode? Navigate(JsonNode? root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return null;
        }

        var node = root;
        var i = 1;
        while (i < path.Length && node is not null)
        {
            int end;
            if (path[i] == '.')
            {
                end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                node = (node as JsonObject)?[path[(i + 1)..end]];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                node = end < 0 ? null : (node as JsonObject)?[path[(i + 2)..end]];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                end = path.IndexOf(']', i);
                node = end > i && int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && node is JsonArray array && index < array.Count
                    ? array[index]
                    : null;
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return node;
    }

    private static Type? Member(JsonTypeInfo info, string name)
    {
        if (info.Kind == JsonTypeInfoKind.Dictionary)
        {
            return info.ElementType;
        }

        var comparison = info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison))?.PropertyType;
    }
}
