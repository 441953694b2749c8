/** Light, dark or high contrast in a plain browser (inside Teams the tab follows the Teams theme). */
import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tooltip, type MenuProps } from "@fluentui/react-components";
import { DarkThemeRegular } from "@fluentui/react-icons";
import { THEME_NAMES, isThemeName, type ThemeName } from "../../host/theme.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface ThemeSwitcherProps {
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

export function ThemeSwitcher({ theme, onThemeChange }: ThemeSwitcherProps) {
  const chooseTheme: MenuProps["onCheckedValueChange"] = (_event, data) => {
    const [next] = data.checkedItems;
    if (isThemeName(next)) onThemeChange(next);
  };
  const { t } = useTranslator();
  const label = t("theme.label", { theme: t(`theme.${theme}`) });
  return (
    <Menu checkedValues={{ theme: [theme] }} onCheckedValueChange={chooseTheme}>
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={label} relationship="label">
          <Button appearance="subtle" icon={<DarkThemeRegular />} />
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {THEME_NAMES.map((name) => (
            <MenuItemRadio key={name} name="theme" value={name}>
              {t(`theme.${name}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
