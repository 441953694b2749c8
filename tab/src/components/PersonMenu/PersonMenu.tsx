/** Who is signed in (demo sign-in only), with a way to become someone else. */
import { Avatar, Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles } from "@fluentui/react-components";
import { PersonSwapRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  name: { maxWidth: "180px", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface PersonMenuProps {
  displayName: string;
  onSwitchPerson: () => void;
}

export function PersonMenu({ displayName, onSwitchPerson }: PersonMenuProps) {
  const styles = useStyles();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<Avatar name={displayName} size={24} color="colorful" />}
          aria-label={`Signed in as ${displayName}. Open the person menu`}
        >
          <span className={styles.name}>{displayName}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<PersonSwapRegular />} onClick={onSwitchPerson}>
            Switch person
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
