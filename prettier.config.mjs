// The one formatter config (`npm run format`; `npm test` checks it before lint).
/** @type {import('prettier').Config} */
const config = {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
};

export default config;
