import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from "discord.js";

export type AnswerButtonAction =
  | { kind: "more"; answerId: string }
  | { kind: "vote"; answerId: string; vote: "up" | "down" };

/**
 * custom_ids stay small and stateless beyond one key: `more:<answerId>`, `vote:<answerId>:up`.
 * The answer itself lives in the bot's answer cache under that id.
 */
export function answerButtons(
  answerId: string,
  moreQuotes: number,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (moreQuotes > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: `more:${answerId}`,
      label: `More quotes (${moreQuotes})`,
    });
  }
  buttons.push(
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `vote:${answerId}:up`,
      emoji: { name: "👍" },
      label: "Helpful",
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: `vote:${answerId}:down`,
      emoji: { name: "👎" },
      label: "Not helpful",
    },
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

export function parseAnswerButton(customId: string): AnswerButtonAction | null {
  const more = /^more:([\w-]{1,40})$/.exec(customId);
  if (more?.[1]) return { kind: "more", answerId: more[1] };
  const vote = /^vote:([\w-]{1,40}):(up|down)$/.exec(customId);
  if (vote?.[1] && vote[2]) {
    return { kind: "vote", answerId: vote[1], vote: vote[2] as "up" | "down" };
  }
  return null;
}
