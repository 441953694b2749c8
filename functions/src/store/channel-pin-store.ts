/** Dashboards pinned in Teams channels: one small row per team and manager in the settings table,
 * so erasing the manager removes their pins with the usual sweep (their id is in the key). */
import type { ChannelPins } from "../domain/channel-dashboards.js";
import { SETTINGS_TABLE } from "./cycle-store.js";
import { getEntityOrNull, makeKey, type TableFactory } from "./tables.js";

export const PIN_ROW_PREFIX = "pin|";

export function createChannelPinStore(factory: TableFactory): ChannelPins & { readonly tables: string[] } {
  const table = factory.getClient(SETTINGS_TABLE);
  const rowKey = (teamId: string, managerId: string) => makeKey("pin", teamId, managerId);
  return {
    tables: [SETTINGS_TABLE],
    async savePin(tenantId, pin) {
      // Pinning again only moves the date; whichever write lands last is as good as the other.
      await table.upsertEntity({ partitionKey: tenantId, rowKey: rowKey(pin.teamId, pin.managerId), teamId: pin.teamId, managerId: pin.managerId, pinnedAt: pin.pinnedAt }, "Replace");
    },
    async hasPin(tenantId, teamId, managerId) {
      return (await getEntityOrNull(table, tenantId, rowKey(teamId, managerId))) !== null;
    },
  };
}
