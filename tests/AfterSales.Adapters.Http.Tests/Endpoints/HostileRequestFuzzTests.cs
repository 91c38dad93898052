using System.Net;
using System.Text;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// 2 400 random malformed or hostile requests: none gets a 5xx, every one is rejected, and the
/// database is byte-for-byte what it was (file hash after a WAL checkpoint, and a dump of every table).
/// </summary>
public sealed class HostileRequestFuzzTests
{
    private const int Requests = 2400;

    private static readonly string[] RefusedCommands =
    [
        "start-remote-diagnosis", "resolve-remotely", "dispatch", "arrive-on-site", "escalate-to-vendor", "restore-service",
        "resolve", "start-observation", "sign-off", "close", "reopen", "resume",
    ];

    private static readonly string[] BodyCommands = ["wait-for-customer", "reclassify", "cancel"];

    private static readonly string[] NoteCommands = ["deliver-repair-plan", "provide-loaner"];

    private static readonly string[] PathTricks =
    [
        "/after-sales/tickets/..%2f..%2fetc%2fpasswd", "/after-sales/tickets/%2e%2e/%2e%2e/openapi", "/after-sales/tickets/WO-1/..%2fclose",
"/after-sales/tickets/%ff%fe", "/after-sales/tickets/WO-1/%2e%2e/nope/acknowledge",
        "/after-sales/tickets/" + new string('A', 5000), "/after-sales/tickets/WO-1/unknown-command", "/after-sales//tickets",
        "/after-sales/tickets/WO-1/clocks/../../../", "/after-sales/tickets/' OR 1=1 --", "/after-sales/tickets/%E2%80%AE1-OW",
        "/after-sales/tickets/WO-1;drop table tickets", "/after-sales/tickets/\u5de5\u5355",
    ];

