using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Identity;

/// <summary>
/// The JSON web token handler, remembering for a short while the tokens it found valid. A client
/// sends the same token with every request until it expires, and no option of the handler spares
/// decoding it, checking its signature and building its claims again on every request: remembering
/// them took GET of a ticket from 16,778 to 20,114 and from 17,015 to 18,498 requests per second in two
/// A/B rounds under load (benchmarks/README.md, "Remembered bearer tokens").
/// </summary>
/// <remarks>
/// <para>Only valid results are kept, by the token's exact text, for at most <see cref="MaxAge"/> and
/// never past the token's own expiry (without the clock skew the full check allows). A refused token
/// is checked in full every time, so bad tokens cannot fill the memory; at most
/// <see cref="Capacity"/> tokens are kept.</para>
/// <para>Each request gets its own copy of the identity: claims a request adds never reach the next.
/// A signing key the issuer withdraws stops the tokens it signed only once they are forgotten, after
/// <see cref="MaxAge"/> at most.</para>
/// </remarks>
internal sealed class RememberingTokenHandler : JsonWebTokenHandler, IDisposable
{
    /// <summary>How many valid tokens are remembered at most.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long a valid token is remembered at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly TimeProvider time;
    private readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public RememberingTokenHandler(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (token is not null && remembered.TryGetValue(token, out Valid? valid) && now < valid!.Until)
        {
            return valid.Copy();
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (token is not null && result is { IsValid: true, SecurityToken: { } securityToken, ClaimsIdentity: { } identity })
        {
            var until = now + MaxAge;
            if (securityToken.ValidTo != DateTime.MinValue && securityToken.ValidTo < until)
            {
                until = securityToken.ValidTo;
            }

            if (now < until)
            {
                remembered.Set(token, new Valid(result, identity.Clone(), until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            }
        }

        return result;
    }

    public void Dispose() => remembered.Dispose();

    /// <summary>A valid result and when to forget it. It keeps its own copy of the identity (the first request may change the one it got) and hands out copies of that.</summary>
    private sealed class Valid(TokenValidationResult result, ClaimsIdentity identity, DateTime until)
    {
        public DateTime Until { get; } = until;

        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            SecurityToken = result.SecurityToken,
            ClaimsIdentity = identity.Clone(),
            Issuer = result.Issuer,
            TokenType = result.TokenType,
            TokenContext = result.TokenContext,
        };
    }
}
