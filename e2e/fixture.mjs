// The S3 side of the real-window tests: `bucketlens-cli demo-server` (SigV4 checked) in the background,
// reached through real profiles in the temporary AWS config files the app is started with.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

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
  // Two profiles: the right keys, and the right key id with a wrong secret.
  writeFileSync(
    process.env.AWS_CONFIG_FILE,
    [
      `[profile e2e]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`,
      `[profile e2e-wrong]\nregion = us-east-1\nendpoint_url = ${info.endpoint}\n`,
    ].join("\n"),
  );
  writeFileSync(
    process.env.AWS_SHARED_CREDENTIALS_FILE,
    [
      `[e2e]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = ${info.secret_key}\n`,
      `[e2e-wrong]\naws_access_key_id = ${info.access_key}\naws_secret_access_key = not-the-secret\n`,
    ].join("\n"),
  );
  return { info, stop: () => child.kill() };
}
