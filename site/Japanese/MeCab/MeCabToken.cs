namespace UedaPublicGoals.Japanese.MeCab;

/// <summary>One morpheme: its text as written and its reading in katakana (null for unknown words and symbols).</summary>
public sealed record MeCabToken(string Surface, string? Reading);
