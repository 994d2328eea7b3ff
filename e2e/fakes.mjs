// Fake AWS identity services for the real-window flows, on loopback, each checking what it receives as AWS
// would: STS (AssumeRole signed by the source profile's key, with the MFA device and code), SSO-OIDC (the
// device flow, pending until the test "confirms" the code shown in the window) and the SSO portal (role
// credentials for the token it issued). The credentials they hand out are the embedded server's keys, so
// the app can then browse with them.
import http from "node:http";

export const MFA_CODE = "246810";
export const MFA_SERIAL = "arn:aws:iam::111122223333:mfa/e2e";

/** Listens on `port` (0: any free one). */
function serve(handler, port = 0) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const [status, type, body] = handler(req, Buffer.concat(chunks).toString());
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  return new Promise((r) => server.listen(port, "127.0.0.1", () => r(server)));
}

const url = (server) => `http://127.0.0.1:${server.address().port}`;

/**
 * `ports`: where SSO-OIDC and the portal listen. The app was started with `AWS_ENDPOINT_URL_SSO_OIDC` / `_SSO`
 * naming them (scripts/e2e.sh), so a sign-in for a profile that does not exist yet reaches them too.
 */
export async function startFakeAws({ access_key: accessKey, secret_key: secretKey }, ports = {}) {
  const seen = { sts: [], oidc: [], portal: [] };
  const codes = new Map(); // user code → { device, confirmed }
  const xmlError = (code, message) => [
    403,
    "text/xml",
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
      "</ErrorResponse>",
  ];
  const sts = await serve((req, body) => {
    const f = Object.fromEntries(new URLSearchParams(body));
    seen.sts.push(f);
    const auth = req.headers.authorization ?? "";
    if (f.Action !== "AssumeRole" || !auth.includes(`Credential=${accessKey}/`)) return xmlError("InvalidAction", "no");
    if (f.SerialNumber !== MFA_SERIAL || f.TokenCode !== MFA_CODE)
      return xmlError("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code. ");
    const expiry = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
    return [
      200,
      "text/xml",
      `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>${accessKey}</AccessKeyId>` +
        `<SecretAccessKey>${secretKey}</SecretAccessKey><SessionToken>e2e-role-token</SessionToken>` +
        `<Expiration>${expiry}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
    ];
  });
  const json = (v, status = 200) => [status, "application/json", JSON.stringify(v)];
  const oidcError = (type) => [400, "application/json", JSON.stringify({ error: type })];
  const oidc = await serve((req, body) => {
    const b = body ? JSON.parse(body) : {};
    seen.oidc.push({ path: req.url, body: b });
    if (req.url === "/client/register" && b.clientType === "public")
      return json({ clientId: "e2e-client", clientSecret: "e2e-secret", clientSecretExpiresAt: 1_925_089_445 });
    if (req.url === "/device_authorization" && b.clientId === "e2e-client") {
      const user = `E2E${codes.size + 1}-CODE`;
      codes.set(user, { device: `device-${codes.size + 1}`, confirmed: false });
      return json({
        deviceCode: codes.get(user).device,
        userCode: user,
        verificationUri: "https://device.sso.example/",
        expiresIn: 600,
        interval: 1,
      });
    }
    if (req.url === "/token" && b.clientSecret === "e2e-secret") {
      const entry = [...codes.values()].find((c) => c.device === b.deviceCode);
      if (!entry) return oidcError("invalid_grant");
      if (!entry.confirmed) return oidcError("authorization_pending");
      return json({ accessToken: `token-${b.deviceCode}`, tokenType: "Bearer", expiresIn: 3600 });
    }
    return oidcError("invalid_request");
  }, ports.oidc ?? 0);
  const portal = await serve((req) => {
    seen.portal.push({ path: req.url, token: req.headers["x-amz-sso_bearer_token"] });
    const token = req.headers["x-amz-sso_bearer_token"] ?? "";
    const issued = [...codes.values()].some((c) => c.confirmed && token === `token-${c.device}`);
    if (!issued) return [401, "application/json", JSON.stringify({ message: "no" })];
    if (req.url.startsWith("/federation/credentials?") && req.url.includes("role_name=E2EReader"))
      return json({
        roleCredentials: {
          accessKeyId: accessKey,
          secretAccessKey: secretKey,
          sessionToken: "e2e-sso-token",
          expiration: Date.now() + 3600_000,
        },
      });
    if (req.url.startsWith("/assignment/accounts"))
      return json({
        accountList: [{ accountId: "111122223333", accountName: "E2E", emailAddress: "e2e@example.com" }],
      });
    if (req.url.startsWith("/assignment/roles"))
      return json({ roleList: [{ roleName: "E2EReader", accountId: "111122223333" }] });
    return [404, "application/json", JSON.stringify({ message: req.url })];
  }, ports.portal ?? 0);
  return {
    seen,
    stsUrl: url(sts),
    oidcUrl: url(oidc),
    portalUrl: url(portal),
    /** The person confirms `userCode` in the browser: true if such a code was issued. */
    confirm: (userCode) => {
      const c = codes.get(userCode);
      if (c) c.confirmed = true;
      return Boolean(c);
    },
    stop: () => {
      for (const s of [sts, oidc, portal]) s.close();
    },
  };
}
