namespace AfterSales.Quality.Reporting;

/// <summary>
/// Why a figure has no value (无数据的原因): every empty figure of a report says which, instead of
/// showing a number nobody measured. Stable names; the renderers word them.
/// </summary>
public enum NoDataReason
{
    /// <summary>The period had not started at the report's "as of" instant.</summary>
    PeriodNotStarted,

    /// <summary>No work order was reported in the period.</summary>
    NoWorkOrders,

    /// <summary>No SLA clock of the period's work orders had stopped or breached (all still running).</summary>
    NoClockDecided,

    /// <summary>No device is registered and none had a fault.</summary>
    NoDevices,

    /// <summary>No service report was signed with a rating in the period.</summary>
    NoRatings,

    /// <summary>No survey answered the item in the period.</summary>
    NoSurveyAnswers,

    /// <summary>No in-warranty work order was resolved in the period, so no callback was due.</summary>
    NoCallbacksDue,

    /// <summary>No parts shipment was recorded in the period.</summary>
    NoShipments,

    /// <summary>No part was replaced on the period's work orders.</summary>
    NoPartsReplaced,

    /// <summary>Nobody recorded it: the service does not hold this section's content.</summary>
    NotRecorded,
}
