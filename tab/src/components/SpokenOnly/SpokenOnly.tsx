/** Words for screen readers only: kept in the page's text (so they name or describe what is around
 * them) but not shown. */
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export interface SpokenOnlyProps {
  id?: string;
  children: string;
}

export function SpokenOnly({ id, children }: SpokenOnlyProps) {
  const styles = useStyles();
  return (
    <span id={id} className={styles.root}>
      {children}
    </span>
  );
}
