using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Events;

/// <summary>
/// Deterministic event ids: a UUID (RFC 9562 version 8) from the SHA-256 of the fact's parts, each
/// length-prefixed so no two tuples share a text. The same fact always gets the same id, on any node.
/// </summary>
internal static class EventIds
{
    public static string For(params string[] parts)
    {
        var text = new StringBuilder("aftersales-event");
        foreach (var part in parts)
        {
            text.Append('|').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant 10
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
