"""Uploads of 10 MiB, 100 MiB and 1 GiB: the CLI's uploader (defaults: multipart from 100 MiB, 4 parts in
flight) and the CLI forced to one PUT, vs `curl -T` on a presigned PUT signing the same headers the CLI's
single PUT signs (type, uploaded-by, the file's CRC32C, which the server verifies). Wall time and peak RSS
(from /usr/bin/time -v). curl is handed the checksum; the CLI's time includes computing it."""
import json, os, re, subprocess, sys, time
from common import WORK, CLI, start_server, summary

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
SIZES = [("10MiB", 10 << 20), ("100MiB", 100 << 20), ("1GiB", 1 << 30)]
RUNS_1GIB = int(os.environ.get("RUNS_1GIB", RUNS))
os.makedirs(WORK, exist_ok=True)
block = os.urandom(1 << 20)
USER = os.environ.get("USER") or "bench"


def timed(cmd, env):
    t = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {out.stderr[-800:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    return wall, rss_kb / 1024


proc, env, info = start_server(os.path.join(WORK, "upload-s3"))
os.makedirs(os.path.join(WORK, "upload-s3", "bench"), exist_ok=True)
results = {}
try:
    for name, size in SIZES:
        path = os.path.join(WORK, f"upload-{name}.bin")
        if not os.path.exists(path) or os.path.getsize(path) != size:
            with open(path, "wb") as f:
                for _ in range(size >> 20):
                    f.write(block)
        cli_t, cli_rss, single_t, curl_t, curl_rss = [], [], [], [], []
        for _ in range(RUNS_1GIB if size >= 1 << 30 else RUNS):
            w, r = timed([CLI, "put", "--overwrite", "--any-type", path, f"s3://bench/up/{name}.bin"], env)
            cli_t.append(w); cli_rss.append(r)
            w, _ = timed([CLI, "put", "--overwrite", "--any-type", "--multipart-threshold-mib", "5120", path, f"s3://bench/single/{name}.bin"], env)
            single_t.append(w)
            signed = subprocess.run([CLI, "presign", "put", f"s3://bench/curl/{name}.bin", "--content-type", "application/octet-stream",
                                     "--meta", f"uploaded-by={USER}", "--crc32c-of", path], env=env, capture_output=True, text=True, check=True).stdout.splitlines()
            headers = sum((["-H", h] for h in signed[1:]), [])
            w, r = timed(["curl", "-sS", "-f", "-o", "/dev/null", "-T", path, *headers, signed[0]], env)
            curl_t.append(w); curl_rss.append(r)
        mib = size / (1 << 20)
        results[name] = {
            "cli_mib_s": summary([mib / t for t in cli_t]),
            "curl_mib_s": summary([mib / t for t in curl_t]),
            "throughput_ratio_cli_over_curl": summary([c / u for c, u in zip(curl_t, cli_t)]),
            "cli_single_put_mib_s": summary([mib / t for t in single_t]),
            "throughput_ratio_single_put_over_curl": summary([c / u for c, u in zip(curl_t, single_t)]),
            "cli_peak_rss_mib": summary(cli_rss),
            "curl_peak_rss_mib": summary(curl_rss),
        }
    print(json.dumps(results))
finally:
    proc.kill()
