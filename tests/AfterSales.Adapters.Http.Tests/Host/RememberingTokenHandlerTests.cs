using System.Security.Claims;
using AfterSales.Host.Identity;
using AfterSales.Http.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Http.Tests.Host;

/// <summary>
/// The host's token handler remembers valid tokens, never refused ones, never past the token's expiry
/// or its own limit, and hands each request its own identity. Whether a result came from memory is
/// told by asking the second time with a key the token was not signed with: only a remembered token
/// passes that check.
/// </summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly SymmetricSecurityKey OtherKey = new(new byte[32]);

    [Fact]
    public async Task ValidToken_AskedAgain_IsRememberedWithItsOwnCopyOfTheIdentity()
    {
        var time = new ManualTime();
        using var handler = new RememberingTokenHandler(time) { MapInboundClaims = false };
        var token = ServiceFactory.Token("acme", ["engineer"], subject: "e-1");

        var first = await handler.ValidateTokenAsync(token, Parameters(ServiceFactory.TestSigningKey));
        Assert.True(first.IsValid);
        first.ClaimsIdentity.AddClaim(new Claim("added", "by the first request"));

        var second = await handler.ValidateTokenAsync(token, Parameters(OtherKey));
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("e-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("acme", second.ClaimsIdentity.FindFirst("tenant_id")?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added"));
        Assert.Same(first.SecurityToken, second.SecurityToken);
    }

    [Fact]
    public async Task RefusedToken_IsCheckedInFullEveryTime()
    {
        var time = new ManualTime();
        using var handler = new RememberingTokenHandler(time);
        var token = ServiceFactory.Token("acme", ["engineer"]);

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(ServiceFactory.TestSigningKey))).IsValid);
    }

    [Fact]
    public async Task ValidToken_ForgottenAfterMaxAge()
    {
        var time = new ManualTime();
        using var handler = new RememberingTokenHandler(time);
        var token = ServiceFactory.Token("acme", ["engineer"], lifetime: TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(ServiceFactory.TestSigningKey))).IsValid);

        time.Advance(RememberingTokenHandler.MaxAge - TimeSpan.FromSeconds(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task ValidToken_NeverRememberedPastItsExpiry()
    {
        var time = new ManualTime();
        using var handler = new RememberingTokenHandler(time);
        var token = ServiceFactory.Token("acme", ["engineer"], lifetime: TimeSpan.FromSeconds(30));
        var first = await handler.ValidateTokenAsync(token, Parameters(ServiceFactory.TestSigningKey));
        Assert.True(first.IsValid);
        Assert.True(first.SecurityToken.ValidTo < time.GetUtcNow().UtcDateTime + RememberingTokenHandler.MaxAge);

        time.Set(first.SecurityToken.ValidTo.AddSeconds(-1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        time.Set(first.SecurityToken.ValidTo);
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = ServiceFactory.TestIssuer,
        ValidAudience = "aftersales",
        IssuerSigningKey = key,
        ClockSkew = TimeSpan.Zero,
    };

    /// <summary>The handler's clock, moved by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;

        public void Set(DateTime utc) => now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
