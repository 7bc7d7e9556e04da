import {
  DiscordAPIError,
  type Interaction,
  RESTJSONErrorCodes,
  type RepliableInteraction,
} from "discord.js";
import type { Logger } from "../../src/index.ts";
import { answerQuestion } from "./answer-question.ts";
import type { DiscordBotContext } from "./discord-bot-context.ts";
import { handleAnswerButton } from "./handle-answer-button.ts";
import { handleAutocomplete } from "./handle-autocomplete.ts";
import { handleCorpusCommand } from "./handle-corpus-command.ts";
import { handleHelp } from "./handle-help.ts";
import { handleQuotes } from "./handle-quotes.ts";
import { handleRemoveAutocomplete } from "./handle-remove-autocomplete.ts";
import { handleSources, handleSourcesButton } from "./handle-sources.ts";
import { SOURCES_BUTTON } from "./render-sources.ts";
import { tellPrivately } from "./tell-privately.ts";

export const SOMETHING_WENT_WRONG =
  "Sorry, something went wrong while answering. It has been logged; please try again in a moment.";

/**
 * The one error boundary of the Discord face: routes each interaction and catches whatever
 * a handler throws. It logs, tells the asker privately, and returns, so one failure never
 * stops the bot. Discord does not retry interactions, so there is nothing to rethrow for.
 */
export function createInteractionHandler(
  ctx: DiscordBotContext,
): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      await route(interaction, ctx);
    } catch (error) {
      await reportFailure(interaction, error, ctx.logger);
    }
  };
}

async function route(interaction: Interaction, ctx: DiscordBotContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (interaction.commandName === "quotes") await handleAutocomplete(interaction, ctx);
    else if (interaction.commandName === "remove") await handleRemoveAutocomplete(interaction, ctx);
    else await interaction.respond([]);
  } else if (interaction.isChatInputCommand()) {
    switch (interaction.commandName) {
      case "ask":
        return answerQuestion(interaction, interaction.options.getString("question", true), ctx);
      case "quotes":
        return handleQuotes(interaction, ctx);
      case "sources":
        return handleSources(interaction, ctx);
      case "help":
        return handleHelp(interaction, ctx);
      case "add":
      case "remove":
      case "refresh":
        return handleCorpusCommand(interaction, interaction.commandName, ctx);
      default:
        ctx.logger.warn({ command: interaction.commandName }, "Discord: unknown command");
        return tellPrivately(
          interaction,
          `I no longer have /${interaction.commandName}; see /help. (The server's command list is out of date: run npm run discord:register.)`,
        );
    }
  } else if (interaction.isButton()) {
    if (SOURCES_BUTTON.test(interaction.customId)) await handleSourcesButton(interaction, ctx);
    else await handleAnswerButton(interaction, ctx);
  }
}

async function reportFailure(
  interaction: Interaction,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const where = describeInteraction(interaction);
  if (isDiscordError(error, RESTJSONErrorCodes.UnknownInteraction)) {
    // Discord gives 3 seconds to acknowledge; a slow event loop or network missed it.
    logger.warn(
      { ...where, code: 10062 },
      "Discord: the interaction expired before the bot acknowledged it; the asker saw 'The application did not respond'",
    );
    return;
  }
  logger.error({ ...where, err: describeError(error) }, "Discord: handler failed");
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      await tellPrivately(interaction as RepliableInteraction, SOMETHING_WENT_WRONG);
    }
  } catch (secondError) {
    logger.warn(
      { ...where, err: describeError(secondError) },
      "Discord: could not tell the asker about the failure",
    );
  }
}

function isDiscordError(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

function describeInteraction(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind:
      interaction.isCommand() || interaction.isAutocomplete()
        ? `/${interaction.commandName}`
        : interaction.isButton()
          ? `button ${interaction.customId.split(":")[0]}`
          : `type ${interaction.type}`,
    userId: interaction.user.id,
    dm: !interaction.inGuild(),
  };
}

/**
 * The parts of an error that are safe to log. Not the error itself: a DiscordAPIError
 * carries the request URL, and interaction URLs contain the interaction's token.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { name: error.name, code: error.code, status: error.status, message: error.message };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      ...(code !== undefined ? { code } : {}),
      message: error.message,
      stack: error.stack,
    };
  }
  return { message: String(error) };
}
