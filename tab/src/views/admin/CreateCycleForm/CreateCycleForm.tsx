/** A new cycle: a name and its first and last day. */
import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CycleInput } from "../../../api/admin-types.js";
import { ApiError } from "../../../api/client.js";
import { useAdminActions } from "../../../api/use-admin.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { validateCycleInput } from "../admin-logic.js";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalL },
  submit: { marginTop: "26px" },
});

const EMPTY: CycleInput = { name: "", startDate: "", endDate: "" };

export function CreateCycleForm() {
  const styles = useStyles();
  const actions = useAdminActions();
  const notify = useNotify();
  const [input, setInput] = useState<CycleInput>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaving, setIsSaving] = useState(false);

  const create = async () => {
    const found = validateCycleInput(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    try {
      const cycle = await actions.createCycle({ ...input, name: input.name.trim() });
      setInput(EMPTY);
      notify(`${cycle.name} created`);
    } catch (caught) {
      const fieldErrors = caught instanceof ApiError ? Object.fromEntries((caught.problem.errors ?? []).map((e) => [e.path, e.message])) : {};
      setErrors({ name: caught instanceof Error ? caught.message : String(caught), ...fieldErrors });
    } finally {
      setIsSaving(false);
    }
  };

  const field = (name: keyof CycleInput) => ({
    value: input[name],
    onChange: (_event: unknown, data: { value: string }) => setInput((current) => ({ ...current, [name]: data.value })),
  });
  return (
    <form className={styles.form} aria-label="New cycle" onSubmit={(event) => (event.preventDefault(), void create())}>
      <Field label="Name" validationMessage={errors.name}>
        <Input {...field("name")} placeholder="Q3 2027" />
      </Field>
      <Field label="First day" validationMessage={errors.startDate}>
        <Input type="date" {...field("startDate")} />
      </Field>
      <Field label="Last day" validationMessage={errors.endDate}>
        <Input type="date" {...field("endDate")} />
      </Field>
      <Button className={styles.submit} type="submit" disabled={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
        Create cycle
      </Button>
    </form>
  );
}
