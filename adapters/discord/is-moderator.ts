import { type BaseInteraction, PermissionFlagsBits } from "discord.js";

/**
 * Whether whoever sent the interaction may change the corpus: a server member with Manage
 * Server (Administrator implies it) or with one of `roleIds`. Never in a DM: there is no
 * member there, so no role or permission to check, and a DM is open to anyone who shares
 * a server with the bot. Checked by the bot itself, whatever the server's command
 * settings say.
 */
export function isModerator(interaction: BaseInteraction, roleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  if (roleIds.length === 0) return false;
  const roles = interaction.member.roles;
  // A server discord.js has not cached gives the raw member, whose roles are ids.
  return Array.isArray(roles)
    ? roles.some((id) => roleIds.includes(id))
    : roleIds.some((id) => roles.cache.has(id));
}
