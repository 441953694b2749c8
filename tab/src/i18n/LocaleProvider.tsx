/** Messages, formats and writing direction for the person's language: loads the catalogue, keeps the
 * page's `<html lang dir>` in step, and shows the previous language until the next one has arrived. */
import { useEffect, useState, type ReactNode } from "react";
import { IntlProvider, type MessageFormatElement } from "react-intl";
import { ENGLISH_MESSAGES, loadMessages, type CompiledMessages } from "./load-messages.js";
import { directionOf, formattingLocale, type TabLocale } from "./locales.js";
import { TabLocaleContext } from "./tab-locale-context.js";

interface Loaded {
  locale: TabLocale;
  messages: CompiledMessages;
}

export interface LocaleProviderProps {
  locale: TabLocale;
  timeZone: string | undefined;
  children: ReactNode;
}

export function LocaleProvider({ locale, timeZone, children }: LocaleProviderProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(() => (locale === "en" ? { locale, messages: ENGLISH_MESSAGES } : null));

  useEffect(() => {
    let isCurrent = true;
    loadMessages(locale).then(
      // English under every catalogue: a message a translation lacks still reads, in English.
      (messages) => isCurrent && setLoaded({ locale, messages: { ...ENGLISH_MESSAGES, ...messages } }),
      () => isCurrent && setLoaded({ locale: "en", messages: ENGLISH_MESSAGES }),
    );
    return () => {
      isCurrent = false;
    };
  }, [locale]);

  useEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = directionOf(loaded.locale);
  }, [loaded]);

  if (!loaded) return null;
  return (
    <IntlProvider locale={formattingLocale(loaded.locale)} defaultLocale="en" messages={loaded.messages as Record<string, MessageFormatElement[]>} timeZone={timeZone}>
      <TabLocaleContext.Provider value={loaded.locale}>{children}</TabLocaleContext.Provider>
    </IntlProvider>
  );
}
