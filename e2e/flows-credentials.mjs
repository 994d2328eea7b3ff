// Real-window flows for credentials and the production guard: an MFA role's code asked in a dialog, an SSO
// sign-in confirmed against fakes (the test reads the code from the window, as a person compares it), a
// profile added through the dialog and used, and a guarded profile that asks before an upload.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MFA_CODE } from "./fakes.mjs";
import { clickSettled, dropPaths, openFolder, openProfile, openSettings, q, root, setSelect, sleep } from "./flows.mjs";

export const credentialTests = [];
export const japaneseTests = [];
const test = (name, fn) => credentialTests.push({ name, fn });

async function type(s, css, text) {
  const el = await s.waitFor(css, () => s.find(css));
  await s.clear(el);
  await s.type(el, text);
}

async function bucketsListed(s) {
  await s.waitFor("the demo bucket", () => q(s, '[data-bucket="demo"]'), 30000);
}

const mfaFlow = "an MFA role profile asks for the code in a dialog; a wrong code is refused, the right one browses";
test(mfaFlow, async (s, c) => {
  await s.click(await s.waitFor("profile e2e-mfa", () => s.find('[data-profile="e2e-mfa"]')));
  await s.waitFor("the MFA dialog", () => q(s, "[data-testid=mfa-dialog]"), 30000);
  const text = await s.exec("return document.querySelector('[data-testid=mfa-dialog]').textContent");
  if (!text.includes("e2e-mfa") || !text.includes("mfa/e2e")) throw new Error(text);
  await type(s, "[data-testid=mfa-code]", "111111");
  await c.shot(s, "10-mfa-dialog");
  await s.click(await s.find("[data-testid=mfa-submit]"));
  const kind = await s.waitFor("the refusal", () =>
    s.exec("return document.querySelector('.sidebar .error-box')?.dataset.kind ?? null"),
  );
  if (kind !== "MfaRejected") throw new Error(`kind ${kind}`);
  await s.click(await s.find('[data-profile="e2e-mfa"]'));
  await s.waitFor("the MFA dialog again", () => q(s, "[data-testid=mfa-dialog]"));
  await type(s, "[data-testid=mfa-code]", MFA_CODE);
  await s.click(await s.find("[data-testid=mfa-submit]"));
  await s.waitFor("e2e-mfa active", () =>
    s.exec("return document.querySelector('.profile.active')?.dataset.profile === 'e2e-mfa'"),
  );
  await bucketsListed(s);
  const codes = c.fakes.seen.sts.map((f) => f.TokenCode);
  if (codes.join() !== `111111,${MFA_CODE}`) throw new Error(`STS got codes ${codes}`);
  await c.shot(s, "11-mfa-browsing");
});

test("an SSO profile signs in inside the app: the code shown, confirmed, then it browses", async (s, ctx) => {
  await s.click(await s.waitFor("profile e2e-sso", () => s.find('[data-profile="e2e-sso"]')));
  await s.click(await s.waitFor("the sign-in button", () => s.find("[data-testid=sign-in] button"), 30000));
  const code = await s.waitFor("the code", () =>
    s.exec("return document.querySelector('[data-testid=sign-in-code] .user-code')?.lastChild?.textContent ?? null"),
  );
  await ctx.shot(s, "12-sso-code");
  if (!ctx.fakes.confirm(code.trim())) throw new Error(`the window shows ${code}, which the fake never issued`);
  await s.waitFor("e2e-sso active", () =>
    s.exec("return document.querySelector('.profile.active')?.dataset.profile === 'e2e-sso'"),
  );
  await bucketsListed(s);
  const file = readdirSso(ctx);
  if (!file) throw new Error("no token in the SSO cache");
  const lifetime = await s.exec("return document.querySelector('[data-testid=lifetime]')?.textContent ?? ''");
  if (!/min|h/.test(lifetime)) throw new Error(`lifetime: ${lifetime}`);
  await ctx.shot(s, "13-sso-browsing");
});

function readdirSso(ctx) {
  const dir = join(ctx.home, ".aws/sso/cache");
  try {
    const name = readdirSync(dir).find((n) => n.endsWith(".json"));
    return name && join(dir, name);
  } catch {
    return null;
  }
}

test("a profile added through the dialog is written like aws configure and browses", async (s, ctx) => {
  await s.click(await s.find("[data-testid=add-profile]"));
  await s.click(await s.waitFor("the choice", () => s.find("[data-testid=add-kind-accessKey]")));
  await type(s, "[data-testid=add-name]", "e2e-added");
  await type(s, "[data-testid=add-accessKeyId]", ctx.s3.access_key);
  await type(s, "[data-testid=add-secretAccessKey]", ctx.s3.secret_key);
  await type(s, "[data-testid=add-region]", "us-east-1");
  await ctx.shot(s, "14-add-profile");
  await s.click(await s.find("[data-testid=add-profile-save]"));
  await s.waitFor("e2e-added listed", () => q(s, '[data-profile="e2e-added"]'));
  const creds = readFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, "utf8");
  if (!creds.includes("[e2e-added]\naws_access_key_id = ")) throw new Error(creds);
  if ((statSync(process.env.AWS_SHARED_CREDENTIALS_FILE).mode & 0o777) !== 0o600)
    throw new Error("credentials not 0600");
  // No endpoint in the dialog (it is for AWS): this one is a local server, set in Settings as for MinIO.
  await openSettings(s);
  await s.click(await s.waitFor("the profile in settings", () => s.find('[data-edit-profile="e2e-added"]')));
  await type(s, "[data-testid=override-endpoint]", ctx.s3.endpoint);
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.click(await s.find(".settings-head button"));
  await openProfile(s, "e2e-added");
  await bucketsListed(s);
});

