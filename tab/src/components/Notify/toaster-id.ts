/** The one toaster the shell renders; views send their confirmations to it. */
export const TOASTER_ID = "cascade-toaster";
