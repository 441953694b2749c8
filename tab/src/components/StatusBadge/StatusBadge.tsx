/** A goal's status as a badge. Its longer description shows on hover and is read out after the
 * label; the badge is not a tab stop, since there is nothing to do with it. */
import { Badge, Tooltip } from "@fluentui/react-components";
import type { GoalStatus } from "../../api/types.js";
import { describeStatus } from "../../logic/goal-status.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { SpokenOnly } from "../SpokenOnly/SpokenOnly.js";

export interface StatusBadgeProps {
  status: GoalStatus;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  const info = describeStatus(status, useTranslator());
  return (
    <>
      <Tooltip content={info.description} relationship="inaccessible">
        <Badge appearance="tint" color={info.color} shape="rounded" size="medium">
          {info.label}
        </Badge>
      </Tooltip>
      <SpokenOnly>{info.description}</SpokenOnly>
    </>
  );
}
