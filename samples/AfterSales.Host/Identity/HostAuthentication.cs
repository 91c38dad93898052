using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Identity;

/// <summary>
/// The sample host's bearer tokens, from the <c>AfterSales:Jwt</c> settings: either an OpenID Connect
/// <c>Authority</c> (the issuer's keys are fetched from its discovery document), or a symmetric
/// <c>SigningKey</c> (base64, at least 32 bytes) with an <c>Issuer</c> — the development settings ship one,
/// and the <c>token</c> command signs with it. Claims are read as the token names them: <c>sub</c>,
/// <c>name</c>, <c>role</c>, <c>tenant_id</c>.
/// </summary>
internal static class HostAuthentication
{
    public const string Section = "AfterSales:Jwt";

    public static void AddBearerTokens(this WebApplicationBuilder builder)
    {
        var settings = JwtSettings.From(builder.Configuration);
        if (settings.Authority is null && settings.SigningKey is null)
        {
            throw new InvalidOperationException(
                $"{Section}: set Authority (your OpenID Connect issuer, e.g. https://login.example.com/realms/aftersales) "
                + "or SigningKey (base64, at least 32 bytes) with Issuer, so the host can check bearer tokens. "
                + "The Development settings (appsettings.Development.json) carry a development key.");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.Authority = settings.Authority;
            o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidateIssuer = settings.Issuer is not null || settings.Authority is not null,
                ValidAudience = settings.Audience,
                ValidateAudience = true,
                IssuerSigningKey = settings.SigningKey,
                NameClaimType = "name",
                RoleClaimType = "role",
            };
        });

        // The handler that remembers valid tokens for a minute, in place of the default one.
        builder.Services.AddSingleton(static services => new RememberingTokenHandler(services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<RememberingTokenHandler>(static (o, handler) =>
        {
            handler.MapInboundClaims = o.MapInboundClaims;
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(handler);
        });
    }
}

/// <summary>The <c>AfterSales:Jwt</c> settings.</summary>
internal sealed record JwtSettings(string? Authority, string? Issuer, string Audience, SymmetricSecurityKey? SigningKey)
{
    public static JwtSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(HostAuthentication.Section);
        SymmetricSecurityKey? key = null;
        if (section["SigningKey"] is { Length: > 0 } text)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{HostAuthentication.Section}:SigningKey must be base64, e.g. the output of: openssl rand -base64 32.");
            }

            key = bytes.Length >= 32
                ? new SymmetricSecurityKey(bytes)
                : throw new InvalidOperationException($"{HostAuthentication.Section}:SigningKey must be at least 32 bytes (base64 of 44 characters or more), was {bytes.Length} bytes.");
        }

        return new JwtSettings(
            section["Authority"] is { Length: > 0 } authority ? authority : null,
            section["Issuer"] is { Length: > 0 } issuer ? issuer : null,
            section["Audience"] is { Length: > 0 } audience ? audience : "aftersales",
            key);
    }
}
