"""Seeds the gallery benchmark: 500 photographs-like pictures of mixed sizes under gallery/ on the embedded
server (data kept in target/bench/gallery-s3 and reused). Mix, shuffled with a fixed seed: 340 JPEGs of
1600x1200, 100 of 4000x3000, 40 PNGs of 2400x1800 and 20 JPEGs of 6000x4000 at quality 98 (about 15 MB each).
Usage: python bench/gallery_seed.py"""
import io, json, os, random, sys
import boto3
from PIL import Image, ImageDraw
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import WORK, start_server

DATA = os.path.join(WORK, "gallery-s3")
MARK = os.path.join(WORK, "gallery-seeded.json")


def picture(rng, w, h):
    """Soft shapes over a gradient with sensor-like noise: JPEG sizes close to real photographs'. Drawn at an
    eighth of the size and scaled up (that softens the edges as a lens would), then the noise is added."""
    sw, sh = max(8, w // 8), max(8, h // 8)
    base = Image.linear_gradient("L").resize((sw, sh)).convert("RGB")
    tint = Image.new("RGB", (sw, sh), tuple(rng.randrange(256) for _ in range(3)))
    small = Image.blend(base, tint, 0.6)
    d = ImageDraw.Draw(small)
    for _ in range(30):
        x, y = rng.randrange(sw), rng.randrange(sh)
        r = rng.randrange(max(1, sw // 40), max(2, sw // 6))
        d.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    img = small.resize((w, h), Image.BILINEAR)
    if (w, h) not in NOISE:  # one noise field per size, shared: making it is most of the time
        NOISE[(w, h)] = Image.effect_noise((w, h), 40).convert("RGB")
    return Image.blend(img, NOISE[(w, h)], 0.18)


NOISE = {}


def main():
    if os.path.exists(MARK):
        print(open(MARK).read())
        return
    rng = random.Random(500)
    kinds = [("jpg", 1600, 1200, 85)] * 340 + [("jpg", 4000, 3000, 90)] * 100 + [("png", 2400, 1800, 0)] * 40 + [("jpg", 6000, 4000, 98)] * 20
    rng.shuffle(kinds)
    os.makedirs(DATA, exist_ok=True)
    proc, env, info = start_server(DATA)
    try:
        s3 = boto3.client("s3", endpoint_url=info["endpoint"], aws_access_key_id=info["access_key"],
                          aws_secret_access_key=info["secret_key"], region_name="us-east-1")
        try:
            s3.create_bucket(Bucket="bench")
        except Exception:
            pass
        sizes = []
        for i, (ext, w, h, q) in enumerate(kinds):
            out = io.BytesIO()
            img = picture(rng, w, h)
            if ext == "jpg":
                img.save(out, "JPEG", quality=q)
            else:
                img.save(out, "PNG", compress_level=1)
            body = out.getvalue()
            sizes.append(len(body))
            s3.put_object(Bucket="bench", Key=f"gallery/photo-{i:03d}.{ext}", Body=body,
                          ContentType="image/jpeg" if ext == "jpg" else "image/png")
        summary = {"pictures": len(sizes), "bytes": sum(sizes), "largest": max(sizes), "smallest": min(sizes)}
        json.dump(summary, open(MARK, "w"))
        print(json.dumps(summary))
    finally:
        proc.terminate()


main()
