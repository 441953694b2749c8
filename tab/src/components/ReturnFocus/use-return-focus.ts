/** Gives focus back to whatever had it when a dialog or panel opened, once it closes. Fluent's
 * dialogs only do this for a DialogTrigger, and ours open from state (a card's button, a menu, a
 * link), so each dialog calls this with its `open` flag. */
import { useLayoutEffect } from "react";

const CLOSING_SURFACE = '[role="dialog"], [role="alertdialog"]';
const SETTLE_MS = 1500;

/** The element with focus now, unless that is the page itself. */
export function readFocusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Stops the focus return still in flight, if any. */
let stopPendingReturn: (() => void) | null = null;

/** A dialog or panel is opening and takes focus: a surface still closing must not pull it back
 * (as when the same panel is opened again right after it closed). */
export function yieldFocusToOpeningSurface(): void {
  stopPendingReturn?.();
  stopPendingReturn = null;
}

/** Focuses the opener, and again each frame while the closing surface animates out and would take
 * focus with it (to the page, or back inside itself), until the surface is gone or another one
 * opens. */
export function returnFocusTo(opener: HTMLElement | null): void {
  yieldFocusToOpeningSurface();
  if (!opener) return;
  const closing = readFocusedElement()?.closest(CLOSING_SURFACE) ?? null;
  const deadline = performance.now() + SETTLE_MS;
  let isStopped = false;
  const attempt = () => {
    // The opener may be gone (a deleted goal's card): focus then stays where the page puts it.
    if (isStopped || !opener.isConnected) return;
    const active = readFocusedElement();
    if (active !== opener && (active === null || closing?.contains(active))) opener.focus();
    const isSettled = readFocusedElement() === opener && !closing?.isConnected;
    if (!isSettled && performance.now() < deadline) requestAnimationFrame(attempt);
  };
  stopPendingReturn = () => {
    isStopped = true;
  };
  attempt();
}

export function useReturnFocus(isOpen: boolean): void {
  // A layout effect runs before the dialog's own effects move focus inside it.
  useLayoutEffect(() => {
    if (!isOpen) return;
    yieldFocusToOpeningSurface();
    const opener = readFocusedElement();
    return () => returnFocusTo(opener);
  }, [isOpen]);
}
