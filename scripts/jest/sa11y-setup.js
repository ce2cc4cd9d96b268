// Registers toBeAccessible() for every LWC test.
const { registerSa11yMatcher } = require('@sa11y/jest');
registerSa11yMatcher();
