import type { CurrentUser } from "../accounts/roles.js";
import type { Locale, Translate } from "../i18n/index.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      locale: Locale;
      t: Translate;
      /** The signed-in staff member (session cookie on pages, bearer token on the API). */
      user?: CurrentUser;
      sessionId?: string;
      apiTokenId?: number;
    }
  }
}

export {};
