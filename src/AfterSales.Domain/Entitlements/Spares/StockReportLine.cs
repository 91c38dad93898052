namespace AfterSales.Entitlements.Spares;

/// <summary>
/// One line of the monthly usage and stock report (备用设备与零件使用情况报告), R-SP-3: a centre's
/// movements of one part type during the month and its opening and closing balances. Immutable.
/// </summary>
/// <remarks>Closing = Opening + Received + Returned − Issued − LoanersIssued − Scrapped.</remarks>
public sealed class StockReportLine
{
    internal StockReportLine(string centreId, string partNumber, int opening, int received, int issued, int loanersIssued, int returned, int scrapped, int closing)
    {
        CentreId = centreId;
        PartNumber = partNumber;
        Opening = opening;
        Received = received;
        Issued = issued;
        LoanersIssued = loanersIssued;
        Returned = returned;
        Scrapped = scrapped;
        Closing = closing;
    }

    /// <summary>The service centre.</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>The balance at the start of the month.</summary>
    public int Opening { get; }

    /// <summary>Units received during the month.</summary>
    public int Received { get; }

    /// <summary>Units issued to work orders during the month.</summary>
    public int Issued { get; }

    /// <summary>Loaner units lent during the month.</summary>
    public int LoanersIssued { get; }

    /// <summary>Units returned during the month.</summary>
    public int Returned { get; }

    /// <summary>Units scrapped during the month.</summary>
    public int Scrapped { get; }

    /// <summary>The balance at the end of the month.</summary>
    public int Closing { get; }
}
