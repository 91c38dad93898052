using System.Net;
using System.Net.Sockets;

namespace AfterSales.Http.Delivery;

/// <summary>
/// Which webhook URLs the service calls: absolute http or https, no user info, and no loopback, private,
/// link-local, unique-local, shared (CGNAT) or unspecified address unless the host is allow-listed
/// (<see cref="AfterSalesHttpOptions.WebhookAllowedHosts"/>). Checked when subscribing and again on every
/// connection, against what the name resolves to then (a name may be re-pointed inside).
/// </summary>
internal sealed class WebhookUrlPolicy(IEnumerable<string> allowedHosts)
{
    private readonly HashSet<string> allowed = new(allowedHosts, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="url"/> is refused, or null when it is acceptable.</summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry user info; authenticate the request by its signature.";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (IsAllowed(host))
        {
            return null;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "url must not name a loopback host unless WebhookAllowedHosts names it.";
        }

        return IPAddress.TryParse(host, out var address) && IsInternal(address)
            ? "url must not name a loopback, private or link-local address unless WebhookAllowedHosts names it."
            : null;
    }

    public bool IsAllowed(string host) => allowed.Contains(host.TrimEnd('.')) || allowed.Contains(host.Trim('[', ']'));

    /// <summary>The connection callback of the webhook client: resolves the host and connects only to addresses the policy accepts.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var usable = IsAllowed(host) ? addresses : [.. addresses.Where(static a => !IsInternal(a))];
        if (usable.Length == 0)
        {
            throw new HttpRequestException($"The webhook host '{host}' resolves only to internal addresses, which WebhookAllowedHosts does not allow.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loopback, private (RFC 1918), CGNAT, link-local, unspecified, the IETF and documentation ranges
    /// (192.0.0.0/24, 192.0.2.0/24, 198.18.0.0/15, 198.51.100.0/24, 203.0.113.0/24), multicast and reserved,
    /// unique-local; IPv4-mapped addresses as their IPv4.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19 || (b[1] == 51 && b[2] == 100)))
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || b[0] >= 224;
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
    }
}
