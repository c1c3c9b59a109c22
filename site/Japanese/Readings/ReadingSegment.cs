namespace UedaPublicGoals.Japanese.Readings;

/// <summary>A piece of text and, for a run of kanji, its reading in hiragana (null: shown as it is).</summary>
public readonly record struct ReadingSegment(string Text, string? Reading);
