//! The reading room through the shell on the mock runtime, against the demo bucket: `preview_object` answers
//! each viewer in one call, and the `thumb:` scheme serves JPEG thumbnails from the active profile, icons'
//! reasons for the rest, and nothing for an address that names no object.

use crate::tests::{app, invoke};
use crate::thumbs::serve;
use serde_json::json;
use tauri::http::Request;
use tauri::Manager;

fn thumb(app: &tauri::App<tauri::test::MockRuntime>, path: &str) -> (u16, String, Vec<u8>) {
    let request = Request::builder()
        .uri(format!("thumb://localhost/{path}"))
        .body(Vec::new())
        .unwrap();
    let r = tauri::async_runtime::block_on(serve(app.handle(), &request));
    let h = |n: &str| r.headers().get(n).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let note = format!("{} {}", h("content-type"), h("x-no-thumbnail"));
    (r.status().as_u16(), note, r.body().clone())
}

#[test]
fn one_call_per_selection_and_thumbnails_on_their_own_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = app(true, dir.path());
    invoke(&w, "bootstrap", json!({})).unwrap();
    let preview = |key: &str| invoke(&w, "preview_object", json!({"request": {"bucket": "demo", "key": key}})).unwrap();
    let md = preview("notes/README.md");
    assert_eq!((md["viewer"].as_str(), md["link"].is_null()), (Some("markdown"), true), "{md}");
    assert!(md["text"]["text"].as_str().unwrap().contains("<script>"), "the source, as text");
    let csv = preview("reports/売上集計-2026.csv");
    assert_eq!(csv["table"]["rows"][0][1], "部署", "{csv}");
    assert_eq!(csv["table"]["encoding"], "Shift_JIS");

    let (status, note, body) = thumb(&app, "demo%2Fimages%2F%E5%86%99%E7%9C%9F%202026.jpg");
    assert_eq!((status, note.trim()), (200, "image/jpeg"));
    let img = image::load_from_memory(&body).unwrap();
    assert_eq!((img.width(), img.height()), (256, 192), "640 × 480 scaled to fit 256");
    let (status, note, _) = thumb(&app, "demo%2Fnotes%2Fpage.html");
    assert_eq!((status, note.as_str()), (415, "text/plain undecodable"));
    let (status, note, _) = thumb(&app, "demo%2Fnotes%2Fmissing.jpg");
    assert_eq!((status, note.as_str()), (502, "text/plain NoSuchKey"));
    let (status, _, _) = thumb(&app, "not%20a%20bucket%2Fx.jpg");
    assert_eq!(status, 400);
    // A PDF's bytes for the window's renderer; anything else is refused on that path.
    let (status, note, body) = thumb(&app, "demo%2Freports%2F2026-q3-summary.pdf?pdf&v=1");
    assert_eq!((status, note.trim(), &body[..5]), (200, "application/pdf", &b"%PDF-"[..]));
    let (status, note, _) = thumb(&app, "demo%2Fnotes%2Fpage.html?pdf");
    assert_eq!((status, note.as_str()), (415, "text/plain not-pdf"));
    // A PDF's tile: drawn by the window, handed back, then answered from the cache; nothing else is taken.
    let (status, note, _) = thumb(&app, "demo%2Freports%2Fbudget%202026%2Bdraft.pdf?v=1");
    assert_eq!((status, note.as_str()), (415, "text/plain pdf"));
    let drawn = {
        use base64::Engine;
        let mut jpeg = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(148, 200, image::Rgb([250, 250, 250]))
            .write_to(&mut jpeg, image::ImageFormat::Jpeg)
            .unwrap();
        base64::engine::general_purpose::STANDARD.encode(jpeg.into_inner())
    };
    let keep = |key: &str, image: &str| {
        invoke(
            &w,
            "keep_thumbnail",
            json!({"request": {"bucket": "demo", "key": key, "image": image}}),
        )
    };
    keep("reports/budget 2026+draft.pdf", &drawn).unwrap();
    let (status, note, body) = thumb(&app, "demo%2Freports%2Fbudget%202026%2Bdraft.pdf?v=1");
    assert_eq!((status, note.trim()), (200, "image/jpeg"));
    assert_eq!(image::load_from_memory(&body).unwrap().height(), 200);
    for (key, image) in [
        ("images/photo.jpg", drawn.as_str()),
        ("reports/2026-q3-summary.pdf", "bm90IGEgcGljdHVyZQ=="),
    ] {
        let err = keep(key, image).unwrap_err();
        assert_eq!(err["kind"], "InvalidInput", "{key}: {err}");
    }
    let data = &app.state::<crate::state::AppState>().paths.data_dir;
    assert_eq!(
        std::fs::read_dir(data.join("thumbs")).unwrap().count(),
        3,
        "two JPEGs and one icon's reason"
    );
}
