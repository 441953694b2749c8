/** The one way tab code turns a message id into text and a date or number into the person's
 * format. Components get it from `useTranslator()`; plain logic takes it as an argument, so the same
 * functions run in tests with the English catalogue. */
import { PSEUDO_LOCALE } from "../../../cards/src/i18n/locales.js";
import { pseudoLocalizeText } from "../../../cards/src/i18n/pseudo-text.js";
import type en from "./messages/en.json";

export type MessageId = keyof typeof en;
export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** What the translator needs of FormatJS: both react-intl's `useIntl()` and `createIntl()` give it. */
export interface IntlFormatters {
  locale: string;
  formatMessage(descriptor: { id: string }, values?: Record<string, string | number | Date>): string;
  formatDate(value: number, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatList(values: readonly string[], options?: Intl.ListFormatOptions): string;
}

export interface Translator {
  /** The language shown (the pseudo-locale's own tag too), which the tab asks the server to write in. */
  locale: string;
  t(id: MessageId, values?: MessageValues): string;
  /** A calendar day from the API ("2027-03-31"): the same day everywhere, whatever the time zone. */
  formatDay(day: string): string;
  /** A moment (ISO 8601) in the person's time zone. */
  formatDateTime(iso: string): string;
  /** A share (0–1) as a whole percentage. */
  formatPercent(fraction: number): string;
  formatNumber(value: number): string;
  /** "A, B and C" in the person's language. */
  formatList(items: readonly string[]): string;
  /** A day of the week, 0 = Sunday, by name. */
  formatWeekday(day: number): string;
  /** A whole hour of the day on the person's clock ("09:00", "9 AM"). */
  formatHour(hour: number): string;
}

/** 1 January 2023 was a Sunday: day n of the week is n days later. */
const FIRST_SUNDAY = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

export interface TranslatorOptions {
  /** The language shown, when FormatJS formats in another: the pseudo-locale formats as English. */
  locale?: string;
}

/** Marks where each item goes in a list formatted for the pseudo-locale (the items are data, kept as they are). */
const ITEM_MARK = (index: number) => `\u0001${index}\u0002`;

export function createTranslator(intl: IntlFormatters, { locale = intl.locale }: TranslatorOptions = {}): Translator {
  // Formats borrowed from English are accented too in the pseudo-locale, so no plain English shows.
  const isPseudo = locale === PSEUDO_LOCALE;
  const localise = isPseudo ? pseudoLocalizeText : (text: string) => text;
  const formatDate = (value: number, options: Intl.DateTimeFormatOptions) => localise(intl.formatDate(value, options));
  return {
    locale,
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string | number | Date>),
    formatDay: (day) => {
      const time = Date.parse(`${day}T00:00:00Z`);
      return Number.isFinite(time) ? formatDate(time, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : day;
    },
    formatDateTime: (iso) => {
      const time = Date.parse(iso);
      return Number.isFinite(time) ? formatDate(time, { dateStyle: "medium", timeStyle: "short" }) : iso;
    },
    formatPercent: (fraction) => {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      return intl.formatNumber(clamped, { style: "percent", maximumFractionDigits: 0 });
    },
    formatNumber: (value) => intl.formatNumber(value, { maximumFractionDigits: 2 }),
    formatList: (items) => {
      if (!isPseudo) return intl.formatList(items, { type: "conjunction" });
      const pattern = localise(intl.formatList(items.map((_item, index) => ITEM_MARK(index)), { type: "conjunction" }));
      return items.reduce((text, item, index) => text.replace(ITEM_MARK(index), () => item), pattern);
    },
    formatWeekday: (day) => formatDate(FIRST_SUNDAY + day * DAY_MS, { weekday: "long", timeZone: "UTC" }),
    formatHour: (hour) => formatDate(FIRST_SUNDAY + hour * 3_600_000, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }),
  };
}
