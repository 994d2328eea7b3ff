// The S3 side of the real-window tests: `bucketlens-cli demo-server` (SigV4 checked) in the background,
// reached through real profiles in the temporary AWS config files the app is started with.
import { spawn } from "node:child_process";
import http from "node:http";
import { createInterface } from "node:readline";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MFA_SERIAL, startFakeAws } from "./fakes.mjs";

/**
 * A loopback proxy in front of the S3 server that holds back every upload part after the first `fast` ones
 * by `delayMs`, so an upload is still running when the app is restarted. Requests keep their Host header,
 * so signatures stay valid.
 */
export async function startSlowProxy(upstream, { fast = 2, delayMs = 2500 } = {}) {
  const target = new URL(upstream);
  let parts = 0;
  const server = http.createServer((req, res) => {
    const isPart = req.method === "PUT" && /[?&]partNumber=/.test(req.url);
    const wait = isPart && ++parts > fast ? delayMs : 0;
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () =>
      setTimeout(() => {
        const out = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        out.on("error", () => res.destroy());
        out.end(Buffer.concat(chunks));
      }, wait),
    );
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { endpoint: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() };
}

export async function startS3(cli, home) {
  const child = spawn(cli, ["demo-server", "--data", join(home, "s3")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BUCKETLENS_CONFIG_DIR: join(home, "cli-config") },
  });
  const lines = createInterface({ input: child.stdout });
  const info = {};
  for await (const line of lines) {
    const [k, ...v] = line.split(": ");
    info[k] = v.join(": ");
    if (k === "data") break;
  }
  // Three profiles: the right keys, the right key id with a wrong secret, and the right keys through a
  // proxy that slows uploads down. Two more reach STS and IAM Identity Center fakes through `[services]`:
  // a role with an MFA device (source: e2e) and an SSO profile.
  const slow = await startSlowProxy(info.endpoint);
  const port = (name) => Number(process.env[name] ?? 0);
  const fakes = await startFakeAws(info, { oidc: port("E2E_OIDC_PORT"), portal: port("E2E_PORTAL_PORT") });
  writeFileSync(
    process.env.AWS_CONFIG_FILE,
    [
      `[profile e2e]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`,
      `[profile e2e-wrong]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`,
      `[profile e2e-slow]\nregion = us-east-1\nendpoint_url = ${slow.endpoint}\n`,
      `[profile e2e-mfa]\nrole_arn = arn:aws:iam::111122223333:role/E2EAdmin\nsource_profile = e2e\n` +
        `mfa_serial = ${MFA_SERIAL}\nregion = us-east-1\nendpoint_url = ${info.endpoint}\nservices = e2e-fakes\n`,
      `[profile e2e-sso]\nsso_session = e2e-corp\nsso_account_id = 111122223333\nsso_role_name = E2EReader\n` +
        `region = us-east-1\nendpoint_url = ${info.endpoint}\nservices = e2e-fakes\n`,
      "[sso-session e2e-corp]\nsso_start_url = https://e2e-corp.awsapps.com/start\nsso_region = us-east-1\n",
      `[services e2e-fakes]\nsts =\n  endpoint_url = ${fakes.stsUrl}\nsso-oidc =\n  endpoint_url = ${fakes.oidcUrl}\n` +
        `sso =\n  endpoint_url = ${fakes.portalUrl}\n`,
    ].join("\n"),
  );
  writeFileSync(
    process.env.AWS_SHARED_CREDENTIALS_FILE,
    [
      `[e2e]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = ${info.secret_key}\n`,
      `[e2e-wrong]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = not-the-secret\n`,
      `[e2e-slow]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = ${info.secret_key}\n`,
    ].join("\n"),
  );
  return {
    info,
    fakes,
    stop: () => {
      fakes.stop();
      slow.stop();
      child.kill();
    },
  };
}
