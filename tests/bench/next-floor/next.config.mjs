// Next's defaults: the framework floor measures Next as it comes.
const config = {};
export default config;
