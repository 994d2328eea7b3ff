import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { askBootstrap } from "./app/boot";
import "./styles.css";
import "./find.css";
import "./viewer.css";

// User Timing marks for the start-up benchmark (bench/app.mjs reads them): script running, bootstrap answered,
// first listing page in.
performance.mark("bucketlens:script");
// Before anything is laid out: the font list for WebKitGTK (styles.css, `data-os`).
if (/\bLinux\b/.test(navigator.userAgent)) document.documentElement.dataset.os = "linux";
const root = document.getElementById("root");
if (!root) throw new Error("missing #root");
// The first render waits a moment for the first question's answer: a quick one (start-up usually finished
// while the page loaded) means one render and one paint of the whole window instead of a splash first.
const render = () => {
  performance.mark("bucketlens:render");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
Promise.race([askBootstrap(), new Promise((r) => setTimeout(r, 150))]).then(render, render);
