// What the server hands every loader and action.
import type { DB } from '../../db/client';
import type { RequestState } from './logging.server';

declare module '@remix-run/node' {
  interface AppLoadContext {
    db: DB;
    clientIp: string;
    secureCookies: boolean;
    /** The request's id and, once known, its user, for the request's log line (set by the server's request logging). */
    requestState?: RequestState;
  }
}

export {};
