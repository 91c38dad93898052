using System.Security.Claims;
using AfterSales.Http.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Host.Identity;

/// <summary>
/// <c>token [--tenant acme] [--role service-manager]… [--subject dev-1] [--name "Dev One"] [--hours 8]</c>:
/// prints a bearer token signed with <c>AfterSales:Jwt:SigningKey</c>, for calling the secured API
/// by hand. Without <c>--role</c> the token holds every role. Only the token goes to standard output.
/// </summary>
internal static class TokenCommand
{
    private static readonly string[] AllRoles =
        [AfterSalesPolicies.DefaultRoles.Customer, AfterSalesPolicies.DefaultRoles.Engineer, AfterSalesPolicies.DefaultRoles.ServiceManager];

    public static int Run(string[] args, IConfiguration configuration)
    {
        string tenant = "acme", subject = "developer", name = "Developer";
        var hours = 8;
        var roles = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--tenant" when value is not null: tenant = value; i++; break;
                case "--role" when value is not null: roles.Add(value); i++; break;
                case "--subject" when value is not null: subject = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                case "--hours" when int.TryParse(value, out var h) && h is >= 1 and <= 720: hours = h; i++; break;
                default:
                    Console.Error.WriteLine($"token: unknown or incomplete option '{args[i]}'.");
                    Console.Error.WriteLine("usage: token [--tenant acme] [--role customer|engineer|service-manager]... [--subject id] [--name \"Display Name\"] [--hours 1-720]");
                    return 2;
            }
        }

        var settings = JwtSettings.From(configuration);
        if (settings.SigningKey is null)
        {
            Console.Error.WriteLine($"token: {HostAuthentication.Section}:SigningKey is not set; this environment takes tokens from its identity provider, not from this command.");
            return 1;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim("sub", subject),
                new Claim("name", name),
                new Claim("tenant_id", tenant),
                .. (roles.Count == 0 ? AllRoles : [.. roles]).Select(static r => new Claim("role", r)),
            ]);
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(hours),
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        Console.Out.WriteLine(token);
        return 0;
    }
}
