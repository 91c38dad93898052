namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// The guard the work order asks before replacing parts (R-WO-7): on paid work, tell the customer
/// the part and price and get consent first (告知客户要更换设备的相关信息以及价格,再由客户确认是否更换).
/// </summary>
public static class QuoteApproval
{
    /// <summary>Whether parts may be replaced under <paramref name="quote"/>: only once the customer has accepted it.</summary>
    /// <param name="quote">The quote for the work; <see langword="null"/> when none was issued.</param>
    public static ApprovalDecision CanReplaceParts(Quote? quote) =>
        quote switch
        {
            null => new(false, "no quote has been issued: paid work needs a quote the customer accepts before parts are replaced (R-WO-7)"),
            { Acceptance: null } => new(false, $"the customer has not accepted the quote '{quote.Id}' ({quote.Total}) yet (R-WO-7)"),
            { Acceptance: { } a } => new(true, $"the customer accepted the quote '{quote.Id}' ({quote.Total}): {a.AcceptedBy} at {a.AcceptedAt}"),
        };

    /// <summary>
    /// Whether parts may be replaced on a repair: always when the warranty covers it (no quote needed),
    /// otherwise only once the customer has accepted <paramref name="quote"/>.
    /// </summary>
    public static ApprovalDecision CanReplaceParts(OutOfWarrantyRepair repair, Quote? quote)
    {
        ArgumentNullException.ThrowIfNull(repair);
        return repair.IsBillable
            ? CanReplaceParts(quote)
            : new(true, $"no quote needed: {repair.Reason}");
    }
}
