import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { CycleView } from "../../api/types.js";
import { describeCycleDates, describeCycleOption } from "../../logic/cycles.js";

export interface CyclePickerProps {
  cycles: readonly CycleView[];
  selected: CycleView;
  onSelect: (cycleId: string) => void;
}

export function CyclePicker({ cycles, selected, onSelect }: CyclePickerProps) {
  return (
    <Field label="Cycle">
      <Dropdown
        value={describeCycleOption(selected)}
        selectedOptions={[selected.id]}
        onOptionSelect={(_event, data) => data.optionValue && onSelect(data.optionValue)}
      >
        {cycles.map((cycle) => (
          <Option key={cycle.id} value={cycle.id} text={describeCycleOption(cycle)}>
            {`${describeCycleOption(cycle)} · ${describeCycleDates(cycle)}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
