using System.Diagnostics;

namespace UedaPublicGoals.Content.Publishing;

/// <summary>
/// Activities along the publish path: the commit, each handler, and on every node the outbox notification and
/// the sync pass. Any <see cref="ActivityListener"/> (or an OpenTelemetry exporter) shows where the time between a
/// publish on one node and the change on another goes; when nobody listens they cost nothing.
/// </summary>
public static class PublishTracing
{
    public const string SourceName = "UedaPublicGoals.Publishing";

    /// <summary>The committing transaction (versions, pointer, audit, outbox rows, NOTIFY).</summary>
    public const string Commit = "publish.commit";

    /// <summary>One batch through the handler list.</summary>
    public const string Dispatch = "publish.dispatch";

    /// <summary>One handler on one batch; the handler's type name is the display name.</summary>
    public const string Handler = "publish.handler";

    /// <summary>A node heard another node's NOTIFY (PostgreSQL); zero length, its start is the moment of arrival.</summary>
    public const string Notified = "sync.notified";

    /// <summary>One pass of the poller: read the new outbox rows, run them through the handlers, retry failed work.</summary>
    public const string SyncPass = "sync.pass";

    /// <summary>Tag: the <see cref="Sync.NodeIdentity"/> of the node doing the work.</summary>
    public const string NodeTag = "ueda.node";

    public static readonly ActivitySource Source = new(SourceName);
}
