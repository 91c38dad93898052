using System.Text.Json;
using AfterSales.Http.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Host.Demo;

/// <summary>The demo's own endpoints: where its clock stands, and moving it forward.</summary>
internal static class DemoEndpoints
{
    public static void MapDemo(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup("/demo").WithTags("Demo");
        demo.MapGet("/", static (DemoClock clock) => TypedResults.Ok(Status(clock)))
            .WithName("GetDemo").WithSummary("The demo tenant, its policy and where the demo clock stands.");
        demo.MapPost("/clock", Advance)
            .Accepts<AdvanceClockRequest>("application/json")
            .WithName("AdvanceDemoClock").WithSummary("Moves the demo clock forward, e.g. by PT10M, to watch warnings and breaches fire.")
            .ProducesProblem(400);
    }

    private static async Task<Results<Ok<DemoStatus>, ValidationProblem>> Advance(HttpContext http, DemoClock clock)
    {
        AdvanceClockRequest? request = null;
        try
        {
            request = await JsonSerializer.DeserializeAsync<AdvanceClockRequest>(http.Request.Body, Options, http.RequestAborted);
        }
        catch (JsonException)
        {
        }

        if (request?.Advance is not { } by || by <= Duration.Zero || by > Duration.FromDays(30))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["advance"] = ["advance must be an ISO 8601 duration from PT1S to P30D, such as PT10M."] },
                title: "One or more fields are invalid.");
        }

        clock.Advance(by);
        return TypedResults.Ok(Status(clock));
    }

    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web).AddNodaTimeConverters();

    private static DemoStatus Status(DemoClock clock) => new(DemoSeed.Tenant, DemoPolicy.Id, clock.GetCurrentInstant(), clock.Offset);
}

/// <summary>The body of <c>POST /demo/clock</c>.</summary>
/// <param name="Advance">How far to move the demo clock forward, e.g. PT10M.</param>
internal sealed record AdvanceClockRequest(Duration? Advance);

/// <summary>Where the demo stands.</summary>
/// <param name="Tenant">The demo tenant.</param>
/// <param name="Policy">The demo's SLA policy, the default for reports.</param>
/// <param name="Now">The demo clock's now.</param>
/// <param name="Offset">How far the demo clock is ahead of real time.</param>
internal sealed record DemoStatus(string Tenant, string Policy, Instant Now, Duration Offset);
