/** A new cycle: a name and its first and last day. */
import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CycleInput } from "../../../api/admin-types.js";
import { ApiError } from "../../../api/client.js";
import { useAdminActions } from "../../../api/use-admin.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { describeError } from "../../../i18n/describe-error.js";
import { validateCycleInput } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalL },
  submit: { marginTop: "26px" },
});

const EMPTY: CycleInput = { name: "", startDate: "", endDate: "" };

export function CreateCycleForm() {
  const styles = useStyles();
  const actions = useAdminActions();
  const notify = useNotify();
  const tr = useTranslator();
  const { t } = tr;
  const [input, setInput] = useState<CycleInput>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaving, setIsSaving] = useState(false);

  const create = async () => {
    const found = validateCycleInput(input, tr);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    try {
      const cycle = await actions.createCycle({ ...input, name: input.name.trim() });
      setInput(EMPTY);
      notify(t("admin.cycle.created", { name: cycle.name }));
    } catch (caught) {
      const fieldErrors = caught instanceof ApiError ? Object.fromEntries((caught.problem.errors ?? []).map((e) => [e.path, e.message])) : {};
      setErrors({ name: describeError(caught, tr), ...fieldErrors });
    } finally {
      setIsSaving(false);
    }
  };

  const field = (name: keyof CycleInput) => ({
    value: input[name],
    onChange: (_event: unknown, data: { value: string }) => setInput((current) => ({ ...current, [name]: data.value })),
  });
  return (
    <form className={styles.form} aria-label={t("admin.cycle.new")} onSubmit={(event) => (event.preventDefault(), void create())}>
      <Field label={t("admin.cycle.name")} validationMessage={errors.name}>
        <Input {...field("name")} placeholder={t("admin.cycle.name.placeholder")} />
      </Field>
      <Field label={t("admin.cycle.start")} validationMessage={errors.startDate}>
        <Input type="date" {...field("startDate")} />
      </Field>
      <Field label={t("admin.cycle.end")} validationMessage={errors.endDate}>
        <Input type="date" {...field("endDate")} />
      </Field>
      <Button className={styles.submit} type="submit" disabled={isSaving} icon={isSaving ? <Spinner size="tiny" /> : undefined}>
        {t("admin.cycle.create")}
      </Button>
    </form>
  );
}
