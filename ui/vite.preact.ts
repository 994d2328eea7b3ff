// The UI is written against React's API and runs on Preact's compatible runtime: 18 KB instead of React's 190,
// so the page's JavaScript heap and parse are smaller (BENCHMARKS.md, "idle PSS"). Types still come from React.
export const preactAliases = [
  { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
  { find: /^react\/jsx-runtime$/, replacement: "preact/compat/jsx-runtime" },
  { find: /^react\/jsx-dev-runtime$/, replacement: "preact/compat/jsx-dev-runtime" },
  { find: /^react-dom$/, replacement: "preact/compat" },
  { find: /^react$/, replacement: "preact/compat" },
];
