using System.Diagnostics;
using AfterSales.Calendars;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Errors;

/// <summary>
/// The one place where failures of the adapter's endpoints become RFC 9457 problem details. It runs
/// first on every endpoint of the group, so request parsing, tenancy, idempotency and the domain all
/// throw and this maps. See the adapter's README for the table.
/// </summary>
internal sealed partial class ProblemMappingFilter(IOptions<AfterSalesHttpOptions> options, ILogger<ProblemMappingFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var problem = Map(ex, context.HttpContext);
            var request = context.HttpContext.Request;
            if (problem.Status >= 500)
            {
                LogFailure(logger, ex, request.Method, request.Path);
            }
            else
            {
                // A client's mistake is not the service's failure: one line, no stack trace.
                LogRefusal(logger, request.Method, request.Path, problem.Status, problem.Title, problem.Detail);
            }

            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            return TypedResults.Problem(problem);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error on {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refused {Method} {Path} with {StatusCode}: {Title} {Detail}")]
    private static partial void LogRefusal(ILogger logger, string method, PathString path, int? statusCode, string? title, string? detail);

    internal ProblemDetails Map(Exception ex, HttpContext http)
    {
        switch (ex)
        {
            case RequestRejectedException r:
                return r.Errors is { } errors
                    ? new HttpValidationProblemDetails(errors) { Status = r.StatusCode, Title = r.Title, Detail = r.Message }
                    : new ProblemDetails { Status = r.StatusCode, Title = r.Title, Detail = r.Message };
            case TicketNotFoundException:
                return new ProblemDetails { Status = 404, Title = "The work order was not found.", Detail = "No work order with this id exists for the tenant." };
            case SlaPolicyNotFoundException p:
                return Validation("policyId", p.Message);
            case InvalidTransitionException t:
                var conflict = new ProblemDetails
                {
                    Status = 409,
                    Title = "The workflow does not permit this command in the ticket's state.",
                    Detail = t.Message,
                };
                conflict.Extensions["state"] = t.State.ToString();
                conflict.Extensions["command"] = t.Command;
                conflict.Extensions["unmetGuards"] = t.UnmetGuards;
                conflict.Extensions["permittedCommands"] = t.PermittedCommands;
                return conflict;
            case Quality.Complaints.ComplaintTransitionException ct:
                var refused = new ProblemDetails
                {
                    Status = 409,
                    Title = "The complaint's workflow does not permit this step.",
                    Detail = ct.Message,
                };
                refused.Extensions["state"] = ct.Status.ToString();
                refused.Extensions["command"] = ct.Command;
                refused.Extensions["unmetGuards"] = new[] { ct.UnmetGuard };
                refused.Extensions["permittedCommands"] = ct.PermittedCommands;
                return refused;
            case ConcurrencyConflictException c when http.Request.Headers.IfMatch.Count > 0:
                return new ProblemDetails
                {
                    Status = 412,
                    Title = "The item changed since the version in If-Match.",
                    Detail = $"Expected version {c.ExpectedVersion}, the stored version is {c.ActualVersion}. Reload it and decide again.",
                };
            case ConcurrencyConflictException c:
                return new ProblemDetails
                {
                    Status = 409,
                    Title = c.ExpectedVersion == 0 ? "An item with this id already exists." : "The item was changed concurrently.",
                    Detail = c.ExpectedVersion == 0 ? "Choose another id, or omit it to let the service assign one." : "Reload it and retry.",
                };
            case AdoptionRefusedException refusal:
                return new ProblemDetails { Status = 409, Title = "The work order is finished: its clocks are final.", Detail = refusal.Message };
            case Entitlements.Quotes.TenderedPriceExceededException cap:
                // A line above its tendered price, or a part not on the list (R-WAR-8): the client's line is wrong.
                var capField = cap.LineIndex is { } line
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lines[{line}].{(cap.TenderedUnitPrice is null ? "partNumber" : "unitPrice")}")
                    : "partNumber";
                var capped = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [capField] = [cap.Message] })
                {
                    Status = 400,
                    Title = "A quote line is above the tendered price.",
                    Detail = cap.Message,
                };
                capped.Extensions["partNumber"] = cap.PartNumber;
                capped.Extensions["quotedUnitPrice"] = cap.QuotedUnitPrice?.Amount;
                capped.Extensions["tenderedUnitPrice"] = cap.TenderedUnitPrice?.Amount;
                return capped;
            case People.EngineerNotOnDutyException duty:
                // The request is well formed; the rota says no at this instant (R-ORG-2): a conflict, keyed by the field to change.
                var offDuty = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["engineer"] = [duty.Message] })
                {
                    Status = 409,
                    Title = "The engineer is not on duty.",
                    Detail = duty.Message,
                };
                offDuty.Extensions["centreId"] = duty.CentreId;
                offDuty.Extensions["at"] = duty.At.ToString();
                offDuty.Extensions["onDuty"] = duty.OnDuty;
                return offDuty;
            case CalendarYearNotCoveredException y:
                return new ProblemDetails { Status = 422, Title = "The calendar has no data for that year.", Detail = y.Message };
            case InvalidDefinitionException d:
                // A definition's issues carry their own paths (weeklyHours.monday[1]): JSON paths of the document.
                return new HttpValidationProblemDetails(d.Issues
                    .GroupBy(static i => i.Path.Length == 0 ? "$" : i.Path.StartsWith('[') ? "$" + i.Path : "$." + i.Path, StringComparer.Ordinal)
                    .ToDictionary(static g => g.Key, static g => g.Select(static i => i.Message).ToArray(), StringComparer.Ordinal))
                {
                    Status = 400,
                    Title = "One or more fields are invalid.",
                    Detail = d.Message,
                };
            case ArgumentException a:
                return Validation(FieldName(a.ParamName), StripParam(a));
            case OverflowException:
                return Validation("$", "A number in the request is out of range.");
            case AfterSalesException d:
                return new ProblemDetails { Status = 422, Title = "The request breaks a business rule.", Detail = d.Message };
            case BadHttpRequestException b:
                return new ProblemDetails { Status = b.StatusCode, Title = "The request is malformed.", Detail = b.StatusCode == 413 ? "The request body is too large." : "The request could not be read." };
            default:
                var problem = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." };
                if (options.Value.IncludeExceptionDetails)
                {
                    problem.Detail = ex.Message;
                    problem.Extensions["exception"] = ex.GetType().FullName;
                    problem.Extensions["stackTrace"] = ex.ToString();
                }

                return problem;
        }
    }

    private static HttpValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Status = 400,
            Title = "One or more fields are invalid.",
            Detail = message,
        };

    /// <summary>The message of <paramref name="a"/> without the runtime's " (Parameter 'x')" and "Actual value was" suffixes.</summary>
    internal static string StripParam(ArgumentException a)
    {
        var message = a.Message;
        var actual = message.IndexOf("\nActual value was", StringComparison.Ordinal);
        message = actual >= 0 ? message[..actual] : message;
        var suffix = a.ParamName is null ? null : $" (Parameter '{a.ParamName}')";
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    /// <summary>The JSON field a domain parameter name refers to: <c>report.Reporter.Name</c> → <c>reporter.name</c>.</summary>
    internal static string FieldName(string? paramName)
    {
        if (string.IsNullOrEmpty(paramName))
        {
            return "$";
        }

        // The domain names an argument's member (report.DeviceSerialNumber); the client wrote the member.
        var name = paramName;
        foreach (var argument in (ReadOnlySpan<string>)["report.", "exchange.", "quote.", "draft."])
        {
            if (paramName.StartsWith(argument, StringComparison.Ordinal))
            {
                name = paramName[argument.Length..];
                break;
            }
        }

        if (name == "newSeverityCode")
        {
            return "severityCode";
        }

        return string.Join('.', name.Split('.').Select(static s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
    }
}
