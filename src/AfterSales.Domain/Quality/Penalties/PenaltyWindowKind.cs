namespace AfterSales.Quality.Penalties;

/// <summary>The kinds of <see cref="PenaltyWindow"/>.</summary>
public enum PenaltyWindowKind
{
    /// <summary>The calendar month of the ledger.</summary>
    Month,

    /// <summary>The calendar year of the ledger's month, from 1 January to the month's end (year to date).</summary>
    Year,

    /// <summary>A rolling period ending on the last day of the ledger's month.</summary>
    Rolling,
}
