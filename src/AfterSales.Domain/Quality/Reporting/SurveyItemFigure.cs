namespace AfterSales.Quality.Reporting;

/// <summary>
/// One survey item over a period (调查项目): how many surveys answered it and the sum of their
/// scores, so the mean is over the answers only (R-RP-5). Immutable.
/// </summary>
public sealed class SurveyItemFigure
{
    internal SurveyItemFigure(string code, string nameZh, string nameEn, int answers, int scoreTotal)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Answers = answers;
        ScoreTotal = scoreTotal;
    }

    /// <summary><c>skill</c>, <c>attitude</c> or <c>timeliness</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <summary>Surveys that answered the item.</summary>
    public int Answers { get; }

    /// <summary>The sum of their scores (additive over periods).</summary>
    public int ScoreTotal { get; }

    /// <summary>The mean score 1–5; null when no survey answered the item.</summary>
    public decimal? Mean => Answers == 0 ? null : (decimal)ScoreTotal / Answers;
}
