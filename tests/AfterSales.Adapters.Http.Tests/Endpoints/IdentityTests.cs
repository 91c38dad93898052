using System.Net;
using System.Net.Http.Headers;
using AfterSales.Http.Identity;
using AfterSales.Http.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Bearer tokens, the tenant from a claim, the policies on every endpoint, and the actor on every event.</summary>
public sealed class IdentityTests
{
    private const string Manager = AfterSalesPolicies.DefaultRoles.ServiceManager;
    private const string Engineer = AfterSalesPolicies.DefaultRoles.Engineer;
    private const string Customer = AfterSalesPolicies.DefaultRoles.Customer;

    [Fact]
    public async Task Production_HeaderWithoutToken_401ProblemWithBearerChallenge()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var client = factory.ClientFor("acme");
        var response = await client.ReportAsync("WO-1");
        var problem = await response.JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (int)problem["status"]!);
        Assert.Contains("bearer token", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);

        var list = await client.GetAsync("/after-sales/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/after-sales/ping")).StatusCode);
    }

    [Fact]
    public async Task Production_TokenOfTheTenant_ReportsAndReadsAndTheTenantComesFromTheClaim()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var acme = factory.ClientWithToken("acme", "u-7", "Li Wei", Manager);
        (await acme.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/after-sales/tickets/WO-1")).StatusCode);

        using var globex = factory.ClientWithToken("globex", "u-8", "Other", Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync("/after-sales/tickets/WO-1")).StatusCode);
    }

    [Fact]
    public async Task Token_WithAHeaderNamingAnotherTenant_403AndNothingDone()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientWithToken("acme", roles: Manager);
        client.DefaultRequestHeaders.Add("X-Tenant-Id", "globex");
        var problem = await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("own tenant", (string)problem["detail"]!, StringComparison.Ordinal);
        client.DefaultRequestHeaders.Remove("X-Tenant-Id");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/tickets/WO-1")).StatusCode);
    }

    [Fact]
    public async Task Token_WithoutTenantClaim_403NamingTheClaim()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFactory.Token(null, [Manager]));
        var problem = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("tenant_id", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("expired")]
    public async Task Token_BadSignatureOrExpired_401Problem(string kind)
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var client = factory.CreateClient();
        var token = kind == "expired"
            ? ServiceFactory.Token("acme", [Manager], lifetime: TimeSpan.FromMinutes(-30))
            : ServiceFactory.Token("acme", [Manager], key: new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var problem = await (await client.GetAsync("/after-sales/tickets")).JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("refused", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_BadTokenWithTheHeader_401NotTheHeadersTrust()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "abc.def.ghi");
        await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = null;
        await (await client.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Roles_EachPolicyAdmitsItsRolesOnly_403ProblemNamesThePolicy()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var customer = factory.ClientWithToken("acme", "c-1", "Customer", Customer);
        using var engineer = factory.ClientWithToken("acme", "e-1", "Engineer", Engineer);
        using var manager = factory.ClientWithToken("acme", "m-1", "Manager", Manager);

        // The engineer cannot report (a customer's act), the customer can.
        var refused = await (await engineer.ReportAsync("WO-1")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AfterSalesPolicies.Customer, (string)refused["policy"]!);
        (await customer.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        // The customer cannot acknowledge; the engineer can; cancelling is the manager's.
        var notCustomers = await (await customer.CommandAsync("WO-1", "acknowledge")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AfterSalesPolicies.Engineer, (string)notCustomers["policy"]!);
        (await engineer.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        var notEngineers = await (await engineer.CommandAsync("WO-1", "cancel", """{"reason":"dup"}""")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AfterSalesPolicies.ServiceManager, (string)notEngineers["policy"]!);
        (await manager.CommandAsync("WO-1", "cancel", """{"reason":"dup"}""")).EnsureSuccessStatusCode();

        // Everyone reads.
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/after-sales/tickets/WO-1")).StatusCode);
    }

    [Fact]
    public async Task SignOff_OnlyTheCustomerSigns_TheEngineersAttemptIsA403ProblemAndChangesNothing()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var customer = factory.ClientWithToken("acme", "c-1", "Customer", Customer);
        using var engineer = factory.ClientWithToken("acme", "e-1", "Engineer", Engineer);
        (await customer.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        foreach (var (command, body) in new[]
        {
            ("acknowledge", (string?)null), ("start-remote-diagnosis", null), ("dispatch", """{"engineer":"Wang"}"""), ("arrive-on-site", null),
            ("restore-service", null), ("resolve", """{"resolution":"Replaced the controller"}"""), ("start-observation", null),
        })
        {
            (await engineer.CommandAsync("WO-1", command, body)).EnsureSuccessStatusCode();
        }

        const string signOff = """{"signer":"Zhang","satisfaction":5,"comment":"fast"}""";
        var before = await factory.DumpHashAsync();
        var refused = await engineer.CommandAsync("WO-1", "sign-off", signOff);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(403, (int)problem["status"]!);
        Assert.Equal(AfterSalesPolicies.Customer, (string)problem["policy"]!);
        Assert.Equal(before, await factory.DumpHashAsync());

        var signed = await (await customer.CommandAsync("WO-1", "sign-off", signOff)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("c-1", (string)signed["events"]!.AsArray()[^1]!["actor"]!["subject"]!);

        // The quality reports are the manager's: an engineer reading what the quarter's service credits cost is refused.
        var credits = await (await engineer.GetAsync("/after-sales/reports/service-credits/2026/1")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AfterSalesPolicies.ServiceManager, (string)credits["policy"]!);
    }

    [Fact]
    public async Task SlaPolicies_OnlyTheManagerReplacesOne_AndTheListShowsTheTokensTenantsVersion()
    {
        using var factory = new ServiceFactory(environment: "Production");
        using var engineer = factory.ClientWithToken("acme", "e-1", "Engineer", Engineer);
        using var manager = factory.ClientWithToken("acme", "m-1", "Manager", Manager);
        using var elsewhere = factory.ClientWithToken("globex", "m-2", "Manager", Manager);
        const string Path = "/after-sales/policies/cn-002-system-integration";
        var document = (await (await engineer.GetAsync(Path)).JsonAsync(HttpStatusCode.OK)).ToJsonString();

        var refused = await (await CalendarEndpointTests.Put(engineer, Path, document, ifMatch: 1)).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(AfterSalesPolicies.ServiceManager, (string)refused["policy"]!);
        Assert.Equal(2, (int)(await (await CalendarEndpointTests.Put(manager, Path, document, ifMatch: 1)).JsonAsync(HttpStatusCode.OK))["version"]!);

        // The list (which also answers without a tenant) reads the tenant from the token's claim.
        static async Task<int> Listed(HttpClient client) => (int)(await (await client.GetAsync("/after-sales/policies")).JsonAsync(HttpStatusCode.OK))
            .AsArray().Single(static p => (string)p!["id"]! == "cn-002-system-integration")!["version"]!;
        Assert.Equal(2, await Listed(engineer));
        Assert.Equal(1, await Listed(elsewhere));
    }

    [Fact]
    public async Task SlaPolicies_Development_TheListReadsTheTrustedHeader()
    {
        using var factory = new ServiceFactory();
        using var acme = factory.ClientFor("acme");
        const string Path = "/after-sales/policies/cn-002-system-integration";
        var document = (await (await acme.GetAsync(Path)).JsonAsync(HttpStatusCode.OK)).ToJsonString();
        (await CalendarEndpointTests.Put(acme, Path, document, ifMatch: 1)).EnsureSuccessStatusCode();
        var list = await (await acme.GetAsync("/after-sales/policies")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)list.AsArray().Single(static p => (string)p!["id"]! == "cn-002-system-integration")!["version"]!);
    }

    [Fact]
    public async Task HostPolicies_ReplaceTheDefaults()
    {
        using var factory = new ServiceFactory(environment: "Production", services: static s =>
            s.AddAuthorizationBuilder().AddPolicy(AfterSalesPolicies.Engineer, static p => p.RequireRole("field-tech")));
        using var manager = factory.ClientWithToken("acme", roles: Manager);
        using var tech = factory.ClientWithToken("acme", roles: "field-tech");
        (await manager.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.CommandAsync("WO-1", "acknowledge")).StatusCode);
        (await tech.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Actor_EveryEventRecordsWhoActed_StoredAndShownAfterARestart()
    {
        using var first = new ServiceFactory();
        using (var customer = first.ClientWithToken("acme", "c-42", "王芳", Customer))
        using (var engineer = first.ClientWithToken("acme", "e-7", "Li Wei", Engineer))
        using (var anonymous = first.ClientFor("acme"))
        {
            (await customer.ReportAsync("WO-1")).EnsureSuccessStatusCode();
            var acknowledged = await (await engineer.CommandAsync("WO-1", "acknowledge")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("e-7", (string)acknowledged["events"]![1]!["actor"]!["subject"]!);

            // Development without a token: the change is made, no actor recorded.
            (await anonymous.CommandAsync("WO-1", "start-remote-diagnosis")).EnsureSuccessStatusCode();
        }

        // Another host on the same database reads the actors back.
        using var second = new ServiceFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:AfterSales"] = first.ConnectionString });
        using var reader = second.ClientWithToken("acme", roles: Customer);
        var ticket = await (await reader.GetAsync("/after-sales/tickets/WO-1")).JsonAsync(HttpStatusCode.OK);
        var events = ticket["events"]!.AsArray();
        Assert.Equal(("c-42", "王芳"), ((string)events[0]!["actor"]!["subject"]!, (string)events[0]!["actor"]!["name"]!));
        Assert.Equal(("e-7", "Li Wei"), ((string)events[1]!["actor"]!["subject"]!, (string)events[1]!["actor"]!["name"]!));
        Assert.Null(events[2]!["actor"]);
    }

    [Fact]
    public void Production_HeaderTrustedWithoutPermission_HostRefusesToStartNamingTheOption()
    {
        using var factory = new ServiceFactory(environment: "Production", settings: new Dictionary<string, string?> { ["AfterSales:Identity:AcceptTenantHeader"] = "true" });
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("AllowTenantHeaderOutsideDevelopment", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_HeaderTrustedWithPermission_GatewayModeAcceptsTheHeader()
    {
        using var factory = new ServiceFactory(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["AfterSales:Identity:AcceptTenantHeader"] = "true",
            ["AfterSales:Identity:AllowTenantHeaderOutsideDevelopment"] = "true",
        });
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
    }

    [Fact]
    public void Endpoints_EveryOneButThePingRequiresExactlyOnePolicy()
    {
        using var factory = new ServiceFactory();
        _ = factory.Services.GetRequiredService<IOptions<AfterSalesHttpOptions>>();
        using var _client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(static e => e.RoutePattern.RawText!.StartsWith("/after-sales", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var policies = new[] { AfterSalesPolicies.Customer, AfterSalesPolicies.Engineer, AfterSalesPolicies.ServiceManager, AfterSalesPolicies.Reader };
        foreach (var endpoint in endpoints)
        {
            var required = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Policy).ToList();
            if (endpoint.RoutePattern.RawText!.EndsWith("/ping", StringComparison.Ordinal))
            {
                Assert.Empty(required);
                continue;
            }

            var policy = Assert.Single(required);
            Assert.Contains(policy, policies);
        }

        string PolicyOf(string method, string pattern) => endpoints
            .Single(e => e.RoutePattern.RawText == "/after-sales" + pattern && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains(method))
            .Metadata.GetMetadata<IAuthorizeData>()!.Policy!;
        Assert.Equal(AfterSalesPolicies.Customer, PolicyOf("POST", "/tickets/"));
        Assert.Equal(AfterSalesPolicies.Customer, PolicyOf("POST", "/tickets/{id}/sign-off"));
        Assert.Equal(AfterSalesPolicies.Engineer, PolicyOf("POST", "/tickets/{id}/dispatch"));
        Assert.Equal(AfterSalesPolicies.ServiceManager, PolicyOf("POST", "/tickets/{id}/reclassify"));
        Assert.Equal(AfterSalesPolicies.Reader, PolicyOf("GET", "/tickets/{id}"));
        Assert.Equal(AfterSalesPolicies.ServiceManager, PolicyOf("GET", "/reports/quarterly/{year}/{quarter}"));
    }
}
