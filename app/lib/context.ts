// What the server hands every loader and action.
import type { DB } from '../../db/client';

declare module '@remix-run/node' {
  interface AppLoadContext {
    db: DB;
    clientIp: string;
    secureCookies: boolean;
  }
}

export {};
