"""Listing 100,000 keys under one prefix on the embedded S3: the CLI (`ls --all`) vs boto3's paginator."""
import json, os, subprocess, sys, time
import boto3
from botocore.config import Config
from common import WORK, CLI, start_server, summary

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
N = int(os.environ.get("LISTING_KEYS", "100000"))
data = os.path.join(WORK, f"listing-s3-{N}")
folder = os.path.join(data, "bench", "many")
os.makedirs(folder, exist_ok=True)
if len(os.listdir(folder)) != N:  # seed straight into the store's folder (s3s-fs keeps objects as files)
    for i in range(N):
        with open(os.path.join(folder, f"item-{i:06d}.txt"), "w") as f:
            f.write("x")
proc, env, info = start_server(data)
try:
    # The embedded server builds its key index on the first listing after it starts; time that once,
    # untimed for the listers, so every measured run sees the same server.
    t = time.perf_counter()
    subprocess.run([CLI, "--json", "ls", "s3://bench/many/"], stdout=subprocess.DEVNULL, env=env, check=True)
    index_build = time.perf_counter() - t
    cli_first, cli_all, boto_first, boto_all = [], [], [], []
    for _ in range(RUNS):
        t = time.perf_counter()
        p = subprocess.Popen([CLI, "--json", "ls", "s3://bench/many/", "--all"], stdout=subprocess.PIPE, env=env, text=True)
        count, first = 0, None
        for line in p.stdout:
            first = first or time.perf_counter() - t
            count += len(json.loads(line)["objects"])
        p.wait()
        cli_all.append(time.perf_counter() - t)
        cli_first.append(first)
        assert count == N, count
        s3 = boto3.client("s3", endpoint_url=info["endpoint"], region_name="us-east-1", aws_access_key_id=info["access_key"],
                          aws_secret_access_key=info["secret_key"], config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
        t = time.perf_counter()
        count, first = 0, None
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bench", Prefix="many/", Delimiter="/", PaginationConfig={"PageSize": 1000}):
            first = first or time.perf_counter() - t
            count += len(page.get("Contents", []))
        boto_all.append(time.perf_counter() - t)
        boto_first.append(first)
        assert count == N, count
    print(json.dumps({"keys": N, "server_first_listing_s": index_build, "cli_first_page_s": summary(cli_first), "cli_all_s": summary(cli_all), "boto3_first_page_s": summary(boto_first), "boto3_all_s": summary(boto_all)}))
finally:
    proc.kill()
