"""Shared helpers for the benchmarks: start the release demo server, summarise runs."""
import os, statistics, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("BENCH_CLI") or os.path.join(ROOT, "target", "release", "bucketlens-cli")
WORK = os.path.join(ROOT, "target", "bench")


def start_server(data_dir):
    """Runs `bucketlens-cli demo-server --no-seed` on loopback; returns (process, env for clients)."""
    proc = subprocess.Popen([CLI, "demo-server", "--no-seed", "--data", data_dir], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "BUCKETLENS_CONFIG_DIR": os.path.join(WORK, "config")})
    info = {}
    while "data" not in info:
        k, _, v = proc.stdout.readline().strip().partition(": ")
        info[k] = v
    env = {**os.environ, "AWS_ACCESS_KEY_ID": info["access_key"], "AWS_SECRET_ACCESS_KEY": info["secret_key"], "AWS_ENDPOINT_URL": info["endpoint"],
           "AWS_REGION": "us-east-1", "BUCKETLENS_CONFIG_DIR": os.path.join(WORK, "config")}
    env.pop("AWS_PROFILE", None)
    return proc, env, info


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}
