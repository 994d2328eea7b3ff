import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./styles.css";

// User Timing marks for the start-up benchmark (bench/app.mjs reads them): script running, bootstrap answered,
// first listing page in.
performance.mark("bucketlens:script");
const root = document.getElementById("root");
if (!root) throw new Error("missing #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
