/**
 * The shapes Discord sends: users, interactions (server and DM), messages, READY. Shared by
 * the fake Discord's REST and gateway halves.
 */

export const FAKE_TOKEN = "FAKE.discord-bot-token.for-tests-only-0123456789";
export const FAKE_APPLICATION_ID = "1100000000000000001";
export const FAKE_BOT_USER = {
  id: FAKE_APPLICATION_ID,
  username: "newsquote",
  discriminator: "0",
  global_name: "News Quote",
  avatar: null,
  bot: true,
  flags: 0,
};
export const GUILD_ID = "1300000000000000001";
export const GUILD_CHANNEL_ID = "1300000000000000002";
/** What a plain member may do in #general: no Manage Server (0x20), no Administrator (0x8). */
export const MEMBER_PERMISSIONS = "2248473465835073";
/** The same member with Manage Server. */
export const MANAGER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | 0x20n).toString();
const PERMISSIONS = MEMBER_PERMISSIONS;

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

/** Who acts and where: a server channel by default, a DM with `dm`. */
export interface Where {
  user: FakeUser;
  dm?: boolean;
  /** Dispatch an interaction whose token already expired (Discord's 3-second deadline passed). */
  expired?: boolean;
  /** The member's role ids in the server (none by default). */
  roles?: string[];
  /** The member's permissions in the channel (MEMBER_PERMISSIONS by default). */
  permissions?: string;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  // biome-ignore lint/suspicious/noExplicitAny: stored as the bot sent them
  embeds: any[];
  // biome-ignore lint/suspicious/noExplicitAny: stored as the bot sent them
  components: any[];
  flags: number;
  /** The interaction token whose response or followup this is. */
  token: string;
  deleted: boolean;
}

/** The channel an interaction from `where` comes from: a DM channel per user, or #general. */
export function channelIdOf(where: Where): string {
  return where.dm ? `17${where.user.id.slice(2)}` : GUILD_CHANNEL_ID;
}

/** An INTERACTION_CREATE payload: `member` in a server, `user` in a DM, as Discord sends them. */
export function interactionPayload(input: {
  id: string;
  token: string;
  type: number;
  applicationId: string;
  where: Where;
  data: Record<string, unknown>;
  message?: ReturnType<typeof messageObject>;
}): Record<string, unknown> {
  const { where } = input;
  const user = {
    discriminator: "0",
    avatar: null,
    global_name: null,
    public_flags: 0,
    ...where.user,
  };
  const channelId = channelIdOf(where);
  const place = where.dm
    ? {
        user,
        channel_id: channelId,
        channel: { id: channelId, type: 1, recipients: [user], flags: 0 },
        context: 1,
        authorizing_integration_owners: { "1": where.user.id },
      }
    : {
        guild_id: GUILD_ID,
        guild: { id: GUILD_ID, locale: "en-US", features: [] },
        guild_locale: "en-US",
        channel_id: channelId,
        channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: "general", flags: 0 },
        member: {
          user,
          roles: where.roles ?? [],
          permissions: where.permissions ?? PERMISSIONS,
          joined_at: "2024-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          premium_since: null,
          pending: false,
        },
        context: 0,
        authorizing_integration_owners: { "0": GUILD_ID },
      };
  return {
    id: input.id,
    application_id: input.applicationId,
    type: input.type,
    data: input.data,
    token: input.token,
    version: 1,
    locale: "en-US",
    app_permissions: PERMISSIONS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...place,
    ...(input.message ? { message: input.message } : {}),
  };
}

/** A message as the REST API returns it (and as a button interaction carries it). */
export function messageObject(message: FakeMessage, applicationId: string) {
  return {
    id: message.id,
    type: 0,
    channel_id: message.channel_id,
    author: FAKE_BOT_USER,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: message.flags,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    application_id: applicationId,
    webhook_id: applicationId,
  };
}

export function readyPayload(input: {
  sessionId: string;
  gatewayUrl: string;
  applicationId: string;
}) {
  return {
    v: 10,
    user: FAKE_BOT_USER,
    guilds: [],
    session_id: input.sessionId,
    resume_gateway_url: input.gatewayUrl,
    shard: [0, 1],
    application: { id: input.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    user_settings: {},
    geo_ordered_rtc_regions: [],
  };
}
