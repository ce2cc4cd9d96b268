/** The sa11y matcher registered in scripts/jest/sa11y-setup.js. */
declare namespace jest {
  interface Matchers<R> {
    toBeAccessible(): Promise<R>;
  }
}
