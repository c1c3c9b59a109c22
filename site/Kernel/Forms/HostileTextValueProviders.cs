using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace UedaPublicGoals.Feedback.Forms;

/// <summary>
/// The one input boundary for hostile text: every value provider MVC binds from (form fields, query
/// string, route values) is wrapped so that bound values come out cleaned by <see cref="HostileText"/>.
/// Working at binding time (not in a middleware reading the body early) keeps per-action request
/// size and form limits, such as the media upload's, in force.
/// </summary>
public static class HostileTextValueProviders
{
    public static IServiceCollection AddHostileTextCleaning(this IServiceCollection services)
    {
        services.PostConfigure<MvcOptions>(options =>
        {
            for (var i = 0; i < options.ValueProviderFactories.Count; i++)
            {
                if (options.ValueProviderFactories[i] is not CleaningFactory)
                {
                    options.ValueProviderFactories[i] = new CleaningFactory(options.ValueProviderFactories[i]);
                }
            }
        });
        return services;
    }

    private sealed class CleaningFactory(IValueProviderFactory inner) : IValueProviderFactory
    {
        public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var before = context.ValueProviders.Count;
            await inner.CreateValueProviderAsync(context);
            for (var i = before; i < context.ValueProviders.Count; i++)
            {
                context.ValueProviders[i] = new CleaningValueProvider(context.ValueProviders[i]);
            }
        }
    }

    /// <summary>
    /// Keeps the inner provider's other capabilities: binding-source filtering ([FromQuery], [FromForm]),
    /// prefix enumeration for collections and dictionaries, key rewriting.
    /// </summary>
    private sealed class CleaningValueProvider(IValueProvider inner) : IBindingSourceValueProvider, IEnumerableValueProvider, IKeyRewriterValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None || result.Values.All(HostileText.IsClean))
            {
                return result;
            }

            var cleaned = result.Values.Select(v => HostileText.CleanOrNull(v)).ToArray();
            return new ValueProviderResult(new StringValues(cleaned), result.Culture ?? CultureInfo.InvariantCulture);
        }

        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            inner is IEnumerableValueProvider enumerable ? enumerable.GetKeysFromPrefix(prefix) : new Dictionary<string, string>();

        public IValueProvider? Filter(BindingSource bindingSource) =>
            inner is IBindingSourceValueProvider sourced ? Wrap(sourced.Filter(bindingSource)) : this;

        public IValueProvider? Filter() =>
            inner is IKeyRewriterValueProvider rewriter ? Wrap(rewriter.Filter()) : this;

        private static CleaningValueProvider? Wrap(IValueProvider? provider) => provider is null ? null : new CleaningValueProvider(provider);
    }
}
