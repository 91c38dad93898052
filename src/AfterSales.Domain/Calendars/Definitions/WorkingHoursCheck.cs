using System.Globalization;

namespace AfterSales.Calendars;

/// <summary>The range checks a definition reports as issues (the builder's own checks throw at the first).</summary>
internal static class WorkingHoursCheck
{
    /// <summary>An issue at <c>[i]</c> for each range that is empty or overlaps an earlier one of the list, in the order given.</summary>
    public static IEnumerable<DefinitionIssue> Overlaps(IReadOnlyList<WorkingHours> hours)
    {
        for (var i = 0; i < hours.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
            var range = hours[i];
            if (range.IsEmpty)
            {
                yield return new DefinitionIssue(path, "the range is empty; a range's end must be later than its start.");
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                var other = hours[j];
                if (!other.IsEmpty && range.StartNanosecondOfDay < other.EndNanosecondOfDay && other.StartNanosecondOfDay < range.EndNanosecondOfDay)
                {
                    yield return new DefinitionIssue(path, string.Create(CultureInfo.InvariantCulture, $"{range} overlaps {other} ([{j}]); give each moment once (adjacent ranges such as 09:00–12:00 and 12:00–18:00 are fine)."));
                    break;
                }
            }
        }
    }
}
