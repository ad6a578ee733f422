// eslint-doc-generator: the README rules table, the config badges and every rule page's header
// are generated from the rules' metadata; `npm test` runs it with --check so they never drift.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [['recommended-type-checked', '☑️']],
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
};

export default config;
