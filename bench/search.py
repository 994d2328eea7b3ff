"""Searching 1,000,000 keys under one prefix on the embedded S3 for a name pattern: the CLI (`find`, the core's
search) vs a boto3 paginator loop doing the same match (no delimiter, every page, the glob on the file name,
case ignored). Uses the data folder bench/listing.py seeded with LISTING_KEYS=1000000."""
import fnmatch, json, os, subprocess, sys, time
import boto3
from botocore.config import Config
from common import WORK, CLI, start_server, summary

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
N = 1_000_000
PATTERN = "item-0*7.txt"  # 10,000 hits spread over the whole prefix (item-000007 … item-099997)
data = os.path.join(WORK, f"listing-s3-{N}")
assert len(os.listdir(os.path.join(data, "bench", "many"))) == N, "seed it first: LISTING_KEYS=1000000 bench/listing.py 1"
proc, env, info = start_server(data)
try:
    subprocess.run([CLI, "--json", "ls", "s3://bench/many/"], stdout=subprocess.DEVNULL, env=env, check=True)  # index, untimed
    cli_first, cli_all, boto_first, boto_all = [], [], [], []
    for _ in range(RUNS):
        t = time.perf_counter()
        p = subprocess.Popen([CLI, "--json", "find", "s3://bench/many/", "--name", PATTERN], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env, text=True)
        hits, first = 0, None
        for line in p.stdout:
            first = first or time.perf_counter() - t
            json.loads(line)
            hits += 1
        p.wait()
        cli_all.append(time.perf_counter() - t)
        cli_first.append(first)
        assert hits == 10_000, hits
        s3 = boto3.client("s3", endpoint_url=info["endpoint"], region_name="us-east-1", aws_access_key_id=info["access_key"],
                          aws_secret_access_key=info["secret_key"], config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
        t = time.perf_counter()
        hits, first = 0, None
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bench", Prefix="many/", PaginationConfig={"PageSize": 1000}):
            for o in page.get("Contents", []):
                if fnmatch.fnmatch(o["Key"].rsplit("/", 1)[-1].lower(), PATTERN):
                    first = first or time.perf_counter() - t
                    hits += 1
        boto_all.append(time.perf_counter() - t)
        boto_first.append(first)
        assert hits == 10_000, hits
    print(json.dumps({"keys": N, "pattern": PATTERN, "hits": 10_000, "cli_first_hit_s": summary(cli_first), "cli_all_s": summary(cli_all),
                      "boto3_first_hit_s": summary(boto_first), "boto3_all_s": summary(boto_all)}))
finally:
    proc.kill()
