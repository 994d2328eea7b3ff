// A minimal W3C WebDriver client over fetch: enough to drive the real app through tauri-driver.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const r = await call(base, "POST", "/session", { capabilities });
    return new Session(base, r.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const r = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return r[ELEMENT];
  }

  async findAll(css) {
    const r = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return r.map((e) => e[ELEMENT]);
  }

  click(el) {
    return this.cmd("POST", `/element/${el}/click`, {});
  }

  clear(el) {
    return this.cmd("POST", `/element/${el}/clear`, {});
  }

  type(el, text) {
    return this.cmd("POST", `/element/${el}/value`, { text });
  }

  text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  attribute(el, name) {
    return this.cmd("GET", `/element/${el}/attribute/${name}`);
  }

  /** Switches into an iframe element (`null`: back to the top document). */
  frame(el) {
    return this.cmd("POST", "/frame", { id: el === null ? null : { [ELEMENT]: el } });
  }

  exec(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /**
   * A PNG of the page as shown. Under X (the suites run under Xvfb) it is read from the screen with
   * ImageMagick's `import`, cropped to the webview: WebKitWebDriver's own screenshot hangs when WebKit does
   * not composite, which is what the app chooses on machines without a GPU (src-tauri/src/render.rs).
   */
  async screenshot() {
    if (!process.env.DISPLAY) return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
    const win = await this.cmd("GET", "/window/rect");
    const [w, h] = await this.exec("return [window.innerWidth, window.innerHeight]");
    // Below the native menu bar: the webview fills the rest of the window.
    const crop = `${w}x${h}+${win.x + (win.width - w)}+${win.y + (win.height - h)}`;
    return execFileSync("import", ["-window", "root", "-crop", crop, "+repage", "png:-"], {
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  /** Polls `fn` until it returns a truthy value (errors count as "not yet"). */
  async waitFor(what, fn, timeoutMs = 20000) {
    const until = Date.now() + timeoutMs;
    let last;
    while (Date.now() < until) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
  }

  close() {
    return call(this.base, "DELETE", `/session/${this.id}`);
  }
}

/** No WebDriver command takes longer than this: an app that never starts fails the run instead of hanging it. */
const COMMAND_TIMEOUT_MS = 120_000;

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json.value?.error) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json).slice(0, 400)}`);
  }
  return json.value;
}

/** Standard deviation of a region of a screenshot (0 = blank), via ImageMagick; `scratch` is a file to use. */
export function regionDeviation(png, { x, y, w, h }, scratch) {
  writeFileSync(scratch, png);
  const args = [scratch, "-crop", `${w}x${h}+${x}+${y}`, "-colorspace", "Gray", "-format", "%[fx:standard_deviation]"];
  return Number(execFileSync("convert", [...args, "info:"]).toString());
}
