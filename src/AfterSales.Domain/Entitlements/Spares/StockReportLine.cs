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

    /// <summary>The line of <paramref name="ledger"/> over <paramref name="month"/> ([start, end)): the balance before it, the month's movements by kind, the balance after.</summary>
    public static StockReportLine Of(StockLedger ledger, Interval month)
    {
        Internal.Guard.NotNull(ledger);
        int opening = 0, received = 0, issued = 0, loaned = 0, returned = 0, scrapped = 0;
        foreach (var movement in ledger.Movements)
        {
            if (movement.At < month.Start)
            {
                opening += movement.SignedQuantity;
                continue;
            }

            if (movement.At >= month.End)
            {
                break;
            }

            switch (movement.Kind)
            {
                case StockMovementKind.Received: received += movement.Quantity; break;
                case StockMovementKind.IssuedToWorkOrder: issued += movement.Quantity; break;
                case StockMovementKind.LoanerIssued: loaned += movement.Quantity; break;
                case StockMovementKind.Returned: returned += movement.Quantity; break;
                case StockMovementKind.Scrapped: scrapped += movement.Quantity; break;
            }
        }

        return FromTotals(ledger.CentreId, ledger.PartNumber, opening, received, issued, loaned, returned, scrapped);
    }

    /// <summary>A line from the month's totals, e.g. summed by a database; the closing balance follows.</summary>
    /// <exception cref="ArgumentException">An id breaks the <see cref="Identifier"/> rule, or a total is negative.</exception>
    public static StockReportLine FromTotals(string centreId, string partNumber, int opening, int received, int issued, int loanersIssued, int returned, int scrapped) =>
        new(Identifier.Check(centreId), Identifier.Check(partNumber), opening, EntitlementGuard.NotNegative(received), EntitlementGuard.NotNegative(issued),
            EntitlementGuard.NotNegative(loanersIssued), EntitlementGuard.NotNegative(returned), EntitlementGuard.NotNegative(scrapped),
            checked(opening + received + returned - issued - loanersIssued - scrapped));

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
