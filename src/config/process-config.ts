import { z } from "zod";

export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;

/** The running bot's process (`npm start`): how it stops. */
export const ProcessConfigSchema = z.object({
  /**
   * How long a stop (SIGTERM, SIGINT, a fatal error) may take, answers in progress
   * included, whatever the network does; past it the process exits with code 1.
   */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number({ error: "must be a number of seconds from 1 to 300" })
    .int("must be a whole number of seconds from 1 to 300")
    .min(1, "must be a whole number of seconds from 1 to 300")
    .max(300, "must be a whole number of seconds from 1 to 300")
    .default(DEFAULT_SHUTDOWN_TIMEOUT_SECONDS),
  /**
   * Where `GET /healthz` is served in every mode (polling, Discord, the terminal chat).
   * Unset: only the Telegram webhook server answers it, on PORT.
   */
  HEALTH_PORT: z.coerce
    .number({ error: "must be a port number from 0 to 65535" })
    .int("must be a whole port number from 0 to 65535")
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535")
    .optional(),
  /** Loopback by default: the report is for a supervisor on this machine, not the world. */
  HEALTH_HOST: z.string().default("127.0.0.1"),
});

export type ProcessConfig = z.infer<typeof ProcessConfigSchema>;
