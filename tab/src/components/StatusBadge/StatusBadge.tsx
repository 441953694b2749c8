import { Badge, Tooltip } from "@fluentui/react-components";
import type { GoalStatus } from "../../api/types.js";
import { describeStatus } from "../../logic/goal-status.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface StatusBadgeProps {
  status: GoalStatus;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  const info = describeStatus(status, useTranslator());
  return (
    <Tooltip content={info.description} relationship="description">
      <Badge appearance="tint" color={info.color} shape="rounded" size="medium" tabIndex={0}>
        {info.label}
      </Badge>
    </Tooltip>
  );
}
