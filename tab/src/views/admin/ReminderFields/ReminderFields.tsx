/** When check-in reminders and manager digests go out. */
import { Combobox, Dropdown, Field, Option, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ReminderSettings } from "../../../api/admin-types.js";
import { WEEKDAYS } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useControlLabels } from "../../../i18n/use-control-labels.js";
import { useFitControlStyles } from "../../../components/FitControls/fit-controls.js";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(180px, 100%), 1fr))", gap: tokens.spacingHorizontalL },
});

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
const MAX_ZONE_OPTIONS = 40;

export interface ReminderFieldsProps {
  reminders: ReminderSettings;
  onChange: (changes: Partial<ReminderSettings>) => void;
}

function DayField({ label, value, isDisabled, onChange }: { label: string; value: number; isDisabled?: boolean; onChange: (day: number) => void }) {
  const fit = useFitControlStyles();
  const { formatWeekday } = useTranslator();
  return (
    <Field label={label}>
      <Dropdown className={fit.picker} value={formatWeekday(value)} selectedOptions={[String(value)]} disabled={isDisabled} onOptionSelect={(_event, data) => onChange(Number(data.optionValue))}>
        {WEEKDAYS.map((day, index) => (
          <Option key={day} value={String(index)}>
            {formatWeekday(day)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function HourField({ label, value, onChange }: { label: string; value: number; onChange: (hour: number) => void }) {
  const fit = useFitControlStyles();
  const { formatHour } = useTranslator();
  return (
    <Field label={label}>
      <Dropdown className={fit.picker} value={formatHour(value)} selectedOptions={[String(value)]} onOptionSelect={(_event, data) => onChange(Number(data.optionValue))}>
        {HOURS.map((hour) => (
          <Option key={hour} value={String(hour)}>
            {formatHour(hour)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const fit = useFitControlStyles();
  const { t } = useTranslator();
  const controls = useControlLabels();
  const [text, setText] = useState(value);
  const matches = useMemo(() => TIME_ZONES.filter((zone) => zone.toLowerCase().includes(text.trim().toLowerCase())).slice(0, MAX_ZONE_OPTIONS), [text]);
  return (
    <Field label={t("admin.reminders.zone")} hint={t("admin.reminders.zone.hint")}>
      <Combobox className={fit.picker} {...controls.combobox} value={text} selectedOptions={[value]} onChange={(event) => setText(event.target.value)} onOptionSelect={(_event, data) => data.optionValue && (onChange(data.optionValue), setText(data.optionValue))}>
        {matches.map((zone) => (
          <Option key={zone}>{zone}</Option>
        ))}
      </Combobox>
    </Field>
  );
}

export function ReminderFields({ reminders, onChange }: ReminderFieldsProps) {
  const fit = useFitControlStyles();
  const styles = useStyles();
  const { t } = useTranslator();
  return (
    <>
      <Switch label={t("admin.reminders.enabled")} checked={reminders.isEnabled} onChange={(_event, data) => onChange({ isEnabled: data.checked })} />
      {reminders.isEnabled && (
        <div className={styles.grid}>
          <Field label={t("admin.reminders.often")}>
            <Dropdown className={fit.picker} value={reminders.cadence === "daily" ? t("admin.reminders.daily") : t("admin.reminders.weekly")} selectedOptions={[reminders.cadence]} onOptionSelect={(_event, data) => onChange({ cadence: data.optionValue === "daily" ? "daily" : "weekly" })}>
              <Option value="weekly">{t("admin.reminders.weekly")}</Option>
              <Option value="daily">{t("admin.reminders.daily")}</Option>
            </Dropdown>
          </Field>
          <DayField label={t("admin.reminders.day")} value={reminders.dayOfWeek} isDisabled={reminders.cadence === "daily"} onChange={(dayOfWeek) => onChange({ dayOfWeek })} />
          <HourField label={t("admin.reminders.time")} value={reminders.hour} onChange={(hour) => onChange({ hour })} />
        </div>
      )}
      <TimeZoneField value={reminders.defaultTimeZone} onChange={(defaultTimeZone) => onChange({ defaultTimeZone })} />
      <Switch label={t("admin.reminders.digest")} checked={reminders.isDigestEnabled} onChange={(_event, data) => onChange({ isDigestEnabled: data.checked })} />
      {reminders.isDigestEnabled && (
        <div className={styles.grid}>
          <DayField label={t("admin.reminders.digestDay")} value={reminders.digestDayOfWeek} onChange={(digestDayOfWeek) => onChange({ digestDayOfWeek })} />
          <HourField label={t("admin.reminders.digestTime")} value={reminders.digestHour} onChange={(digestHour) => onChange({ digestHour })} />
        </div>
      )}
    </>
  );
}
