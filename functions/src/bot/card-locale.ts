/** The language a card is written in: the reader's own client's when they are acting (an activity's
 * locale, the tab's Accept-Language), otherwise the one Cascade knows for them (see PersonLocales). */
import { createCardIntl, type CardIntl } from "../../../cards/src/index.js";

/** Where a person's language comes from when they are not the one acting: the locale they last used
 * Cascade in, else their preferred language in the directory, else the tenant's default. */
export interface PersonLocales {
  findLocale(tenantId: string, personId: string): Promise<string | null>;
  /** Keeps the language a person's client asked for, writing only when it differs from what is kept. */
  noteLocale(tenantId: string, personId: string, requested: string | null | undefined): Promise<void>;
}

export interface LocaleDeps {
  locales?: PersonLocales;
}

export interface LocaleReader {
  tenantId: string;
  userId: string;
  /** Set when the reader is the one acting, from their own client. */
  locale?: string | null;
}

export async function findCardIntl(deps: LocaleDeps, reader: LocaleReader): Promise<CardIntl> {
  if (reader.locale) return createCardIntl(reader.locale);
  return createCardIntl(await deps.locales?.findLocale(reader.tenantId, reader.userId));
}
