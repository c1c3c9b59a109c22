using UedaPublicGoals.Content.Sync;

namespace UedaPublicGoals.Tests.Unit.Content;

/// <summary>The NOTIFY payload: the origin node and the announced outbox rows survive the trip; anything else announces nothing.</summary>
public sealed class OutboxSignalTests
{
    private const string Origin = "web-1/4242/0f8fad5bd9cb469fa16570867728950e";

    [Fact]
    public void A_payload_carries_the_origin_and_every_row_of_a_small_batch()
    {
        CacheInstruction[] rows = [new() { Id = 41, DocumentId = Guid.NewGuid() }, new() { Id = 42, DocumentId = Guid.NewGuid() }];

        var notification = OutboxSignal.Parse(OutboxSignal.Payload(Origin, rows));

        Assert.Equal(Origin, notification.OriginNode);
        Assert.Equal(rows.Select(r => (r.Id, r.DocumentId, Origin)), notification.Rows.Select(r => (r.Id, r.DocumentId, r.OriginNode)));
    }

    [Fact]
    public void A_batch_too_big_for_a_payload_sends_the_origin_alone_and_stays_under_the_PostgreSQL_limit()
    {
        var big = Enumerable.Range(1, OutboxSignal.MaxAnnouncedRows + 1).Select(i => new CacheInstruction { Id = i, DocumentId = Guid.NewGuid() }).ToList();
        var largest = Enumerable.Range(1, OutboxSignal.MaxAnnouncedRows).Select(i => new CacheInstruction { Id = long.MaxValue - i, DocumentId = Guid.NewGuid() }).ToList();

        var notification = OutboxSignal.Parse(OutboxSignal.Payload(Origin, big));

        Assert.Equal(Origin, notification.OriginNode);
        Assert.Empty(notification.Rows);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(OutboxSignal.Payload(Origin, largest)) < 8000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("node\n12")]
    [InlineData("node\nabc 0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("node\n-5 0f8fad5bd9cb469fa16570867728950e")]
    public void An_unreadable_payload_announces_no_rows(string payload)
    {
        Assert.Empty(OutboxSignal.Parse(payload).Rows);
    }
}