test("an SSO profile is added by signing in and picking the account and role, then browses", async (s, ctx) => {
  await s.click(await s.find("[data-testid=add-profile]"));
  await s.click(await s.waitFor("the choice", () => s.find("[data-testid=add-kind-sso]")));
  await type(s, "[data-testid=add-name]", "e2e-company");
  await type(s, "[data-testid=add-startUrl]", "https://e2e-corp.awsapps.com/start");
  await type(s, "[data-testid=add-ssoRegion]", "us-east-1");
  await type(s, "[data-testid=add-region]", "us-east-1");
  await s.click(await s.find("[data-testid=add-profile-save]"));
  const code = await s.waitFor("the code in the dialog", () =>
    s.exec(
      "return document.querySelector('.dialog [data-testid=sign-in-code] .user-code')?.lastChild?.textContent ?? null",
    ),
  );
  if (!ctx.fakes.confirm(code.trim())) throw new Error(`the dialog shows ${code}, which the fake never issued`);
  const role = await s.waitFor("the roles to pick from", () =>
    s.exec("return document.querySelector('[data-testid=add-role] option')?.textContent ?? null"),
  );
  if (role !== "E2E (111122223333) · E2EReader") throw new Error(role);
  await ctx.shot(s, "17-add-sso-profile");
  await s.click(await s.find("[data-testid=add-profile-save]"));
  await s.waitFor("e2e-company listed", () => q(s, '[data-profile="e2e-company"]'));
  const config = readFileSync(process.env.AWS_CONFIG_FILE, "utf8");
  for (const line of ["[profile e2e-company]", "sso_session = e2e-company", "sso_role_name = E2EReader"])
    if (!config.includes(line)) throw new Error(`${line} not in the config`);
  // No second sign-in: the token saved while picking is the profile's. Its S3 endpoint is the local server.
  await openSettings(s);
  await s.click(await s.waitFor("the profile in settings", () => s.find('[data-edit-profile="e2e-company"]')));
  await type(s, "[data-testid=override-endpoint]", ctx.s3.endpoint);
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.click(await s.find(".settings-head button"));
  await openProfile(s, "e2e-company");
  await bucketsListed(s);
  const signIns = ctx.fakes.seen.oidc.filter((r) => r.path === "/device_authorization").length;
  if (signIns !== 2) throw new Error(`${signIns} device sign-ins (expected one for e2e-sso, one here)`);
});

test("a production profile asks before an upload, naming itself and the bucket", async (s, ctx) => {
  await openProfile(s, "e2e");
  await openSettings(s);
  await s.click(await s.waitFor("the profile in settings", () => s.find('[data-edit-profile="e2e"]')));
  await setSelect(s, "[data-testid=profile-color]", "red");
  await s.waitFor(
    "red picked",
    async () => (await s.exec("return document.querySelector('[data-testid=profile-color]').value")) === "red",
  );
  await s.click(await s.find("[data-testid=confirm-changes]"));
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.click(await s.find(".settings-head button"));
  await s.waitFor("the red band", () => q(s, '.app[data-profile-color="red"]'));
  // Saving re-selects the profile, so the bucket list is drawn again: click it once settled.
  await clickSettled(s, "bucket demo", '[data-bucket="demo"]');
  await root(s);
  await openFolder(s, "images/");
  await dropPaths(s, [join(ctx.files, "e2e-photo.jpg")]);
  const body = await s.waitFor("the guard", () =>
    s.exec("return document.querySelector('[data-testid=guard-body]')?.textContent ?? null"),
  );
  if (!body.includes("e2e") || !body.includes("demo")) throw new Error(body);
  await ctx.shot(s, "15-guard");
  await s.click(await s.find("[data-testid=confirm-guard]"));
  // Then the usual question: the name exists from the upload flow, keep both.
  await s.click(await s.waitFor("the replace prompt", () => s.find("[data-testid=conflict-keep]")));
  await s.waitFor(
    "uploaded",
    () => q(s, '.upload-row[data-upload-key="images/e2e-photo (2).jpg"][data-state="done"]'),
    30000,
  );
  // Unguard again for the flows after this one.
  await openSettings(s);
  await s.click(await s.waitFor("the profile in settings", () => s.find('[data-edit-profile="e2e"]')));
  await s.click(await s.find("[data-testid=confirm-changes]"));
  await s.click(await s.find("[data-testid=save-settings]"));
  await s.click(await s.find(".settings-head button"));
  await sleep(200);
});

japaneseTests.push({
  name: "in Japanese: the add-profile dialog",
  fn: async (s, ctx) => {
    await s.click(await s.find("[data-testid=add-profile]"));
    await s.click(await s.waitFor("the choice", () => s.find("[data-testid=add-kind-sso]")));
    await sleep(300);
    await ctx.shot(s, "16-add-profile-ja");
    const title = await s.exec("return document.querySelector('.dialog h2').textContent");
    if (title !== "AWS プロファイルを追加") throw new Error(title);
    await s.click(await s.find(".dialog-buttons button"));
  },
});
