/** Small labelled badges for what needs attention; the words carry the meaning, colour only repeats it. */
import { Badge, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import type { FlagTone } from "../org-tree.js";

const useStyles = makeStyles({
  row: { display: "inline-flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface FlagBadge {
  label: string;
  tone: FlagTone;
  description?: string;
}

const COLOR: Record<FlagTone, "danger" | "warning" | "informative"> = { danger: "danger", warning: "warning", informative: "informative" };

export function FlagBadges({ flags }: { flags: FlagBadge[] }) {
  const styles = useStyles();
  if (flags.length === 0) return null;
  return (
    <span className={styles.row}>
      {flags.map((flag) => {
        const badge = (
          <Badge key={flag.label} appearance="tint" shape="rounded" color={COLOR[flag.tone]}>
            {flag.label}
          </Badge>
        );
        return flag.description ? (
          <Tooltip key={flag.label} content={flag.description} relationship="description">
            {badge}
          </Tooltip>
        ) : (
          badge
        );
      })}
    </span>
  );
}
