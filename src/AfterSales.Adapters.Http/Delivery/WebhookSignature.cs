using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Http.Delivery;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</c>
/// keyed with the secret's bytes (<c>whsec_</c> + base64). Our own three lines rather than the StandardWebhooks
/// package, so hosts take no dependency for them; the tests and the docs verify with that package's verifier.
/// </summary>
internal static class WebhookSignature
{
    public const string Prefix = "whsec_";

    /// <summary>The <c>webhook-signature</c> value for a message.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Key(secret) ?? throw new ArgumentException("The secret is not whsec_ followed by base64.", nameof(secret));
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>A new secret: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key bytes of a <c>whsec_</c> secret, or null when it is not one.</summary>
    public static byte[]? Key(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(secret[Prefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
