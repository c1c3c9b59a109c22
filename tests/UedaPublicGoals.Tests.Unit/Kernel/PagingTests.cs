using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Tests.Unit.Kernel;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(1, 10, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(5000, 50, 100)]
    public void A_list_has_as_many_pages_as_its_items_fill_and_at_least_one(int items, int pageSize, int pages) =>
        Assert.Equal(pages, Paging.PageCount(items, pageSize));

    [Theory]
    [InlineData(0, 8, 1)]
    [InlineData(7, 8, 1)]
    [InlineData(8, 8, 2)]
    [InlineData(204, 8, 26)]
    public void An_item_is_on_the_page_its_index_falls_on(int index, int pageSize, int page) =>
        Assert.Equal(page, Paging.PageHolding(index, pageSize));

    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(2, 50, 50)]
    [InlineData(26, 8, 200)]
    public void A_page_starts_after_the_items_of_the_pages_before_it(int page, int pageSize, int offset)
    {
        Assert.Equal(offset, Paging.Offset(page, pageSize));
        Assert.Equal(page, Paging.PageHolding(Paging.Offset(page, pageSize), pageSize));
    }
}
