/** A table that may be wider than the window (a phone, a narrow side panel): its columns take the
 * width their words need, so nothing is cut off, and when that is wider than the page the table
 * scrolls sideways inside this region, not the page. The region is named after the table and can
 * be focused, so a keyboard can scroll it and a screen reader says what it holds. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  region: {
    maxWidth: "100%",
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
    "& > table": { width: "auto", minWidth: "100%", tableLayout: "auto" },
    "& th, & td": { overflowWrap: "normal", wordBreak: "normal" },
  },
});

export interface TableRegionProps {
  /** The table's name, said when the region gets focus. */
  label: string;
  className?: string;
  children: ReactNode;
}

export function TableRegion({ label, className, children }: TableRegionProps) {
  const styles = useStyles();
  return (
    // A region that scrolls must be reachable by keyboard to be scrolled without a mouse.
    <div role="region" aria-label={label} tabIndex={0} className={mergeClasses(styles.region, className)}>
      {children}
    </div>
  );
}
