//! The native menu: File / Edit / View / Profile / Help, in the app's language; a profile is one click.

use crate::state::AppState;
use bucketlens_core::ipc::MenuAction;
use bucketlens_core::settings::Language;
use tauri::menu::{CheckMenuItemBuilder, Menu, MenuBuilder, MenuEvent, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Menu labels; the window's own strings live in the UI catalog.
struct Labels {
    file: &'static str,
    settings: &'static str,
    quit: &'static str,
    edit: &'static str,
    view: &'static str,
    reload_view: &'static str,
    profile: &'static str,
    reload_profiles: &'static str,
    help: &'static str,
    open_logs: &'static str,
    about: &'static str,
}

const EN: Labels = Labels {
    file: "File",
    settings: "Settings…",
    quit: "Quit",
    edit: "Edit",
    view: "View",
    reload_view: "Refresh folder",
    profile: "Profile",
    reload_profiles: "Reload profiles",
    help: "Help",
    open_logs: "Open log folder",
    about: "About BucketLens",
};

const JA: Labels = Labels {
    file: "ファイル",
    settings: "設定…",
    quit: "終了",
    edit: "編集",
    view: "表示",
    reload_view: "フォルダを更新",
    profile: "プロファイル",
    reload_profiles: "プロファイルを再読み込み",
    help: "ヘルプ",
    open_logs: "ログフォルダを開く",
    about: "BucketLens について",
};

fn labels(lang: Language) -> &'static Labels {
    let system_ja = || std::env::var("LANG").unwrap_or_default().starts_with("ja");
    match lang {
        Language::Ja => &JA,
        Language::En => &EN,
        Language::System if system_ja() => &JA,
        Language::System => &EN,
    }
}

/// Builds the menu for the current profiles, active profile and language.
pub async fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let state = app.state::<AppState>();
    let l = labels(state.settings().language);
    let names: Vec<String> = state
        .session
        .profiles()
        .await
        .map(|p| p.profiles.into_iter().map(|p| p.name).collect())
        .unwrap_or_default();
    let active = state.session.active_info().await.ok().flatten().map(|i| i.profile);
    let file = SubmenuBuilder::new(app, l.file)
        .text("settings", l.settings)
        .separator()
        .quit_with_text(l.quit)
        .build()?;
    let edit = SubmenuBuilder::new(app, l.edit)
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let view = SubmenuBuilder::new(app, l.view).text("refresh", l.reload_view).build()?;
    let mut profile = SubmenuBuilder::new(app, l.profile);
    for n in &names {
        let item = CheckMenuItemBuilder::with_id(format!("profile:{n}"), n)
            .checked(active.as_deref() == Some(n.as_str()))
            .build(app)?;
        profile = profile.item(&item);
    }
    let profile = profile.separator().text("reload-profiles", l.reload_profiles).build()?;
    let help = SubmenuBuilder::new(app, l.help)
        .text("open-logs", l.open_logs)
        .text("about", l.about)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view, &profile, &help]).build()
}

/// Rebuilds and installs the menu (after a profile switch, a reload or a language change).
pub async fn refresh<R: Runtime>(app: &AppHandle<R>) {
    if !app.state::<AppState>().native_menu.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    match build(app).await {
        Ok(menu) => {
            if let Err(e) = app.set_menu(menu) {
                tracing::warn!(error = %e, "could not install the menu");
            }
        }
        Err(e) => tracing::warn!(error = %e, "could not build the menu"),
    }
}

/// Menu clicks become `menu` events for the window, carrying a `MenuAction`.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let action = match id.strip_prefix("profile:") {
        Some(name) => MenuAction::SelectProfile { profile: name.to_owned() },
        None => match id {
            "settings" => MenuAction::Settings,
            "refresh" => MenuAction::Refresh,
            "reload-profiles" => MenuAction::ReloadProfiles,
            "about" => MenuAction::About,
            "open-logs" => {
                let dir = app.state::<AppState>().paths.log_dir.clone();
                use tauri_plugin_opener::OpenerExt;
                if let Err(e) = app.opener().open_path(dir.display().to_string(), None::<&str>) {
                    tracing::warn!(error = %e, "could not open the log folder");
                }
                return;
            }
            _ => return,
        },
    };
    if let Err(e) = app.emit(MenuAction::EVENT, action) {
        tracing::warn!(error = %e, "could not deliver a menu event");
    }
}
