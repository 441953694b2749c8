/** Which goal above yours this one helps, manager's goals first; leaders may mark it top-level. */
import { Dropdown, Field, Option, OptionGroup, Spinner } from "@fluentui/react-components";
import { useMemo } from "react";
import type { CycleView } from "../../api/types.js";
import { useParentOptions } from "../../api/use-goals.js";
import { groupParentOptions } from "../../logic/parent-options.js";
import type { GoalEditorState } from "../GoalEditor/use-goal-editor.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useFitControlStyles } from "../FitControls/fit-controls.js";

const NONE = "none";
const TOP_LEVEL = "top-level";

export interface ParentPickerProps {
  editor: GoalEditorState;
  cycle: CycleView;
  canSetTopLevel: boolean;
}

export function ParentPicker({ editor, cycle, canSetTopLevel }: ParentPickerProps) {
  const fit = useFitControlStyles();
  const { form, change, feedbackFor } = editor;
  const options = useParentOptions(cycle.id);
  const tr = useTranslator();
  const { t } = tr;
  const groups = useMemo(() => groupParentOptions(options.data ?? [], tr), [options.data, tr]);
  const selectedValue = form.isTopLevel ? TOP_LEVEL : (form.parentId ?? NONE);
  const selected = options.data?.find((option) => option.goal.id === form.parentId);
  const selectedText = form.isTopLevel
    ? t("parent.topLevel")
    : selected
      ? t("parent.named", { title: selected.goal.title, owner: selected.owner.displayName })
      : form.parentId
        ? t("parent.aboveYours")
        : t("parent.none");

  const choose = (value: string | undefined) => {
    if (!value) return;
    change(
      (current) => ({ ...current, isTopLevel: value === TOP_LEVEL, parentId: value === NONE || value === TOP_LEVEL ? null : value }),
      ["parentId", "isTopLevel"],
    );
  };

  const hint = options.isLoading ? (
    <Spinner size="extra-tiny" label={t("parent.loading")} />
  ) : options.error ? (
    t("parent.loadFailed")
  ) : (
    t("parent.hint")
  );
  return (
    <Field label={t("parent.label")} hint={hint} {...feedbackFor("parentId", "parentId")}>
      <Dropdown className={fit.picker} value={selectedText} selectedOptions={[selectedValue]} onOptionSelect={(_event, data) => choose(data.optionValue)}>
        <Option value={NONE}>{t("parent.none")}</Option>
        {canSetTopLevel && <Option value={TOP_LEVEL}>{t("parent.topLevel")}</Option>}
        {groups.map((group) => (
          <OptionGroup key={group.key} label={group.label}>
            {group.options.map((option) => (
              <Option key={option.goal.id} value={option.goal.id} text={t("parent.named", { title: option.goal.title, owner: option.owner.displayName })}>
                {option.goal.title}
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
