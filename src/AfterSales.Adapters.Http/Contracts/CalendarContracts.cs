namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

/// <summary>One calendar of <c>GET /calendars</c>: the latest version the tenant sees.</summary>
public sealed record CalendarSummaryResponse(string Id, int Version, string Key, string Name, string Zone, IReadOnlyList<int> Years, bool Shared);

/// <summary>
/// How far the tenant's open tickets got adopting a saved calendar version (a background recompute):
/// <c>Running</c> until every open ticket adopted it, then <c>Completed</c>.
/// </summary>
public sealed record CalendarAdoptionResponse(string CalendarId, int Version, string Key, string Status, Instant SavedAt, int Adopted, string? Cursor, Instant? CompletedAt);
