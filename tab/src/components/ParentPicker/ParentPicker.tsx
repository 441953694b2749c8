/** Which goal above yours this one helps, manager's goals first; leaders may mark it top-level. */
import { Dropdown, Field, Option, OptionGroup, Spinner } from "@fluentui/react-components";
import { useMemo } from "react";
import type { CycleView } from "../../api/types.js";
import { useParentOptions } from "../../api/use-goals.js";
import { groupParentOptions } from "../../logic/parent-options.js";
import type { GoalEditorState } from "../GoalEditor/use-goal-editor.js";

const NONE = "none";
const TOP_LEVEL = "top-level";

export interface ParentPickerProps {
  editor: GoalEditorState;
  cycle: CycleView;
  canSetTopLevel: boolean;
}

export function ParentPicker({ editor, cycle, canSetTopLevel }: ParentPickerProps) {
  const { form, change, feedbackFor } = editor;
  const options = useParentOptions(cycle.id);
  const groups = useMemo(() => groupParentOptions(options.data ?? []), [options.data]);
  const selectedValue = form.isTopLevel ? TOP_LEVEL : (form.parentId ?? NONE);
  const selected = options.data?.find((option) => option.goal.id === form.parentId);
  const selectedText = form.isTopLevel
    ? "Top-level: an organisation goal"
    : selected
      ? `${selected.goal.title} (${selected.owner.displayName})`
      : form.parentId
        ? "A goal above yours"
        : "Not aligned yet";

  const choose = (value: string | undefined) => {
    if (!value) return;
    change(
      (current) => ({ ...current, isTopLevel: value === TOP_LEVEL, parentId: value === NONE || value === TOP_LEVEL ? null : value }),
      ["parentId", "isTopLevel"],
    );
  };

  const hint = options.isLoading ? (
    <Spinner size="extra-tiny" label="Loading goals you can align to…" />
  ) : options.error ? (
    "The goals you can align to could not be loaded. Close the editor and open it again to retry."
  ) : (
    "Your progress counts towards the goal you pick."
  );
  return (
    <Field label="Aligned to" hint={hint} {...feedbackFor("parentId", "parentId")}>
      <Dropdown value={selectedText} selectedOptions={[selectedValue]} onOptionSelect={(_event, data) => choose(data.optionValue)}>
        <Option value={NONE}>Not aligned yet</Option>
        {canSetTopLevel && <Option value={TOP_LEVEL}>Top-level: an organisation goal</Option>}
        {groups.map((group) => (
          <OptionGroup key={group.key} label={group.label}>
            {group.options.map((option) => (
              <Option key={option.goal.id} value={option.goal.id} text={`${option.goal.title} (${option.owner.displayName})`}>
                {option.goal.title}
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
