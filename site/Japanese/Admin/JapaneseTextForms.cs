using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Japanese.Admin;

public sealed class GlossaryForm
{
    [Display(Name = "用語")]
    [Required(ErrorMessage = "用語を入力してください（例：EBPM）。")]
    [StringLength(JapaneseTextModel.TermLength, ErrorMessage = "用語は60文字以内にしてください。")]
    public string? Term { get; set; }

    [Display(Name = "説明")]
    [Required(ErrorMessage = "説明を入力してください。中学生にもわかる短い言葉で書きます。")]
    [StringLength(JapaneseTextModel.DefinitionLength, ErrorMessage = "説明は600文字以内にしてください。")]
    public string? Definition { get; set; }

    /// <summary>Which button was pressed: 公開する (true) or 非公開で保存 (false).</summary>
    public bool Publish { get; set; }
}

/// <summary>One entry of a word list page: the reading list or the synonyms.</summary>
public sealed class WordListForm
{
    [Required(ErrorMessage = "語を入力してください。")]
    [StringLength(JapaneseTextModel.TermLength, ErrorMessage = "語は60文字以内にしてください。")]
    public string? Word { get; set; }

    [Required(ErrorMessage = "入力してください。")]
    [StringLength(JapaneseTextModel.ReadingLength, ErrorMessage = "120文字以内にしてください。")]
    public string? Value { get; set; }
}

/// <summary>What a word list page shows: the reading list and the synonyms share one page layout.</summary>
public sealed record WordListPage(
    string Title,
    string Intro,
    string Path,
    string WordLabel,
    string WordHint,
    string ValueLabel,
    string ValueHint,
    IReadOnlyList<(int Id, string Word, string Value)> Entries,
    WordListForm Form);
