/** A localized message: a plain string, or a function of the values it interpolates. */
export type MessageValue = string | ((...values: never[]) => string);

/** One component's messages, keyed by a name that starts with the component (`callHangUp`). */
export type MessageCatalog = Record<string, MessageValue>;
