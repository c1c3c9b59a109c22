using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace UedaPublicGoals.Kernel.Forms;

/// <summary>
/// Gives <c>asp-for="Initiatives[i].Measures[m].Target"</c> its name, value and metadata by walking the expression,
/// where MVC's own provider compiles it: for every indexer it compiles a lambda to read the index, and then one more
/// to read the value, on every render, because such expressions cannot be cached. The goal editor has a few hundred
/// of them (about 57 ms of CPU per render); the survey editor has its questions and choices. Anything other than
/// properties, fields and single-argument indexers goes to MVC's provider unchanged.
/// </summary>
public sealed class IndexedModelExpressionProvider(IModelMetadataProvider metadataProvider) : IModelExpressionProvider
{
    private readonly ModelExpressionProvider mvc = new(metadataProvider);

    public ModelExpression CreateModelExpression<TModel, TValue>(ViewDataDictionary<TModel> viewData, Expression<Func<TModel, TValue>> expression)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        ArgumentNullException.ThrowIfNull(expression);
        if (!TryReadPath(expression, out var path) || !path.Exists(step => step.Member is null))
        {
            return mvc.CreateModelExpression(viewData, expression); // no indexer: MVC caches these itself
        }

        var last = path[^1];
        if (last.Member is null)
        {
            return mvc.CreateModelExpression(viewData, expression); // ends on an indexer: rare, and MVC knows its metadata
        }

        var name = string.Concat(path.Select(step => step.Member is not null ? "." + step.Member.Name : $"[{Convert.ToString(step.Index, CultureInfo.InvariantCulture)}]")).TrimStart('.');
        // As MVC's provider: the property's metadata on the type the expression reads it from; a field has none.
        var metadata = (last.Member is PropertyInfo ? metadataProvider.GetMetadataForType(last.Container!).Properties[last.Member.Name] : null)
            ?? metadataProvider.GetMetadataForType(typeof(TValue));
        // As MVC's provider: the view's model is the container, and the value is read from it when first asked for
        // (a label never asks, so an index past the end fails only where the value is shown).
        return new ModelExpression(name, new ModelExplorer(metadataProvider, viewData.ModelExplorer, metadata, container => Evaluate(container, path)));
    }

    /// <summary>One step from the model to the field: a property or field (read on <paramref name="Container"/>), or an indexer with its index already read.</summary>
    private sealed record Step(MemberInfo? Member, Type? Container, MethodInfo? Indexer, object? Index);

    /// <summary>The steps from the lambda's parameter to its end, or false for anything this provider leaves to MVC.</summary>
    private static bool TryReadPath(LambdaExpression lambda, out List<Step> path)
    {
        path = [];
        var node = lambda.Body;
        while (node != lambda.Parameters[0])
        {
            switch (node)
            {
                case MemberExpression { Expression: not null, Member: PropertyInfo or FieldInfo } member:
                    path.Add(new Step(member.Member, member.Expression.Type, null, null));
                    node = member.Expression;
                    break;
                case MethodCallExpression { Object: not null, Method.Name: "get_Item", Arguments.Count: 1 } call when TryReadConstant(call.Arguments[0], out var index):
                    path.Add(new Step(null, null, call.Method, index));
                    node = call.Object;
                    break;
                case BinaryExpression { NodeType: ExpressionType.ArrayIndex } array when TryReadConstant(array.Right, out var index):
                    path.Add(new Step(null, null, null, index));
                    node = array.Left;
                    break;
                default:
                    return false;
            }
        }

        path.Reverse();
        return path.Count > 0;
    }

    /// <summary>
    /// An index the view computed: a constant or a captured loop variable (a field of the closure). Read by reflection,
    /// which is what spares the compile.
    /// </summary>
    private static bool TryReadConstant(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Member: FieldInfo field } member:
                object? target = null;
                if (member.Expression is not null && !TryReadConstant(member.Expression, out target))
                {
                    break;
                }

                value = field.GetValue(target);
                return true;
        }

        value = null;
        return false;
    }

    /// <summary>The value at the end of the path; null when a step on the way is null, as MVC's accessor answers.</summary>
    private static object? Evaluate(object? model, List<Step> path)
    {
        var current = model;
        foreach (var step in path)
        {
            if (current is null)
            {
                return null;
            }

            current = step switch
            {
                // A getter's own exception comes through unwrapped, as from the compiled lambda.
                { Member: PropertyInfo property } => property.GetValue(current, BindingFlags.DoNotWrapExceptions, null, null, null),
                { Member: FieldInfo field } => field.GetValue(current),
                { Indexer: not null } => step.Indexer.Invoke(current, BindingFlags.DoNotWrapExceptions, null, [step.Index], null),
                _ => ((IList)current)[(int)step.Index!],
            };
        }

        return current;
    }
}
