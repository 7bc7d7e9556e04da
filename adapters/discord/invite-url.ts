import { PermissionFlagsBits } from "discord.js";

/**
 * What the bot asks for when invited. Interaction replies go through the interaction's
 * webhook, but Discord still checks the app's channel permissions for embeds, so: see the
 * channel, send, and embed links. Nothing else: the bot reads no messages and manages nothing.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks;

/** The link that adds the bot (scope `bot`) and its slash commands (`applications.commands`). */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
