// Stand-in for mermaid.js: nbconvert's slide template imports mermaid from a CDN on
// every page, but no lesson draws a mermaid diagram. Pointing it here keeps the
// slides free of network requests.
export default { initialize() {}, run() {} };
