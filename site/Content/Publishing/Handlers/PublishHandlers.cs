namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>
/// THE list of what happens after a publish, in the order it happens. Every path that changes the
/// public site (editor, scheduler, approvals, structure, recycle bin, other nodes' outbox rows) runs
/// exactly this list through <see cref="PublishDispatcher"/>. To add work after a publish, write an
/// <see cref="IPublishHandler"/> in this folder and add one line here.
/// </summary>
public static class PublishHandlers
{
    public static IServiceCollection AddPublishHandlers(this IServiceCollection services)
    {
        // 0. In the publish's own transaction, not after it: what residents following a goal hear about (feeds,
        //    digests), the difference between the version published before and the one published now. Committed with
        //    the publish, so a node that dies right after the commit has recorded it, and only that node writes it.
        services.AddSingleton<IPublishTransactionWriter, Follow.Changes.RecordGoalChanges>();

        // 1. The in-memory read model: everything below reads the new snapshot.
        services.AddSingleton<IPublishHandler, UpdateReadModel>();

        // 2. The redirect table, so a slug change answers 301 from the old URL before pages are evicted.
        services.AddSingleton<IPublishHandler, ReloadRedirectTable>();

        // 3. Drop the cached furigana readings, so the furigana variant is read again from the new text.
        services.AddSingleton<IPublishHandler, ClearFuriganaReadings>();

        // 4. A glossary, synonym or reading-list change: reload the word lists (pages, furigana, kana search).
        services.AddSingleton<IPublishHandler, ReloadJapaneseWordLists>();

        // 5. Evict the cached pages of the batch and every listing; the next request renders from step 1.
        services.AddSingleton<IPublishHandler, EvictOutputCache>();

        // 6. goals.csv and goals.json, from the new snapshot, reusing the rows of unchanged goals.
        services.AddSingleton<IPublishHandler, RegenerateOpenData>();

        // 7. Queue the batch for both search indexes (returns at once; the index commits in the background).
        services.AddSingleton<IPublishHandler, UpdateSearchIndex>();

        services.AddSingleton<PublishDispatcher>();
        return services;
    }
}
