import { Avatar, Button, Spinner } from "@fluentui/react-components";
import type { DevUser } from "../../api/types.js";
import { usePersonButtonStyles } from "./PersonButton.styles.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface PersonButtonProps {
  person: DevUser;
  isPending: boolean;
  isDisabled: boolean;
  onPick: (person: DevUser) => void;
}

export function PersonButton({ person, isPending, isDisabled, onPick }: PersonButtonProps) {
  const styles = usePersonButtonStyles();
  const { t } = useTranslator();
  return (
    <Button
      className={styles.root}
      appearance="subtle"
      disabled={isDisabled}
      onClick={() => onPick(person)}
      aria-label={person.jobTitle ? t("people.signInAsWithJob", { name: person.displayName, job: person.jobTitle }) : t("people.signInAs", { name: person.displayName })}
      icon={isPending ? <Spinner size="tiny" /> : <Avatar name={person.displayName} color="colorful" size={32} />}
    >
      <span className={styles.text}>
        <span className={styles.name}>{person.displayName}</span>
        <span className={styles.job}>{person.jobTitle ?? t("people.noJobTitle")}</span>
      </span>
    </Button>
  );
}
