using System.Globalization;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.OpenApi;
using AfterSales.Http.Tenancy;
using AfterSales.Quality;
using AfterSales.Quality.Inspections;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace AfterSales.Http.Endpoints;

/// <summary>
/// Inspections (巡检, R-IN-1…3): plans per device or site with their recurrence or pre-expiry window
/// (<see cref="IInspectionStore"/>), signed records with the checklist results, and the due list.
/// </summary>
internal static class InspectionEndpoints
{
    private static readonly (string Code, Checklist Checklist)[] Presets = [("kiosk-000", Checklists.Kiosk000), ("cctv-004", Checklists.Cctv004)];

    private static readonly (string Name, InspectionRecurrence Recurrence)[] Recurrences =
        [("monthly", InspectionRecurrence.Monthly), ("quarterly", InspectionRecurrence.Quarterly), ("half-yearly", InspectionRecurrence.HalfYearly), ("yearly", InspectionRecurrence.Yearly)];

    public static void Map(RouteGroupBuilder root, RouteGroupBuilder tenantRoot)
    {
        var group = root.MapGroup(string.Empty).WithTags("Inspections");
        var tenantScoped = tenantRoot.MapGroup(string.Empty).WithTags("Inspections");
        group.MapGet("/inspections/checklists", static () => TypedResults.Ok(Presets.ToDictionary(static p => p.Code, static p => ToResponse(p.Checklist), StringComparer.Ordinal)))
            .WithName("ListInspectionChecklists").WithSummary("The seed plans' inspection checklists (巡检内容, R-IN-3) by preset name.");

        tenantScoped.MapPut("/inspections/plans/{code}", PutPlan)
            .IfMatch().ETag().ETag(StatusCodes.Status201Created).Location()
            .Accepts<InspectionPlanRequest>("application/json")
            .WithName("PutInspectionPlan")
            .WithSummary("Create (201) or replace (200) an inspection plan (巡检计划): a checklist, a recurrence (monthly, quarterly, half-yearly, yearly) from a start day or a pre-expiry window, over devices and/or sites. Honours If-Match (its ETag).")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/inspections/plans", ListPlans)
            .WithName("ListInspectionPlans").WithSummary("The tenant's inspection plans, by code.");

        tenantScoped.MapGet("/inspections/plans/{code}", GetPlan)
            .WithName("GetInspectionPlan").WithSummary("One inspection plan; ETag is its version.").ETag().ProducesProblem(404);

        tenantScoped.MapPost("/inspections/records", AddRecord)
            .AddEndpointFilter<IdempotencyFilter>()
            .IdempotencyKey().Location()
            .Accepts<InspectionRecordRequest>("application/json")
            .WithName("RecordInspection")
            .WithSummary("Record an inspection of a device or a site (巡检记录) with its checklist results and the customer's signature → 201; it counts for a plan only when complete and signed. Honours Idempotency-Key.")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);

        tenantScoped.MapGet("/inspections/records", ListRecords)
            .WithName("ListInspectionRecords").WithSummary("The tenant's inspection records, of ?device=<serial> or ?site=<name> or all, by day.")
            .Query("device", ApiValue.Text, "Only the records of this device (serial number).")
            .Query("site", ApiValue.Text, "Only the records of this site (name).")
            .ProducesProblem(400);

