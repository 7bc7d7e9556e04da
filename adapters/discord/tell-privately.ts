import { MessageFlags, type RepliableInteraction } from "discord.js";
import { DISCORD_LIMITS, NO_MENTIONS } from "./discord-limits.ts";
import { fitEscaped } from "./render-answer-embeds.ts";

/**
 * Tells only the person who clicked or asked, whatever state the interaction is in:
 * not yet acknowledged → an ephemeral reply; deferred ephemerally → the reply edited;
 * deferred publicly ("thinking…" everyone sees) → that deleted and an ephemeral followup;
 * a button's deferred update → an ephemeral followup. `text` is escaped: it may echo the
 * engine's words, which may echo the question.
 */
export async function tellPrivately(
  interaction: RepliableInteraction,
  text: string,
): Promise<void> {
  const message = {
    content: fitEscaped(text, DISCORD_LIMITS.content),
    allowedMentions: NO_MENTIONS,
  };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } else if (interaction.ephemeral === true) {
    await interaction.editReply(message);
  } else if (interaction.ephemeral === false) {
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  }
}
