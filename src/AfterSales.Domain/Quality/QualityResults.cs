using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;

namespace AfterSales.Quality;

/// <summary>A quarterly report with the version of the quality terms its targets came from. Immutable.</summary>
/// <param name="Report">The report.</param>
/// <param name="TermsVersion">The tenant's quality terms version in force at the report's "as of" instant; 0 for the defaults.</param>
public sealed record QuarterlyReportResult(QuarterlyReport Report, int TermsVersion);

/// <summary>Every engineer's settlement of a month (月度考核) with the terms version used. Immutable.</summary>
/// <param name="Month">The month.</param>
/// <param name="AsOf">The instant the ledgers are as of.</param>
/// <param name="TermsVersion">The quality terms version in force at the month's end (or "as of"); 0 for the defaults.</param>
/// <param name="Currency">The currency of the penalty policy used.</param>
/// <param name="Ledgers">One ledger per engineer settled, by engineer id.</param>
public sealed record EngineerLedgerMonth(YearMonth Month, Instant AsOf, int TermsVersion, string Currency, IReadOnlyList<EngineerLedger> Ledgers);

/// <summary>The service credits of every contract for a quarter (季度服务赔偿). Immutable.</summary>
/// <param name="Year">The year.</param>
/// <param name="Quarter">The quarter.</param>
/// <param name="AsOf">The instant the clocks are read at.</param>
/// <param name="TermsVersion">The quality terms version in force at the quarter's end (or "as of"); 0 for the defaults.</param>
/// <param name="Contracts">One statement per contract of the terms; empty when the terms promise no credits.</param>
public sealed record QuarterServiceCredits(int Year, int Quarter, Instant AsOf, int TermsVersion, IReadOnlyList<ContractCreditStatement> Contracts);
