import { Spinner, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", justifyContent: "center", minHeight: "60vh" },
});

export interface BootScreenProps {
  label: string;
}

export function BootScreen({ label }: BootScreenProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
