// The module web-test-runner serves with the origin of the in-process sandbox.
declare module '/__sandbox__.js' {
  export const sandboxOrigin: string;
  export const communicationResourceId: string;
}
