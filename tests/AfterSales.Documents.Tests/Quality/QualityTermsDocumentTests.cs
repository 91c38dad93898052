using System.Text.Json;
using AfterSales.Documents.Quality;
using AfterSales.Quality.Terms;

namespace AfterSales.Documents.Tests.Quality;

public class QualityTermsDocumentTests
{
    private const string Valid = """
        {
          "name": "某银行自助终端维保 2026",
          "customer": "某银行省分行",
          "penalties": {
            "finePerConfirmedComplaint": 500,
            "dismissalAtCount": 3,
            "dismissalWindow": "P12M",
            "bonus": { "amount": 1000, "deductionPerComplaint": 200, "forfeitAtCount": 3 },
            "payPerService": 50
          },
          "targets": { "onTimeRate": 0.95, "availability": 0.99, "satisfactionRate": 0.98 },
          "serviceCredits": {
            "tiers": [ { "minimumOverdue": "PT0S", "percentOfMonthlyFee": 2 }, { "minimumOverdue": "PT8H", "percentOfMonthlyFee": 10, "fixedAmount": 100 } ],
            "capPercentOfMonthlyFee": 20,
            "monthlyFees": { "cn-000-kiosk-hardware": 30000 }
          }
        }
        """;

    private static DocumentResult<QualityTerms> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return QualityTermsDocuments.ReadTerms(document.RootElement);
    }

    /// <summary>R-CP-2/3: the seed's penalty rules as data, read into the domain's policy and written back unchanged.</summary>
    [Fact]
    public void ReadTerms_ValidDocument_BuildsThePolicyAndWritesBackUnchanged_RCP2_RCP3()
    {
        var read = Read(Valid);

        Assert.True(read.Success, string.Join("\n", read.Errors));
        var p = read.Value.Penalties;
        Assert.Equal((500m, 3, "rolling P12M", 50m), (p.FinePerConfirmedComplaint, p.DismissalAtCount, p.DismissalWindow.ToString(), p.PayPerService));
        Assert.Equal((600m, 0m), (p.Bonus!.BonusFor(2), p.Bonus.BonusFor(3))); // 1000 − 2 × 200; forfeited at 3
        Assert.Equal(Duration.FromHours(8), read.Value.ServiceCredits!.Policy.Tiers[1].MinimumOverdue);
        var version = new QualityTermsVersion(read.Value, 2, Instant.FromUtc(2026, 3, 2, 1, 0));
        var text = QualityTermsDocuments.Write(version);
        Assert.Equal(text, QualityTermsDocuments.Write(new QualityTermsVersion(QualityTermsDocuments.ReadStored(text), 2, version.AdoptedAt)));
        Assert.Contains("\"version\":2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTerms_SchemaErrors_EveryOneByJsonPath()
    {
        var read = Read("""
            {"name":"x","penalties":{"finePerConfirmedComplaint":-1,"dismissalAtCount":0,"dismissalWindow":"fortnight","sideNote":1},
             "targets":{"onTimeRate":1.5},"serviceCredits":{"tiers":[],"monthlyFees":{}}}
            """);

        Assert.False(read.Success);
        var paths = read.ErrorsByPath().Keys.ToHashSet();
        foreach (var path in new[] { "$.penalties.finePerConfirmedComplaint", "$.penalties.dismissalAtCount", "$.penalties.dismissalWindow", "$.targets.onTimeRate", "$.serviceCredits.tiers", "$.serviceCredits.monthlyFees" })
        {
            Assert.Contains(path, paths);
        }
    }

    /// <summary>The domain's own checks come back by path too: tiers that credit less for a larger breach.</summary>
    [Fact]
    public void ReadTerms_DomainErrors_ByJsonPath()
    {
        var read = Read("""
            {"name":"x","penalties":{"finePerConfirmedComplaint":1,"dismissalAtCount":1,"dismissalWindow":"month"},
             "serviceCredits":{"tiers":[{"minimumOverdue":"PT1H","percentOfMonthlyFee":5},{"minimumOverdue":"PT2H","percentOfMonthlyFee":1}],"monthlyFees":{"p":1}}}
            """);

        Assert.False(read.Success);
        Assert.Equal("$.serviceCredits.tiers", Assert.Single(read.Errors).Path);
    }

    [Fact]
    public void ToDocument_Defaults_IsVersionZeroWithTheSeedRules()
    {
        var document = QualityTermsDocuments.ToDocument(QualityTermsVersion.Default);

        Assert.Equal(0, document.Version);
        Assert.Null(document.AdoptedAt);
        Assert.Equal((500m, 3, "P12M"), (document.Penalties.FinePerConfirmedComplaint, document.Penalties.DismissalAtCount, document.Penalties.DismissalWindow));
        Assert.Equal(0.98m, document.Targets!.SatisfactionRate);
        Assert.Contains("quality-terms", QualityTermsDocuments.SchemaText, StringComparison.Ordinal);
    }
}
