using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Reporting;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>Converts the quality records kept against work orders to and from their rows.</summary>
internal static class QualityRows
{
    public static QualitySurveyRow From(string tenantId, SatisfactionSurvey s) => new()
    {
        TenantId = tenantId,
        WorkOrderId = s.WorkOrderId,
        AnsweredOn = s.AnsweredOn,
        Skill = s.Skill,
        Attitude = s.Attitude,
        Timeliness = s.Timeliness,
        Suggestions = s.Suggestions,
    };

    public static QualityCallbackRow From(string tenantId, CustomerCallback c) => new()
    {
        TenantId = tenantId,
        Id = c.Id,
        WorkOrderId = c.WorkOrderId,
        CalledAt = c.CalledAt,
        CalledBy = c.CalledBy,
        Reached = c.Reached,
        Note = c.Note,
    };

    public static QualityShipmentRow From(string tenantId, PartsShipment s) => new()
    {
        TenantId = tenantId,
        Id = s.ShipmentId,
        WorkOrderId = s.WorkOrderId,
        ShippedOn = s.ShippedOn,
        OrderedPartNumber = s.OrderedPartNumber,
        OrderedQuantity = s.OrderedQuantity,
        ShippedPartNumber = s.ShippedPartNumber,
        ShippedQuantity = s.ShippedQuantity,
    };

    public static SatisfactionSurvey ToSurvey(QualitySurveyRow r) => new(r.WorkOrderId, r.AnsweredOn, r.Skill, r.Attitude, r.Timeliness, r.Suggestions);

    public static CustomerCallback ToCallback(QualityCallbackRow r) => new(r.Id, r.WorkOrderId, r.CalledAt, r.CalledBy, r.Reached, r.Note);

    public static PartsShipment ToShipment(QualityShipmentRow r) =>
        new(r.Id, r.WorkOrderId, r.ShippedOn, r.OrderedPartNumber, r.OrderedQuantity, r.ShippedPartNumber, r.ShippedQuantity);
}
