/** Says something to screen readers: politely when it went well, assertively when it failed. */
import { createContext, useContext } from "react";

export type Politeness = "polite" | "assertive";
export type Announce = (text: string, politeness?: Politeness) => void;

export const AnnouncerContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
