"""Turns bench/out/results.json into the tables of BENCHMARKS.md (printed to stdout)."""
import json, statistics, sys

r = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "bench/out/results.json"))


def s(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def fmt(x, unit="", d=2):
    return f"{x['median']:.{d}f}{unit} ({x['min']:.{d}f}–{x['max']:.{d}f})"


print("### Presign (µs per URL, 20,000 URLs per run; median (min–max))\n")
print("| path | GET inline | PUT + Content-Type + 1 metadata |\n| --- | --- | --- |")
pr, pb = r.get("presign-rust", {}), r.get("presign-boto3", {})
if pr:
    print(f"| BucketLens presign path | {fmt(s(pr['project_get']))} | {fmt(s(pr['project_put']))} |")
    print(f"| aws-sdk-s3 `presigned()` directly | {fmt(s(pr['sdk_get']))} | {fmt(s(pr['sdk_put']))} |")
if pb:
    print(f"| boto3 `generate_presigned_url` (s3v4) | {fmt(s(pb['boto3_get']))} | {fmt(s(pb['boto3_put']))} |")
def listing_table(l):
    print(f"\n### Listing {l.get('keys', 0):,} keys under one prefix (seconds; median (min–max))\n")
    print("| lister | first page | all pages |\n| --- | --- | --- |")
    print(f"| `bucketlens-cli --json ls --all` (includes process start) | {fmt(l['cli_first_page_s'], ' s', 3)} | {fmt(l['cli_all_s'], ' s', 3)} |")
    print(f"| boto3 paginator | {fmt(l['boto3_first_page_s'], ' s', 3)} | {fmt(l['boto3_all_s'], ' s', 3)} |")
    print(f"\nRatio boto3 / CLI, all pages (median): {l['boto3_all_s']['median'] / l['cli_all_s']['median']:.2f}×")
    if "server_first_listing_s" in l:
        print(f"\nThe embedded server's first listing after it starts (it scans the bucket into its key index; untimed warm-up): {l['server_first_listing_s']:.2f} s")


for name in ("listing", "listing-1m"):
    if name in r:
        listing_table(r[name])
if "million" in r:
    m = r["million"]
    print(f"\n### {m['keys']:,} keys under one prefix in the window (release app under Xvfb; median (min–max))\n")
    print("| measurement | figure | target |\n| --- | --- | --- |")
    print(f"| click on the folder to first rows painted | {fmt(m['first_rows_ms'], ' ms', 0)} | ≤ 300 ms |")
    print(f"| click to every page listed (count says all) | {fmt(m['all_pages_ms'], ' ms', 0)} | |")
    print(f"| PSS growth, app + WebKit processes, all listed | {fmt(m['pss_growth_mib'], ' MiB', 0)} | ≤ 250 MB |")
    print(f"| longest frame scrolling top to bottom (2,000 steps) | {fmt(m['longest_frame_ms'], ' ms', 1)} | ≤ 50 ms |")
    print(f"| 99th percentile frame over {m['frames_measured']:,} frames | {m['frame_p99_ms']:.1f} ms | |")
    if "frame_median_ms" in m:
        print(f"| median frame | {m['frame_median_ms']:.1f} ms | |")
    if "slow_frames_step_ms" in m:
        slow = [len(run) for run in m["slow_frames_step_ms"]]
        print(f"| frames over 50 ms, per run (of {m['frames_measured'] // len(slow):,}) | {', '.join(map(str, slow))} | |")
    if "pss_growth_by_process_mib" in m:
        per = m["pss_growth_by_process_mib"]
        names = sorted({k for run in per for k in run})
        print("\nPSS growth by process, per run: " + "; ".join(
            ", ".join(f"{n} {run.get(n, 0):.0f} MiB" for n in names) for run in per) + ".")
if "search" in r:
    x = r["search"]
    print(f"\n### Search: {x['keys']:,} keys under one prefix, `{x['pattern']}` ({x['hits']:,} hits; seconds; median (min–max))\n")
    print("| searcher | first hit | all pages |\n| --- | --- | --- |")
    print(f"| `bucketlens-cli --json find --name` (includes process start) | {fmt(x['cli_first_hit_s'], ' s', 3)} | {fmt(x['cli_all_s'], ' s', 2)} |")
    print(f"| boto3 paginator, no delimiter, `fnmatch` on the name | {fmt(x['boto3_first_hit_s'], ' s', 3)} | {fmt(x['boto3_all_s'], ' s', 1)} |")
    print(f"\nRatio boto3 / CLI, all pages (median): {x['boto3_all_s']['median'] / x['cli_all_s']['median']:.1f}× (target ≥ 10×)")
if "search-window" in r:
    w = r["search-window"]
    print(f"\n### The same search in the window (release app under Xvfb, from the bucket's top; median (min–max))\n")
    print("| measurement | figure | target |\n| --- | --- | --- |")
    print(f"| first hit painted after its page reached the window | {fmt(w['first_hit_painted_after_arrival_ms'], ' ms', 0)} | ≤ 200 ms |")
    print(f"| Search pressed to first hit painted | {fmt(w['pressed_to_first_hit_painted_ms'], ' ms', 0)} | |")
    print(f"| Search pressed to done ({w['keys']:,} names read) | {fmt(w['pressed_to_done_ms'], ' ms', 0)} | |")
    print(f"| PSS growth, app + WebKit processes, while it ran | {fmt(w['pss_growth_mib'], ' MiB', 0)} | bounded (hits, not keys) |")
if "upload" in r:
    print("\n### Upload through a presigned PUT (MiB/s and peak RSS; median (min–max))\n")
    print("| size | CLI `put` MiB/s | `curl -T` MiB/s | ratio CLI/curl | CLI forced single PUT MiB/s | ratio single/curl | CLI peak RSS MiB | curl peak RSS MiB |\n| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, u in r["upload"].items():
        print(f"| {name} | {fmt(u['cli_mib_s'], '', 1)} | {fmt(u['curl_mib_s'], '', 1)} | {fmt(u['throughput_ratio_cli_over_curl'])} | {fmt(u['cli_single_put_mib_s'], '', 1)} | {fmt(u['throughput_ratio_single_put_over_curl'])} | {fmt(u['cli_peak_rss_mib'], '', 1)} | {fmt(u['curl_peak_rss_mib'], '', 1)} |")
if "app" in r:
    a = r["app"]
    print("\n### App under Xvfb (median (min–max))\n")
    print(f"- cold start to first painted list: {fmt(a['cold_start_to_list_ms'], ' ms', 0)}")
    print(f"- idle PSS, app + its {a['processes'] - 1} child processes: {fmt(a['idle_pss_mib'], ' MiB', 0)}")
    if a.get("start_phases_in_page_ms"):
        ph = a["start_phases_in_page_ms"]
        def med(k):
            v = [p[k] for p in ph if p.get(k) is not None]
            return f"{statistics.median(v):.0f} ms" if v else "none (the first page came with bootstrap)"
        print(f"- where it goes, on the page's clock from navigation start (median of {len(ph)}): script running "
              f"{med('script')}, bootstrap answered {med('bootstrap')}, a listing asked for {med('listAsked')}, "
              f"its first page in {med('firstPage')}, first render {med('render')}, rows committed {med('committed')}, "
              f"first contentful paint {med('firstContentfulPaint')}, mark after the rows' frame {med('painted')}")
    if "cold_start_to_list_mark_after_frame_ms" in a:
        print(f"- the same start to the app's mark after the rows' frame (a frame later than the paint): "
              f"{fmt(a['cold_start_to_list_mark_after_frame_ms'], ' ms', 0)}")
    if "probe_first_paint_ms" in a:
        print("\n| measurement | BucketLens | floor, same run | ratio (per run) | target |\n| --- | --- | --- | --- | --- |")
        print(f"| cold start → first paint (app: first painted list; paint entries on the page's clock) | {fmt(a['cold_start_to_list_ms'], ' ms', 0)} | probe's first contentful paint {fmt(a['probe_first_paint_ms'], ' ms', 0)} | {fmt(a['start_ratio_to_probe'])} | ≤ 1.5 |")
        print(f"| idle PSS with WebKit processes | {fmt(a['idle_pss_mib'], ' MiB', 0)} | probe {fmt(a['probe_idle_pss_mib'], ' MiB', 0)} | {fmt(a['pss_ratio_to_probe'])} | ≤ 1.2 |")
        print(f"| 4000×3000 JPEG: click → decoded (in page) | {fmt(a['jpeg_click_to_decoded_in_page_ms'], ' ms', 0)} | bare `<img>` decode() {fmt(a['jpeg_bare_img_decoded_ms'], ' ms', 0)} | {fmt(a['jpeg_ratio_to_bare'])} | ≤ 1.3 |")
        print(f"| {a['pdf_bytes'] / 1e6:.1f} MB PDF: click → painted (screenshot polls) | {fmt(a['pdf_click_to_painted_ms'], ' ms', 0)} | bare `<iframe>` {fmt(a['pdf_bare_iframe_painted_ms'], ' ms', 0)} | {fmt(a['pdf_ratio_to_bare'])} | ≤ 1.3 |")
        if "probe_first_paint_polled_ms" in a:
            print(f"| the same start, found by polling every 200 ms | {fmt(a['cold_start_to_list_polled_ms'], ' ms', 0)} | {fmt(a['probe_first_paint_polled_ms'], ' ms', 0)} | | |")
        print(f"\nPolling error (one screenshot poll): app {fmt(a['pdf_poll_resolution_ms'], ' ms', 0)}, bare frame {fmt(a['pdf_bare_poll_resolution_ms'], ' ms', 0)}.\n")
    print(f"- click to loaded, 4000×3000 JPEG: {fmt(a['jpeg_4000x3000_click_to_loaded_ms'], ' ms', 0)}")
    if "jpeg_click_to_shown_after_frame_ms" in a:
        print(f"- click to the decoded photo shown (placeholder gone, after that frame): {fmt(a['jpeg_click_to_shown_after_frame_ms'], ' ms', 0)}")
    if "jpeg_click_to_img_element_ms" in a:
        print(f"- click to the preview's `<img>` in the page (the app's part before loading starts): {fmt(a['jpeg_click_to_img_element_ms'], ' ms', 0)}")
    if a.get("pdf_click_to_painted_ms"):
        print(f"- click to painted, {a['pdf_bytes'] / 1e6:.1f} MB PDF (2 pages of 4000×3000 JPEG): {fmt(a['pdf_click_to_painted_ms'], ' ms', 0)}; "
              f"one screenshot poll takes {fmt(a['pdf_poll_resolution_ms'], ' ms', 0)}")
    else:
        print("- click to loaded, 5 MB PDF: not measured (ImageMagick's policy here forbids writing PDF)")
if "gallery" in r:
    g = r["gallery"]
    p = g["pictures"]
    print(f"\n### The gallery and the full-window viewer ({p['pictures']} pictures, {p['bytes'] / 1e9:.2f} GB; median (min–max))\n")
    print("| measurement | figure | target |\n| --- | --- | --- |")
    print(f"| first screen of thumbnails ({g['tiles_on_first_screen']['median']} tiles), cold | {fmt(g['first_screen_cold_ms'], ' ms', 0)} | ≤ 1.5 s |")
    print(f"| the same after a restart, from the disk cache | {fmt(g['first_screen_after_restart_ms'], ' ms', 0)} | ≤ 300 ms |")
    print(f"| PSS growth of app + WebKit while scrolling all of them | {fmt(g['pss_growth_all_500_mib'], ' MiB', 0)} | ≤ 100 MB |")
    print(f"| disk cache afterwards (cap {g['cache_cap_mb']} MB) | {fmt(g['cache_mb'], ' MB', 1)} | within the cap |")
    print(f"| viewer: next picture painted, against a bare `<img>` of a fresh URL | {fmt(g['viewer_next_painted_ms'], ' ms', 0)} vs {fmt(g['bare_img_decoded_ms'], ' ms', 0)}; ratio {fmt(g['viewer_next_ratio_to_bare'])} | ≤ 1.2 |")
