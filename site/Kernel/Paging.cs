namespace UedaPublicGoals.Kernel;

/// <summary>The one rule for paged lists (public listings, the backoffice's tree and lists, the inbox).</summary>
public static class Paging
{
    /// <summary>Pages needed for <paramref name="items"/> at <paramref name="pageSize"/> a page; an empty list still has its first page.</summary>
    public static int PageCount(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>How many items come before page <paramref name="page"/> (from 1): what a query skips to show it.</summary>
    public static int Offset(int page, int pageSize) => (page - 1) * pageSize;

    /// <summary>The page (from 1) that holds the item at <paramref name="index"/> (from 0).</summary>
    public static int PageHolding(int index, int pageSize) => index / pageSize + 1;
}
