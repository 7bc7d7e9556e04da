// Worker entry: worker threads do not inherit tsx's --import hook, so register it here,
// then load the TypeScript module that runs the fake Discord.
import { register } from "tsx/esm/api";

register();
await import("./fake-discord-thread.ts");