    [Fact]
    public async Task HostileRequests_NoServerError_AllRejected_DatabaseUnchanged()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/complaints", Api.Json("""{"id":"C-1","workOrderId":"WO-1","engineerId":"E","summary":"s"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/spares/BJ/P-1/movements", Api.Json("""{"kind":"Received","quantity":2,"by":"w"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/after-sales/devices", Api.Json("""{"serialNumber":"D-1","component":"hardware","acceptedOn":"2025-04-15"}"""))).EnsureSuccessStatusCode();
        (await client.PutAsync("/after-sales/price-lists/CT-1", Api.Json("""{"parts":[{"partNumber":"P-1","maxUnitPrice":120.5}]}"""))).EnsureSuccessStatusCode();
        var fileBefore = await factory.FileHashAsync();
        var dumpBefore = await factory.DumpHashAsync();

        var random = new Random(7_2026);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Next(random);
            var description = $"#{i} {request.Method} {request.RequestUri}";
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (Exception ex)
            {
                failures.Add($"{description}: threw {ex.GetType().Name} {ex.Message}");
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status >= 500 || status < 400)
                {
                    failures.Add($"{description}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(dumpBefore, await factory.DumpHashAsync());
        Assert.Equal(fileBefore, await factory.FileHashAsync());
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] : s;

    private static HttpRequestMessage Next(Random random)
    {
        switch (random.Next(12))
        {
            case 10:
            case 11:
                var (url, body) = HostileCalculatorRequest(random);
                return url.StartsWith("GET ", StringComparison.Ordinal)
                    ? new HttpRequestMessage(HttpMethod.Get, url[4..])
                    : Post(url, body, ContentType(random, mostlyJson: true));
            case 0:
            case 1:
            case 2:
                return Post("/after-sales/tickets", HostileReport(random), ContentType(random, mostlyJson: true));
            case 3:
                return Post($"/after-sales/tickets/WO-1/{Pick(random, RefusedCommands)}", RandomBody(random), ContentType(random, mostlyJson: true), IfMatch(random));
            case 4:
                var command = Pick(random, BodyCommands);
                var invalid = command == "reclassify" && random.Next(3) == 0 ? """{"severityCode":"NOPE","reason":"x"}""" : InvalidReasonBody(random);
                return Post($"/after-sales/tickets/WO-1/{command}", invalid, ContentType(random, mostlyJson: true), IfMatch(random));
            case 5:
                // Note commands accept no body or a valid one; send a broken one or a wrong content type.
                return Post($"/after-sales/tickets/WO-1/{Pick(random, NoteCommands)}", random.Next(2) == 0 ? Broken(random) : """{"note":"x"}""",
                    random.Next(2) == 0 ? "text/plain" : "application/json", random.Next(2) == 0 ? "\"99\"" : "garbage");
            case 6:
                var trick = Pick(random, PathTricks);
                return random.Next(2) == 0 ? new HttpRequestMessage(HttpMethod.Get, trick) : Post(trick, RandomBody(random), "application/json");
            case 7:
                return new HttpRequestMessage(HttpMethod.Get, HostileQuery(random));
            case 8:
                return Post("/after-sales/business-time", HostileBusinessTime(random), ContentType(random, mostlyJson: true));
            default:
                var r = Post("/after-sales/tickets", random.Next(3) == 0 ? Api.ReportBody() : HostileReport(random), "application/json");
                switch (random.Next(4))
                {
                    case 0:
                        r.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? new string('k', 300) : "has space");
                        break;
                    case 1:
                        r.Headers.Remove("X-Tenant-Id");
                        r.Headers.TryAddWithoutValidation("X-Tenant-Id", new string('t', 101 + random.Next(1000)));
                        break;
                    case 2:
                        r.Headers.TryAddWithoutValidation("X-Tenant-Id", ["acme", "second-value"]);
                        break;
                    default:
                        r.Content = new ByteArrayContent(new byte[65_537 + random.Next(100_000)]);
                        r.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                        break;
                }

                if (random.Next(2) == 0 && r.Headers.Contains("Idempotency-Key") is false)
                {
                    r.Headers.TryAddWithoutValidation("X-Tenant-Id", string.Empty);
                }

                return r;
        }
    }

    private static HttpRequestMessage Post(string url, string body, string? contentType, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static string? IfMatch(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => "\"1\"",
        2 => "W/\"0\"",
        _ => "\"" + new string('9', random.Next(1, 40)) + "\"",
    };

    private static string ContentType(Random random, bool mostlyJson) => random.Next(mostlyJson ? 10 : 2) switch
    {
        0 => Pick(random, ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1", "*/*", "application/jsonx"]),
        _ => "application/json",
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Broken(Random random) => random.Next(8) switch
    {
        0 => string.Empty,
        1 => "null",
        2 => "{\"reporter\":",
        3 => new string('[', 2000) + new string(']', 2000),
        4 => Encoding.Latin1.GetString(Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256)).ToArray()),
        5 => "{\"a\":1,}",
        6 => "/* comment */ {}",
        _ => "[1,2,3]",
    };

    private static string RandomBody(Random random) => random.Next(3) == 0
        ? Broken(random)
        : Pick(random, ["{}", """{"engineer":" "}""", """{"reason":""}""", """{"resolution":12}""", """{"signer":"a","satisfaction":5}""", """{"engineer":"x"}"""]);

    private static string InvalidReasonBody(Random random) => random.Next(7) switch
    {
        0 => Broken(random),
        1 => """{"reason":"   "}""",
        2 => """{"reason":null}""",
        3 => """{"reason":42}""",
        4 => """{"reason":"\t\n "}""",
        5 => "{}",
        _ => """{"reason":["a"]}""",
    };

    private static string HostileReport(Random random)
    {
        var valid = Api.ReportBody();
        return random.Next(16) switch
        {
            0 => Broken(random),
            1 => valid.Replace("\"Phone\"", "\"Carrier pigeon\"", StringComparison.Ordinal),
            2 => valid.Replace("\"Phone\"", "3", StringComparison.Ordinal),
            3 => valid.Replace("\"Local\"", "\"Mars\"", StringComparison.Ordinal),
            4 => valid.Replace("\"A\"", "\"ZZ\"", StringComparison.Ordinal),
            5 => valid.Replace("\"SN-0001\"", "\"\"", StringComparison.Ordinal),
            6 => valid.Replace("\"SN-0001\"", "null", StringComparison.Ordinal),
            7 => valid.Replace("\"SN-0001\"", "{\"$ne\":1}", StringComparison.Ordinal),
            8 => valid.Replace("\"Storage array down\"", "\"" + new string('x', 70_000 + random.Next(50_000)) + "\"", StringComparison.Ordinal),
            9 => valid.TrimEnd('}') + ",\"faultOccurredAt\":\"" + Pick(random, ["2026-13-45T00:00:00Z", "yesterday", "2026-03-02", "2099-01-01T00:00:00Z", "", "9999999999"]) + "\"}",
            10 => valid.Replace("\"id\":null", "\"id\":\"" + new string('I', 101 + random.Next(50)) + "\"", StringComparison.Ordinal),
            11 => valid.Replace("\"id\":null", "\"id\":\"WO-1\"", StringComparison.Ordinal), // exists: 409
            12 => valid.TrimEnd('}') + ",\"policyId\":\"" + Pick(random, ["no-such-policy", "", "../../etc"]) + "\"}",
            13 => valid.TrimEnd('}') + ",\"policyVersion\":" + Pick(random, ["-1", "0", "99", "\"one\"", "1e999"]) + "}",
            14 => valid.Replace("\"reporter\":{", "\"reporter\":[{", StringComparison.Ordinal),
            _ => valid.Replace("\"Local\"", "\"Travel\"", StringComparison.Ordinal).Replace("\"name\":\"HQ\"", "\"distanceKm\":-5,\"name\":\"HQ\"", StringComparison.Ordinal),
        };
    }

    private static string HostileQuery(Random random) => random.Next(9) switch
    {
        0 => "/after-sales/tickets?page=-1",
        1 => "/after-sales/tickets?pageSize=" + Pick(random, ["0", "201", "1e9", "abc", "99999999999999"]),
        2 => "/after-sales/tickets?state=" + Pick(random, ["<script>", "Open", "7", "closed%00"]),
        3 => "/after-sales/tickets?dueBefore=" + Pick(random, ["garbage", "2026-02-30T00:00:00Z", "", "%00"]),
        4 => "/after-sales/tickets/WO-1/clocks?at=" + Pick(random, ["not-an-instant", "2026-03-02", "99999-01-01T00:00:00Z"]),
        5 => "/after-sales/tickets?page=1&page=2",
        6 => "/after-sales/tickets?site=" + new string('s', 300),
        7 => "/after-sales/tickets/" + Guid.NewGuid().ToString("N"),
        _ => "/after-sales/tickets/WO-404/clocks",
    };

    private static (string Url, string Body) HostileCalculatorRequest(Random random) => random.Next(27) switch
    {
        0 => ("/after-sales/warranty/assessments", Broken(random)),
        1 => ("/after-sales/warranty/assessments", """{"policy":"nope","serialNumber":"K","component":"hardware","on":"2026-03-02"}"""),
        2 => ("/after-sales/warranty/assessments", """{"policy":"cn-000-kiosk","serialNumber":"K","component":"plasma","on":"2026-03-02"}"""),
        3 => ("/after-sales/warranty/assessments", """{"policy":"cn-000-kiosk","serialNumber":"K","component":"hardware","on":"2026-02-30"}"""),
        4 => ("/after-sales/warranty/assessments", """{"policy":"cn-000-kiosk","serialNumber":"","component":"hardware","on":"2026-03-02"}"""),
        5 => ("/after-sales/tickets/WO-1/quotes", """{"priceListId":"CT-1","lines":[]}"""),
        6 => ("/after-sales/tickets/WO-1/quotes", """{"priceListId":"CT-1","lines":[{"kind":"Part","partNumber":"P-1","quantity":0}]}"""),
        7 => ("/after-sales/tickets/WO-1/quotes", """{"priceListId":"CT-1","lines":[{"kind":"Travel","unitPrice":-5}]}"""),
        8 => ("/after-sales/tickets/WO-1/quotes", """{"priceListId":"CT-1","lines":[{"kind":"Bribe","unitPrice":5}]}"""),
        9 => ("/after-sales/tickets/WO-1/submit-quote", """{"priceListId":"CT-1","lines":[{"kind":"Part","partNumber":"P-1","unitPrice":121}]}"""),
        10 => ("/after-sales/tickets/WO-1/quotes", """{"priceListId":"CT-1","lines":[{"kind":"Part","partNumber":"P-1","unitPrice":79228162514264337593543950335,"quantity":2147483647}]}"""),
        11 => ("/after-sales/spares/replenishment-runs/2026-13", "{}"),
        12 => ("/after-sales/spares/replenishment-runs/2026-02", """{"ratio":-1}"""),
        13 => ("/after-sales/spares/replenishment-runs/2026-02", """{"ratio":1e40}"""),
        14 => ("/after-sales/spares/replenishment-runs/9999-01", """{"minimum":-2147483648}"""),
        15 => ("/after-sales/spares/ledger", """{"centreId":"A","partNumber":"P","movements":[{"kind":"Scrapped","quantity":5,"by":"w","at":"2026-03-01T00:00:00Z"}]}"""),
        16 => ("/after-sales/spares/ledger", """{"centreId":"A","partNumber":"P","movements":[{"kind":"Received","quantity":-5,"by":"w","at":"2026-03-01T00:00:00Z"}]}"""),
        17 => ("/after-sales/spares/ledger", """{"centreId":"A","partNumber":"P","movements":[{"kind":"IssuedToWorkOrder","quantity":1,"by":"w","at":"2026-03-01T00:00:00Z"}]}"""),
        18 => ("/after-sales/complaints/evaluations", """{"id":"C","workOrderId":"W","engineerId":"E","filedAt":"2026-03-02T00:00:00Z","summary":"s","closedAt":"2026-03-03T00:00:00Z"}"""),
        19 => ("/after-sales/complaints/evaluations", """{"id":"C","workOrderId":"W","engineerId":"E","filedAt":"2026-03-02T00:00:00Z","summary":"s","verifiedAt":"2026-03-03T00:00:00Z"}"""),
        20 => ("/after-sales/complaints/evaluations", """{"id":"C","workOrderId":"W","engineerId":"E","filedAt":"2026-03-02T00:00:00Z","summary":"s","firstRepliedAt":"2026-03-01T00:00:00Z"}"""),
        21 => ("/after-sales/complaints/evaluations", """{"id":"","workOrderId":"W","engineerId":"E","filedAt":"2026-03-02T00:00:00Z","summary":"s"}"""),
        23 or 24 or 25 => Pick(random, StoredHostile),
        22 => ("GET /after-sales/reports/quarterly/" + Pick(random, ["1999/1", "2026/0", "2026/5", "2026/1?format=pdf", "x/1", "2026/1?format=html&format=json"]), string.Empty),
        _ => ("/after-sales/spares/replenishment", Broken(random)),
    };

    private static readonly (string Url, string Body)[] StoredHostile =
    [
        ("/after-sales/complaints", """{"workOrderId":"WO-1","engineerId":"E"}"""),
        ("/after-sales/complaints", """{"id":"C-1","workOrderId":"WO-1","engineerId":"E","summary":"dup"}"""),
        ("/after-sales/complaints", """{"id":"","workOrderId":"WO-1","engineerId":"E","summary":"s"}"""),
        ("/after-sales/complaints", """{"workOrderId":" ","engineerId":"E","summary":"s"}"""),
        ("/after-sales/complaints/C-1/close", string.Empty),
        ("/after-sales/complaints/C-1/verdict", string.Empty),
        ("/after-sales/complaints/C-1/verification", """{"engineerResponsible":"maybe"}"""),
        ("/after-sales/complaints/C-404/first-reply", string.Empty),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"Scrapped","quantity":3,"by":"w"}"""),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"Received","quantity":0,"by":"w"}"""),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"Received","quantity":-1,"by":"w"}"""),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"IssuedToWorkOrder","quantity":1,"by":"w"}"""),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"Teleported","quantity":1,"by":"w"}"""),
        ("/after-sales/spares/BJ/P-1/movements", """{"kind":"Received","quantity":1,"by":" "}"""),
        ("/after-sales/spares/BJ/P-9/movements", """{"kind":"LoanerIssued","quantity":1,"by":"w","workOrderId":"WO-1"}"""),
        ("/after-sales/devices", """{"serialNumber":"D-1","component":"hardware"}"""),
        ("/after-sales/devices", """{"serialNumber":"","component":"hardware"}"""),
        ("/after-sales/devices", """{"serialNumber":"D-2","component":"antimatter"}"""),
        ("/after-sales/devices", """{"serialNumber":"D-2","component":"hardware","acceptedOn":"2026-13-01"}"""),
        ("GET /after-sales/devices/D-1/warranty?policy=nope", string.Empty),
        ("GET /after-sales/devices/D-404/warranty?policy=cn-000-kiosk", string.Empty),
        ("GET /after-sales/warranty/expiring?policy=cn-000-kiosk&from=yesterday", string.Empty),
        ("/after-sales/tickets/WO-404/survey", """{"skill":5}"""),
        ("/after-sales/tickets/WO-1/survey", """{"skill":6}"""),
        ("/after-sales/tickets/WO-1/survey", """{"suggestions":"   "}"""),
        ("/after-sales/tickets/WO-1/survey", """{"skill":5,"answeredOn":"2099-01-01"}"""),
        ("/after-sales/tickets/WO-1/callbacks", """{"calledBy":"","reached":true}"""),
        ("/after-sales/tickets/WO-1/callbacks", """{"calledBy":"x","reached":"maybe"}"""),
        ("/after-sales/tickets/WO-1/shipments", """{"orderedPartNumber":"A","orderedQuantity":0,"shippedPartNumber":"A"}"""),
        ("/after-sales/tickets/WO-1/shipments", """{"orderedPartNumber":" ","shippedPartNumber":"A"}"""),
        ("/after-sales/inspections/records", """{"device":"D-1","site":"S","checklist":{"preset":"kiosk-000"},"inspectedOn":"2026-03-01","engineerId":"e","results":[]}"""),
        ("/after-sales/inspections/records", """{"device":"D-1","checklist":{"preset":"kiosk-000"},"inspectedOn":"2026-03-01","engineerId":"e","results":[{"item":"lens","outcome":"Ok"}]}"""),
        ("/after-sales/inspections/records", """{"device":"D-1","checklist":{"preset":"nope"},"inspectedOn":"2026-03-01","engineerId":"e","results":[]}"""),
        ("GET /after-sales/reports/service-credits/2026/9", string.Empty),
        ("GET /after-sales/engineers/ledgers/2026-13", string.Empty),
        ("GET /after-sales/inspections/due?on=someday", string.Empty),
        ("GET /after-sales/reports/quarterly/2026/1?asOf=tomorrow", string.Empty),
    ];

    private static string HostileBusinessTime(Random random) => random.Next(10) switch
    {
        0 => Broken(random),
        1 => """{"calendar":"nope","start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""",
        2 => """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z"}""",
        3 => """{"calendar":"24x7-beijing","start":"yesterday","businessTime":"PT1H"}""",
        4 => """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","businessTime":"-PT1H"}""",
        5 => """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","workingDays":99999999}""",
        6 => """{"definition":{"zone":"Mars/Olympus","weeklyHours":[]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""",
        7 => """{"definition":{"zone":"UTC","weeklyHours":[{"day":"Funday","start":"09:00:00","end":"18:00:00"}]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""",
        8 => """{"definition":{"zone":"UTC","weeklyHours":[{"day":"Monday","start":"18:00:00","end":"09:00:00"}]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""",
        _ => """{"calendar":"cn-statutory-9-18","start":"2150-01-01T00:00:00Z","businessTime":"PT1H"}""",
    };
}
