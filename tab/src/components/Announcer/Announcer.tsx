/** The page's one pair of live regions: a polite one for what went well ("Goal saved", "Approved")
 * and an assertive one for what failed. Toasts reach them from `useNotify()`, error bars through
 * Fluent's announce context, and views may announce directly with `useAnnounce()`. A message stays
 * until the next one, so a screen reader that was busy can still find it. */
import { AnnounceProvider, makeStyles } from "@fluentui/react-components";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { AnnouncerContext, type Announce } from "./announcer-context.js";

const useStyles = makeStyles({
  // Read by screen readers, not shown.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    border: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

interface Message {
  text: string;
  /** Changes on every announcement, so the same words said twice are read twice. */
  key: number;
}

export function Announcer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [polite, setPolite] = useState<Message>({ text: "", key: 0 });
  const [assertive, setAssertive] = useState<Message>({ text: "", key: 0 });

  const announce = useCallback<Announce>((text, politeness = "polite") => {
    const set = politeness === "assertive" ? setAssertive : setPolite;
    set((current) => ({ text, key: current.key + 1 }));
  }, []);

  // Fluent's components (MessageBar, Toaster) announce through this context; a bar that only
  // informs is page content, so only failures and warnings are spoken from it.
  const fluent = useMemo(
    () => ({
      announce(text: string, options?: { alert?: boolean }) {
        if (options?.alert && text) announce(text, "assertive");
      },
    }),
    [announce],
  );

  return (
    <AnnouncerContext.Provider value={announce}>
      <AnnounceProvider value={fluent}>{children}</AnnounceProvider>
      <div className={styles.hidden} role="status" aria-live="polite" aria-atomic="true" data-announcer="polite">
        <span key={polite.key}>{polite.text}</span>
      </div>
      <div className={styles.hidden} role="alert" aria-live="assertive" aria-atomic="true" data-announcer="assertive">
        <span key={assertive.key}>{assertive.text}</span>
      </div>
    </AnnouncerContext.Provider>
  );
}