        tenantScoped.MapGet("/inspections/due", Due)
            .WithName("ListInspectionsDue")
            .WithSummary("The due list (待巡检/逾期) on ?on=<date> (default today, Beijing): each subject's current window and every missed one, overdue first.")
            .Query("on", ApiValue.Date, "The day of evaluation; today in Beijing time when omitted.")
            .ProducesProblem(400);
    }

    private static async Task<IResult> PutPlan(HttpContext http, string code, IInspectionStore store, IOptions<AfterSalesHttpOptions> options)
    {
        Key(code, "code");
        var condition = Parse.IfMatch(http.Request.Headers.IfMatch);
        var r = (await RequestBody.ReadAsync<InspectionPlanRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var plan = PlanOf(code, r);
        var tenant = http.Tenant();
        var current = await store.GetPlanAsync(tenant, code, http.RequestAborted).ConfigureAwait(false);
        var loaded = current?.Version ?? 0;
        if (!Parse.Matches(condition, loaded))
        {
            throw new ConcurrencyConflictException("inspection plan", code, condition!.Count == 0 ? 0 : condition.Min(), loaded);
        }

        var version = await store.SavePlanAsync(tenant, plan, loaded, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.ETag = Parse.ETag(version);
        var body = ToResponse(plan, version);
        return loaded == 0
            ? TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}", body)
            : TypedResults.Ok(body);
    }

    private static async Task<Ok<InspectionPlanResponse[]>> ListPlans(HttpContext http, IInspectionStore store) =>
        TypedResults.Ok((await store.ListPlansAsync(http.Tenant(), http.RequestAborted).ConfigureAwait(false)).Select(static p => ToResponse(p.Value, p.Version)).ToArray());

    private static async Task<Ok<InspectionPlanResponse>> GetPlan(HttpContext http, string code, IInspectionStore store)
    {
        var found = (code.Length <= 100 ? await store.GetPlanAsync(http.Tenant(), code, http.RequestAborted).ConfigureAwait(false) : null)
            ?? throw new RequestRejectedException(404, "The inspection plan was not found.", "No inspection plan with this code exists for the tenant.");
        http.Response.Headers.ETag = Parse.ETag(found.Version);
        return TypedResults.Ok(ToResponse(found.Value, found.Version));
    }

    private static async Task<Created<InspectionRecordResponse>> AddRecord(HttpContext http, IInspectionStore store, IOptions<AfterSalesHttpOptions> options)
    {
        var r = (await RequestBody.ReadAsync<InspectionRecordRequest>(http, options.Value.MaxRequestBodySize).ConfigureAwait(false))!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var subject = SubjectOf(r.Device, r.Site, errors);
        var checklist = ChecklistOf(r.Checklist, "checklist", errors);
        var results = new List<InspectionItemResult>();
        if (r.Results.Count > 200)
        {
            errors["results"] = ["results must hold at most 200 items."];
        }

        for (var i = 0; i < r.Results.Count && i < 200; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"results[{i}]");
            var item = r.Results[i];
            if (item is null)
            {
                errors[field] = [field + " must not be null."];
                continue;
            }

            if (checklist is not null && !checklist.Contains(item.Item))
            {
                errors[field + ".item"] = [$"{field}.item '{item.Item}' is not on the checklist; its items are {string.Join(", ", checklist.Items.Select(static x => x.Code))}."];
            }

            if (!Enum.TryParse<InspectionOutcome>(item.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(item.Outcome, out _))
            {
                errors[field + ".outcome"] = [$"{field}.outcome must be one of {string.Join(", ", Enum.GetNames<InspectionOutcome>())}."];
            }
            else if (item.Item.Length is > 0 and <= 100 && (item.Note ?? "").Length <= 2000)
            {
                results.Add(new InspectionItemResult(item.Item, outcome, item.Note ?? string.Empty));
            }
            else
            {
                errors[field] = [field + ".item must be 1 to 100 characters and note at most 2000."];
            }
        }

        if (r.SignedBy is not null && (string.IsNullOrWhiteSpace(r.SignedBy) || r.SignedBy.Length > 200))
        {
            errors["signedBy"] = ["signedBy must be 1 to 200 characters."];
        }

        if (Identifier.Problem(r.EngineerId) is { } engineer)
        {
            errors["engineerId"] = [$"engineerId {engineer}."];
        }

        Supported(r.InspectedOn, "inspectedOn", errors);
        Supported(r.SignedOn, "signedOn", errors);

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var signature = r.SignedBy is { } by ? new CustomerSignature(by, r.SignedOn ?? r.InspectedOn) : null;
        var record = InspectionRecord.Create(RecordId(r.Id), subject!, checklist!, r.InspectedOn, r.EngineerId, results, signature);
        await store.AddRecordAsync(http.Tenant(), record, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}?{(record.Subject.Kind == InspectionSubjectKind.Device ? "device" : "site")}={Uri.EscapeDataString(record.Subject.Id)}", ToResponse(record));
    }

    private static async Task<Ok<InspectionRecordResponse[]>> ListRecords(HttpContext http, IInspectionStore store)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var device = Query(http, "device");
        var site = Query(http, "site");
        var subject = device is null && site is null ? null : SubjectOf(device, site, errors);
        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var records = await store.ListRecordsAsync(http.Tenant(), subject, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(records.Select(ToResponse).ToArray());
    }

    private static async Task<Ok<InspectionDueResponse[]>> Due(HttpContext http, QualityService quality)
    {
        LocalDate? on = null;
        if (Query(http, "on") is { } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            on = parsed.Success ? parsed.Value : throw RequestRejectedException.Validation("on", "on must be an ISO date such as 2026-03-02.");
        }

        var due = await quality.InspectionsDueAsync(http.Tenant(), on, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(due.Select(static d => new InspectionDueResponse(
            d.PlanCode,
            d.Subject.Kind == InspectionSubjectKind.Device ? d.Subject.Id : null,
            d.Subject.Kind == InspectionSubjectKind.Site ? d.Subject.Id : null,
            d.WindowStart,
            d.DueOn,
            d.Status.ToString(),
            d.DaysOverdue,
            d.Record?.Id)).ToArray());
    }

    private static InspectionPlan PlanOf(string code, InspectionPlanRequest r)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var checklist = ChecklistOf(r.Checklist, "checklist", errors);
        InspectionRecurrence? recurrence = null;
        if (r.Recurrence is { } name)
        {
            recurrence = Recurrences.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)).Recurrence;
            if (recurrence is null)
            {
                errors["recurrence"] = [$"recurrence must be one of {string.Join(", ", Recurrences.Select(static x => x.Name))}."];
            }
            else if (r.StartsOn is null)
            {
                errors["startsOn"] = ["startsOn is required with a recurrence: the first window's first day."];
            }
            else
            {
                Supported(r.StartsOn, "startsOn", errors);
            }

            if (r.PreExpiryMonths is not null)
            {
                errors["preExpiryMonths"] = ["Give either recurrence (with startsOn) or preExpiryMonths, not both."];
            }
        }
        else if (r.PreExpiryMonths is not { } months || months is < 1 or > 24)
        {
            errors[r.PreExpiryMonths is null ? "recurrence" : "preExpiryMonths"] = [r.PreExpiryMonths is null
                ? "A plan needs a recurrence (monthly, quarterly, half-yearly, yearly) with startsOn, or preExpiryMonths."
                : "preExpiryMonths must be 1 to 24."];
        }
        else if (r.WarrantyPolicy is null)
        {
            errors["warrantyPolicy"] = ["warrantyPolicy is required with preExpiryMonths: whose warranty end the window counts back from."];
        }
        else if (!Entitlements.Warranty.WarrantyPresets.All.Any(p => string.Equals(p.Code, r.WarrantyPolicy, StringComparison.OrdinalIgnoreCase)))
        {
            errors["warrantyPolicy"] = [$"warrantyPolicy must be one of {string.Join(", ", Entitlements.Warranty.WarrantyPresets.All.Select(static p => p.Code))}."];
        }

        var subjects = new List<InspectionSubject>();
        void Add(IReadOnlyList<string>? ids, string field, Func<string, InspectionSubject> make)
        {
            for (var i = 0; i < (ids?.Count ?? 0); i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
                if (Identifier.Problem(ids![i]) is { } problem)
                {
                    errors[path] = [$"{path} {problem}."];
                }
                else
                {
                    subjects.Add(make(ids[i]));
                }
            }
        }

        Add(r.Devices, "devices", InspectionSubject.Device);
        Add(r.Sites, "sites", InspectionSubject.Site);
        if (subjects.Count > 1000)
        {
            errors["devices"] = ["A plan covers at most 1000 devices and sites."];
        }

        if (r.PreExpiryMonths is not null && r.Sites is { Count: > 0 })
        {
            errors["sites"] = ["A pre-expiry plan covers devices, whose warranty ends, not sites."];
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        var plan = recurrence is not null
            ? InspectionPlan.Recurring(code, checklist!, recurrence, r.StartsOn!.Value)
            : InspectionPlan.PreExpiry(code, checklist!, r.PreExpiryMonths!.Value, Entitlements.Warranty.WarrantyPresets.All.First(p => string.Equals(p.Code, r.WarrantyPolicy, StringComparison.OrdinalIgnoreCase)).Code);
        return plan.WithSubjects(subjects);
    }

    private static Checklist? ChecklistOf(ChecklistDocument c, string field, Dictionary<string, string[]> errors)
    {
        if (c.Preset is { } preset)
        {
            var found = Presets.FirstOrDefault(p => string.Equals(p.Code, preset, StringComparison.OrdinalIgnoreCase)).Checklist;
            if (found is null || c.Items is not null)
            {
                errors[field + ".preset"] = [found is null ? $"{field}.preset must be one of {string.Join(", ", Presets.Select(static p => p.Code))}." : "Give a preset or items, not both."];
            }

            return found;
        }

        var before = errors.Count;
        void Need(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
            {
                errors[$"{field}.{name}"] = [$"{field}.{name} must be 1 to 100 characters (or give {field}.preset)."];
            }
        }

        Need(c.DeviceType, "deviceType");
        Need(c.NameZh, "nameZh");
        Need(c.NameEn, "nameEn");
        if (c.Items is not { Count: > 0 and <= 200 })
        {
            errors[field + ".items"] = [$"{field}.items must hold 1 to 200 items (or give {field}.preset)."];
            return null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{field}.items[{i}]");
            if (c.Items[i] is not { } item)
            {
                errors[path] = [path + " must not be null."];
                continue;
            }

            Need(item.Code, string.Create(CultureInfo.InvariantCulture, $"items[{i}].code"));
            Need(item.NameZh, string.Create(CultureInfo.InvariantCulture, $"items[{i}].nameZh"));
            Need(item.NameEn, string.Create(CultureInfo.InvariantCulture, $"items[{i}].nameEn"));
            if (!codes.Add(item.Code))
            {
                errors[path + ".code"] = [$"{path}.code '{item.Code}' is given twice."];
            }
        }

        return errors.Count > before ? null : new Checklist(c.DeviceType!, c.NameZh!, c.NameEn!, c.Items.Select(static i => new ChecklistItem(i.Code, i.NameZh, i.NameEn)));
    }

    private static InspectionSubject? SubjectOf(string? device, string? site, Dictionary<string, string[]> errors)
    {
        if ((device is null) == (site is null))
        {
            errors["device"] = ["Give exactly one of device (a serial number) or site."];
            return null;
        }

        var (value, field) = device is not null ? (device, "device") : (site!, "site");
        if (Identifier.Problem(value) is { } problem)
        {
            errors[field] = [$"{field} {problem}."];
            return null;
        }

        return device is not null ? InspectionSubject.Device(value) : InspectionSubject.Site(value);
    }

    private static string? Query(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values)
            ? values.Count == 1 && values[0] is { Length: > 0 and <= 100 } v ? v : throw RequestRejectedException.Validation(name, name + " must be given once, 1 to 100 characters.")
            : null;

    private static string RecordId(string? id) =>
        id is null ? Guid.NewGuid().ToString("N")
        : Identifier.Problem(id) is { } problem ? throw RequestRejectedException.Validation("id", $"id {problem}.")
        : id;

    private static void Supported(LocalDate? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is { } day && (day < SupportedDates.MinDate || day > SupportedDates.MaxDate))
        {
            errors[field] = [$"{field} must be from {SupportedDates.MinDate:yyyy-MM-dd} to {SupportedDates.MaxDate:yyyy-MM-dd}, was {day:yyyy-MM-dd}."];
        }
    }

    private static void Key(string value, string field)
    {
        // Stored keys follow the one identifier rule, so what is created can be addressed again.
        if (Identifier.Problem(value) is { } problem)
        {
            throw RequestRejectedException.Validation(field, $"{field} {problem}.");
        }
    }

    private static ChecklistResponse ToResponse(Checklist c) =>
        new(c.DeviceType, c.NameZh, c.NameEn, [.. c.Items.Select(static i => new ChecklistItemResponse(i.Code, i.NameZh, i.NameEn))]);

    private static InspectionPlanResponse ToResponse(InspectionPlan p, int version) => new(
        p.Code,
        version,
        ToResponse(p.Checklist),
        p.Recurrence is { } r ? Recurrences.FirstOrDefault(x => x.Recurrence.Equals(r)).Name ?? r.NameEn : null,
        p.IsPreExpiry ? null : p.StartsOn,
        p.IsPreExpiry ? p.PreExpiryMonths : null,
        p.WarrantyPolicyCode,
        [.. p.Subjects.Where(static s => s.Kind == InspectionSubjectKind.Device).Select(static s => s.Id)],
        [.. p.Subjects.Where(static s => s.Kind == InspectionSubjectKind.Site).Select(static s => s.Id)]);

    private static InspectionRecordResponse ToResponse(InspectionRecord r) => new(
        r.Id,
        r.Subject.Kind == InspectionSubjectKind.Device ? r.Subject.Id : null,
        r.Subject.Kind == InspectionSubjectKind.Site ? r.Subject.Id : null,
        r.Checklist.DeviceType,
        r.InspectedOn,
        r.EngineerId,
        [.. r.Results.Select(static x => new InspectionResultResponse(x.ItemCode, x.Outcome.ToString(), x.Note))],
        r.Signature?.SignedBy,
        r.Signature?.SignedOn,
        r.CountsAsDone,
        [.. r.MissingItems.Select(static i => i.Code)],
        r.Issues);
}
