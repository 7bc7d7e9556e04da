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
});

export type ProcessConfig = z.infer<typeof ProcessConfigSchema>;
