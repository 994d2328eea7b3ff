"""boto3 generate_presigned_url with SigV4 (boto3 signs SigV2 in us-east-1 unless told): µs per URL per run."""
import json, sys, time
import boto3
from botocore.config import Config

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
s3 = boto3.client("s3", region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
                  aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                  config=Config(signature_version="s3v4"))
out = {}
for case in ("boto3_get", "boto3_put"):
    per_run = []
    for _ in range(runs):
        t = time.perf_counter()
        for i in range(count):
            key = f"reports/2026/file-{i}.pdf"
            if case == "boto3_get":
                s3.generate_presigned_url("get_object", Params={"Bucket": "bench-bucket", "Key": key, "ResponseContentDisposition": "inline"}, ExpiresIn=300)
            else:
                s3.generate_presigned_url("put_object", Params={"Bucket": "bench-bucket", "Key": key, "ContentType": "image/jpeg", "Metadata": {"uploaded-by": "bench"}}, ExpiresIn=1800)
        per_run.append((time.perf_counter() - t) * 1e6 / count)
    out[case] = per_run
print(json.dumps(out))
