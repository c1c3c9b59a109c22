using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Kernel.Mail;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Notifications;

/// <summary>
/// E-mail to staff accounts (approvals, reporting reminders): who receives it, the backoffice link in
/// it, and sending through the portal's one SMTP sender. A failed send is logged and reported as false;
/// it never undoes or fails the work it tells about.
/// </summary>
public sealed class StaffMail(SmtpMailSender mail, PortalDbContext db, IOptions<SiteOptions> site, ILogger<StaffMail> logger)
{
    public bool IsConfigured => mail.IsConfigured;

    /// <summary>An absolute backoffice URL on the public origin (Site__PublicBaseUrl), never the request's host.</summary>
    public string Link(string path) => site.Value.AbsoluteUrl(path);

    /// <summary>Addresses of the enabled accounts in <paramref name="role"/>.</summary>
    public async Task<IReadOnlyList<string>> RoleAsync(string role, CancellationToken ct = default) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join r in db.Roles on userRole.RoleId equals r.Id
               where r.Name == role && !user.IsDisabled && user.Email != null
               orderby user.Email
               select user.Email!).ToListAsync(ct);

    /// <summary>Addresses of the enabled 部局担当 assigned to a department.</summary>
    public async Task<IReadOnlyList<string>> DepartmentAuthorsAsync(int departmentId, CancellationToken ct = default) =>
        await (from user in db.Users
               join assignment in db.UserDepartments on user.Id equals assignment.UserId
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join r in db.Roles on userRole.RoleId equals r.Id
               where assignment.DepartmentId == departmentId && r.Name == BackofficeRoles.DepartmentAuthor && !user.IsDisabled && user.Email != null
               orderby user.Email
               select user.Email!).ToListAsync(ct);

    /// <summary>The address of an enabled account by its user name (what the workflow records as the actor).</summary>
    public async Task<string?> AccountAsync(string userName, CancellationToken ct = default) =>
        await db.Users.Where(u => u.UserName == userName && !u.IsDisabled).Select(u => u.Email).SingleOrDefaultAsync(ct);

    /// <summary>Sends one plain-text message to every address; false when mail is not configured, nobody is addressed or the relay failed.</summary>
    public async Task<bool> SendAsync(IReadOnlyCollection<string> to, string subject, string text, CancellationToken ct = default)
    {
        if (!mail.IsConfigured || to.Count == 0)
        {
            return false;
        }

        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(mail.From);
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        try
        {
            await mail.SendAsync(message, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Staff e-mail \"{Subject}\" to {Count} recipients could not be sent.", subject, to.Count);
            return false;
        }
    }
}
