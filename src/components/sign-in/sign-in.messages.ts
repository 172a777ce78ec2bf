/** English messages of the element; other locales translate these keys. */
export const signInMessages = {};
