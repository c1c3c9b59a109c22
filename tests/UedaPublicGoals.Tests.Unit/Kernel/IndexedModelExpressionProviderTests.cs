using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using UedaPublicGoals.Kernel.Forms;

namespace UedaPublicGoals.Tests.Unit.Kernel;

/// <summary>
/// The provider that reads indexed asp-for expressions by walking them gives exactly what MVC's compiling provider
/// gives: the same field name, value, metadata and container, for every shape the editors use and for the ones
/// it leaves to MVC.
/// </summary>
public sealed class IndexedModelExpressionProviderTests
{
    public sealed class Sheet
    {
        public List<Item> Items { get; set; } = [];

        public Item[] Fixed { get; set; } = [];

        public Dictionary<string, string> Labels { get; set; } = [];

        public string Title { get; set; } = "";

        public Item? Missing { get; set; }
    }

    public sealed class Item
    {
        public string? Name { get; set; }

        public int? Count { get; set; }

        public List<Item> Children { get; set; } = [];

        public string Note = "";
    }

    private static readonly Sheet Model = new()
    {
        Title = "重点目標",
        Items =
        [
            new Item { Name = "第一", Count = 1, Note = "注記", Children = [new Item { Name = "子1" }, new Item { Name = "子2", Count = 7 }] },
            new Item { Name = null, Children = [new Item { Name = "孫" }] },
        ],
        Fixed = [new Item { Name = "配列" }],
        Labels = new() { ["key"] = "ラベル" },
    };

    private static void AssertSameAsMvc<TValue>(Expression<Func<Sheet, TValue>> expression)
    {
        var metadata = new EmptyModelMetadataProvider();
        var viewData = new ViewDataDictionary<Sheet>(metadata, new ModelStateDictionary()) { Model = Model };

        var expected = new ModelExpressionProvider(metadata).CreateModelExpression(viewData, expression);
        var actual = new IndexedModelExpressionProvider(metadata).CreateModelExpression(viewData, expression);

        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Model, actual.Model);
        Assert.Same(expected.Metadata, actual.Metadata);
        Assert.Same(expected.ModelExplorer.Container, actual.ModelExplorer.Container);
    }

    [Fact]
    public void A_property_behind_list_indexers_read_from_loop_variables()
    {
        for (var i = 0; i < Model.Items.Count; i++)
        {
            for (var c = 0; c < Model.Items[i].Children.Count; c++)
            {
                AssertSameAsMvc(m => m.Items[i].Children[c].Name);
                AssertSameAsMvc(m => m.Items[i].Children[c].Count);
            }

            AssertSameAsMvc(m => m.Items[i].Name); // null in the second item
        }
    }

    [Fact]
    public void Constant_indexes_arrays_dictionaries_and_fields()
    {
        AssertSameAsMvc(m => m.Items[1].Children[0].Name);
        AssertSameAsMvc(m => m.Fixed[0].Name);
        AssertSameAsMvc(m => m.Items[0].Note);
        var key = "key";
        AssertSameAsMvc(m => m.Labels[key]);
    }

    [Fact]
    public void A_null_on_the_way_gives_a_null_value_as_MVC_does()
    {
        AssertSameAsMvc(m => m.Missing!.Children[0].Name);
    }

    [Fact]
    public void An_index_past_the_end_names_the_field_and_fails_only_when_its_value_is_read_as_with_MVC()
    {
        var metadata = new EmptyModelMetadataProvider();
        var viewData = new ViewDataDictionary<Sheet>(metadata, new ModelStateDictionary()) { Model = Model };
        var past = Model.Items.Count;
        foreach (IModelExpressionProvider provider in new IModelExpressionProvider[] { new ModelExpressionProvider(metadata), new IndexedModelExpressionProvider(metadata) })
        {
            var expression = provider.CreateModelExpression(viewData, m => m.Items[past].Name);
            Assert.Equal("Items[2].Name", expression.Name);
            Assert.Throws<ArgumentOutOfRangeException>(() => expression.Model);
        }
    }

    [Fact]
    public void Expressions_without_an_indexer_or_of_another_shape_are_MVCs_own()
    {
        AssertSameAsMvc(m => m.Title);
        AssertSameAsMvc(m => m.Items[0]);
        AssertSameAsMvc(m => m.Items.Count);
        var outside = Model;
        AssertSameAsMvc(m => outside.Items[0].Name);
    }
}
