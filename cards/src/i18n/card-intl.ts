/** The strings and formats of one language, handed to every card builder: messages from the
 * catalogue (ICU, through FormatJS), calendar dates, numbers and percentages through Intl. */
import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { getCatalogue, type MessageId } from "./catalogues.js";
import { DEFAULT_LOCALE, formattingLocale, matchLocale, PSEUDO_LOCALE, type Locale } from "./locales.js";
import { pseudoLocalizeText } from "./pseudo.js";
import { formatMeasuredNumber, toMeasureUnit, type MeasureUnit } from "../measure.js";

export type MessageValues = Record<string, string | number>;

export interface CardIntl {
  readonly locale: Locale;
  /** A message from the catalogue with its placeholders filled in. */
  t(id: MessageId, values?: MessageValues): string;
  /** A calendar date (YYYY-MM-DD), never shifted by a time zone; "Not set" when there is none. */
  formatCalendarDate(isoDate: string | null): string;
  /** A share (0–1) as a whole percentage, clamped. */
  formatPercent(share: number): string;
  formatNumber(value: number): string;
  /** A key result's quantity with its unit: a percentage, money in its currency, or the owner's own
   * unit text (a bare "%" is a percentage). */
  formatQuantity(value: number, unit?: string | MeasureUnit | null): string;
}

const cache = createIntlCache();
const intls = new Map<Locale, CardIntl>();
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The card strings of the language that best matches `requested` (a tag, a list, or an Accept-Language header). */
export function createCardIntl(requested?: string | readonly string[] | null): CardIntl {
  const locale = matchLocale(requested ?? DEFAULT_LOCALE);
  let intl = intls.get(locale);
  if (!intl) {
    intl = buildCardIntl(locale);
    intls.set(locale, intl);
  }
  return intl;
}

function buildCardIntl(locale: Locale): CardIntl {
  const messages = getCatalogue(locale);
  const formatter: IntlShape<string> = createIntl({ locale: toIntlLocale(locale), defaultLocale: DEFAULT_LOCALE, messages, onError: reportError }, cache);
  // The pseudo-locale borrows English formats and accents them, so no plain English shows through.
  const localise = locale === PSEUDO_LOCALE ? pseudoLocalizeText : (text: string) => text;
  const formatNumber = (value: number) => localise(formatter.formatNumber(value, { maximumFractionDigits: 2 }));
  const t = (id: MessageId, values?: MessageValues) => formatter.formatMessage({ id }, values);
  return {
    locale,
    t,
    formatCalendarDate(isoDate) {
      if (!isoDate) return t("common.notSet");
      const match = CALENDAR_DATE.exec(isoDate.slice(0, 10));
      if (!match) return isoDate;
      const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return localise(formatter.formatDate(day, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
    },
    formatPercent(share) {
      const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
      return localise(formatter.formatNumber(Math.round(clamped * 100) / 100, { style: "percent" }));
    },
    formatNumber,
    formatQuantity(value, unit) {
      const measure = toMeasureUnit(unit);
      const measured = formatMeasuredNumber(value, measure, toIntlLocale(locale));
      if (measured !== null) return localise(measured);
      const number = formatNumber(value);
      return measure.unit ? t("common.quantityWithUnit", { number, unit: measure.unit }) : number;
    },
  };
}

/** A missing message or argument is a bug the catalogue tests catch; at run time the card still
 * shows the message id rather than failing the person's action. */
function reportError(): void {}

/** Cascade writes British English, so English dates read "31 Mar 2027"; the pseudo-locale follows English. */
function toIntlLocale(locale: Locale): string {
  const formatting = formattingLocale(locale);
  return formatting === "en" ? "en-GB" : formatting;
}
