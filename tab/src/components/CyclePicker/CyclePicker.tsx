import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { CycleView } from "../../api/types.js";
import { describeCycleDates, describeCycleOption } from "../../logic/cycles.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useFitControlStyles } from "../FitControls/fit-controls.js";

export interface CyclePickerProps {
  cycles: readonly CycleView[];
  selected: CycleView;
  onSelect: (cycleId: string) => void;
}

export function CyclePicker({ cycles, selected, onSelect }: CyclePickerProps) {
  const fit = useFitControlStyles();
  const tr = useTranslator();
  return (
    <Field label={tr.t("cycle.label")}>
      <Dropdown
        className={fit.picker}
        value={describeCycleOption(selected, tr)}
        selectedOptions={[selected.id]}
        onOptionSelect={(_event, data) => data.optionValue && onSelect(data.optionValue)}
      >
        {cycles.map((cycle) => (
          <Option key={cycle.id} value={cycle.id} text={describeCycleOption(cycle, tr)}>
            {tr.t("cycle.option", { name: describeCycleOption(cycle, tr), dates: describeCycleDates(cycle, tr) })}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
