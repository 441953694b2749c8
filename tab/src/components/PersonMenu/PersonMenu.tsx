/** Who is signed in in a browser, with a way to become someone else (demo sign-in) or to sign out. */
import { Avatar, Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles } from "@fluentui/react-components";
import { PersonSwapRegular, SignOutRegular } from "@fluentui/react-icons";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  name: { maxWidth: "180px", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface PersonMenuProps {
  displayName: string;
  onSwitchPerson?: () => void;
  onSignOut?: () => void;
}

export function PersonMenu({ displayName, onSwitchPerson, onSignOut }: PersonMenuProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          // The avatar shows a person glyph, not initials: visible text inside the button must be part of its name.
          icon={<Avatar idForColor={displayName} size={24} color="colorful" aria-hidden />}
          aria-label={t("personMenu.label", { name: displayName })}
        >
          <span className={styles.name}>{displayName}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {onSwitchPerson && (
            <MenuItem icon={<PersonSwapRegular />} onClick={onSwitchPerson}>
              {t("personMenu.switch")}
            </MenuItem>
          )}
          {onSignOut && (
            <MenuItem icon={<SignOutRegular />} onClick={onSignOut}>
              {t("personMenu.signOut")}
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
