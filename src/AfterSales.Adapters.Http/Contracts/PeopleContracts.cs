namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

/// <summary>The body of <c>PUT /engineers/{id}</c>: an engineer (工程师, R-ORG-1).</summary>
public sealed record EngineerRequest
{
    /// <summary>The engineer's name, 1 to 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>The service centre the engineer belongs to; its duty rota says when they are on duty.</summary>
    public required string CentreId { get; init; }

    /// <summary>A phone number or e-mail address, 1 to 200 characters.</summary>
    public required string Contact { get; init; }

    /// <summary>What the engineer is qualified for, e.g. cctv, kiosk; at most 50, each an id.</summary>
    public IReadOnlyList<string>? Skills { get; init; }
}

/// <summary>An engineer with its version (the ETag).</summary>
public sealed record EngineerResponse(string Id, int Version, string Name, string CentreId, string Contact, IReadOnlyList<string> Skills);

/// <summary>A page of engineers, by id.</summary>
public sealed record EngineerPageResponse(IReadOnlyList<EngineerResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>The body of <c>PUT /service-centres/{centreId}/duty-rota</c>: the centre's shifts (值班表, R-ORG-2).</summary>
public sealed record DutyRotaRequest
{
    /// <summary>The IANA time zone of the shifts' local date-times; Asia/Shanghai when omitted.</summary>
    public string? Zone { get; init; }

    /// <summary>The shifts, at most 5000: each engineer on duty from start up to, not including, end.</summary>
    public required IReadOnlyList<DutyShiftDocument> Shifts { get; init; }
}

/// <summary>One shift: an engineer of the centre on duty from start up to, not including, end (local date-times, at most 7 days).</summary>
public sealed record DutyShiftDocument
{
    public required string EngineerId { get; init; }

    public required LocalDateTime Start { get; init; }

    public required LocalDateTime End { get; init; }
}

/// <summary>A centre's duty rota with its version (the ETag).</summary>
public sealed record DutyRotaResponse(string CentreId, int Version, string Zone, IReadOnlyList<DutyShiftDocument> Shifts);

/// <summary>Who is on duty at a centre at an instant (R-ORG-2).</summary>
public sealed record OnDutyResponse(string CentreId, Instant At, IReadOnlyList<string> EngineerIds);

/// <summary>An explicit override of the duty rota on dispatch: why an engineer who is not on duty is sent.</summary>
public sealed record DispatchOverrideContract
{
    /// <summary>Why, kept on the Dispatched event with who decided it.</summary>
    public required string Reason { get; init; }
}
