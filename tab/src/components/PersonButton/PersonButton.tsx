import { Avatar, Button, Spinner } from "@fluentui/react-components";
import type { DevUser } from "../../api/types.js";
import { usePersonButtonStyles } from "./PersonButton.styles.js";

export interface PersonButtonProps {
  person: DevUser;
  isPending: boolean;
  isDisabled: boolean;
  onPick: (person: DevUser) => void;
}

export function PersonButton({ person, isPending, isDisabled, onPick }: PersonButtonProps) {
  const styles = usePersonButtonStyles();
  return (
    <Button
      className={styles.root}
      appearance="subtle"
      disabled={isDisabled}
      onClick={() => onPick(person)}
      aria-label={`Sign in as ${person.displayName}${person.jobTitle ? `, ${person.jobTitle}` : ""}`}
      icon={isPending ? <Spinner size="tiny" /> : <Avatar name={person.displayName} color="colorful" size={32} />}
    >
      <span className={styles.text}>
        <span className={styles.name}>{person.displayName}</span>
        <span className={styles.job}>{person.jobTitle ?? "No job title"}</span>
      </span>
    </Button>
  );
}
