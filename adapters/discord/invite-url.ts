/**
 * What the bot asks for when invited: no permissions at all. Every reply goes through the
 * interaction (a response or followup), which needs no channel permission, and Discord
 * always grants Embed Links and Attach Files there. The bot reads no messages and manages
 * nothing, so it asks for nothing; a server need not trust it with a role.
 */
export const BOT_PERMISSIONS = 0n;

/** The link that adds the bot (scope `bot`) and its slash commands (`applications.commands`). */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
