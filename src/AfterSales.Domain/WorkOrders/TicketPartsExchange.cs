namespace AfterSales.WorkOrders;

/// <summary>
/// A replaced part as the work order records it: the old and the new part, both signed for by the
/// customer (新旧件签收, R-WO-7). Replacement parts are new original parts (R-SP-4).
/// </summary>
public sealed record TicketPartsExchange
{
    /// <summary>The part number taken out.</summary>
    public required string OldPartNumber { get; init; }

    /// <summary>The serial number taken out, if the part has one.</summary>
    public string? OldSerialNumber { get; init; }

    /// <summary>The part number put in.</summary>
    public required string NewPartNumber { get; init; }

    /// <summary>The serial number put in, if the part has one.</summary>
    public string? NewSerialNumber { get; init; }

    /// <summary>Who signed for both parts for the customer.</summary>
    public required string SignedBy { get; init; }

    /// <summary>On paid work: the accepted quote the new part was replaced under (R-WO-7); the ticket sets it.</summary>
    public string? QuoteId { get; init; }
}
