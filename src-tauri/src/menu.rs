//! The native menu: File / Edit / View / Profile / Help (and the app menu on macOS), in the app's language,
//! with a keyboard shortcut for each main action; a profile is one click.

use crate::state::AppState;
use bucketlens_core::ipc::MenuAction;
use bucketlens_core::settings::Language;
use tauri::menu::{CheckMenuItemBuilder, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// One app command in the menu: its id (what `on_event` turns into a window action), its keyboard shortcut
/// (Tauri's accelerator syntax) and its label in each language.
#[derive(Debug)]
pub struct Command {
    pub id: &'static str,
    pub accelerator: Option<&'static str>,
    pub en: &'static str,
    pub ja: &'static str,
}

const fn cmd(id: &'static str, accelerator: Option<&'static str>, en: &'static str, ja: &'static str) -> Command {
    Command { id, accelerator, en, ja }
}

/// Refresh is F5 where browsers use it, ⌘R on macOS.
const REFRESH: &str = if cfg!(target_os = "macos") { "Cmd+R" } else { "F5" };

/// The predefined Quit item's own shortcut (muda gives it ⌘Q / Ctrl+Q).
pub const QUIT_ACCELERATOR: &str = "CmdOrCtrl+Q";

pub const FILE: &[Command] = &[
    cmd("open-location", Some("CmdOrCtrl+L"), "Open location…", "場所を開く…"),
    cmd("upload", Some("CmdOrCtrl+U"), "Upload files…", "ファイルをアップロード…"),
    cmd("settings", Some("CmdOrCtrl+,"), "Settings…", "設定…"),
];
pub const VIEW: &[Command] = &[
    cmd("filter", Some("CmdOrCtrl+F"), "Filter this folder", "このフォルダを絞り込む"),
    cmd("refresh", Some(REFRESH), "Refresh folder", "フォルダを更新"),
];
pub const PROFILE: &[Command] = &[cmd(
    "reload-profiles",
    Some("CmdOrCtrl+Shift+R"),
    "Reload profiles",
    "プロファイルを再読み込み",
)];
pub const HELP: &[Command] = &[
    cmd("open-logs", None, "Open log folder", "ログフォルダを開く"),
    cmd("check-updates", None, "Check for updates…", "アップデートを確認…"),
    cmd("about", None, "About BucketLens", "BucketLens について"),
];

/// Submenu titles and the predefined items' texts.
struct Titles {
    app: &'static str,
    file: &'static str,
    edit: &'static str,
    view: &'static str,
    profile: &'static str,
    help: &'static str,
    quit: &'static str,
    hide: &'static str,
}

const EN: Titles = Titles {
    app: "BucketLens",
    file: "File",
    edit: "Edit",
    view: "View",
    profile: "Profile",
    help: "Help",
    quit: "Quit BucketLens",
    hide: "Hide BucketLens",
};

const JA: Titles = Titles {
    app: "BucketLens",
    file: "ファイル",
    edit: "編集",
    view: "表示",
    profile: "プロファイル",
    help: "ヘルプ",
    quit: "BucketLens を終了",
    hide: "BucketLens を隠す",
};

/// Whether the menu is in Japanese: the setting, or for "System" the operating system's language (read
/// through `sys-locale`: GUI apps on macOS and Windows usually have no `LANG`).
fn japanese(lang: Language) -> bool {
    match lang {
        Language::Ja => true,
        Language::En => false,
        Language::System => bucketlens_core::settings::system_locale().is_some_and(|l| l.starts_with("ja")),
    }
}

/// Appends `commands` to `menu`, each with its label in the menu's language and its shortcut.
fn items<'m, 'c, R: Runtime>(
    app: &AppHandle<R>,
    mut menu: SubmenuBuilder<'m, R, AppHandle<R>>,
    commands: impl IntoIterator<Item = &'c Command>,
    ja: bool,
) -> tauri::Result<SubmenuBuilder<'m, R, AppHandle<R>>> {
    for c in commands {
        let mut item = MenuItemBuilder::with_id(c.id, if ja { c.ja } else { c.en });
        if let Some(a) = c.accelerator {
            item = item.accelerator(a);
        }
        menu = menu.item(&item.build(app)?);
    }
    Ok(menu)
}

/// Builds the menu for the current profiles, active profile and language. On macOS the first submenu is the
/// app menu (About, Settings, Hide, Quit), as the platform expects.
pub async fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let state = app.state::<AppState>();
    let ja = japanese(state.settings().language);
    let t = if ja { &JA } else { &EN };
    let names: Vec<String> = state
        .session
        .profiles()
        .await
        .map(|p| p.profiles.into_iter().map(|p| p.name).collect())
        .unwrap_or_default();
    let active = state.session.active_info().await.ok().flatten().map(|i| i.profile);
    let mac = cfg!(target_os = "macos");
    let mut menus = Vec::new();
    // On macOS About and Settings live in the app menu instead of Help and File.
    let moved = |c: &&Command| mac && (c.id == "about" || c.id == "settings");
    if mac {
        let app_menu = items(app, SubmenuBuilder::new(app, t.app), HELP.iter().filter(|c| c.id == "about"), ja)?.separator();
        let app_menu = items(app, app_menu, FILE.iter().filter(|c| c.id == "settings"), ja)?
            .separator()
            .item(&PredefinedMenuItem::hide(app, Some(t.hide))?)
            .item(&PredefinedMenuItem::hide_others(app, None)?)
            .separator()
            .item(&PredefinedMenuItem::quit(app, Some(t.quit))?)
            .build()?;
        menus.push(app_menu);
    }
    let mut file = items(app, SubmenuBuilder::new(app, t.file), FILE.iter().filter(|c| !moved(c)), ja)?;
    if !mac {
        file = file.separator().item(&PredefinedMenuItem::quit(app, Some(t.quit))?);
    }
    menus.push(file.build()?);
    menus.push(
        SubmenuBuilder::new(app, t.edit)
            .undo()
            .redo()
            .separator()
            .cut()
            .copy()
            .paste()
            .select_all()
            .build()?,
    );
    menus.push(items(app, SubmenuBuilder::new(app, t.view), VIEW, ja)?.build()?);
    let mut profile = SubmenuBuilder::new(app, t.profile);
    for n in &names {
        let item = CheckMenuItemBuilder::with_id(format!("profile:{n}"), n)
            .checked(active.as_deref() == Some(n.as_str()))
            .build(app)?;
        profile = profile.item(&item);
    }
    menus.push(items(app, profile.separator(), PROFILE, ja)?.build()?);
    let help_menu = items(app, SubmenuBuilder::new(app, t.help), HELP.iter().filter(|c| !moved(c)), ja)?;
    menus.push(help_menu.build()?);
    let refs: Vec<&dyn tauri::menu::IsMenuItem<R>> = menus.iter().map(|m| m as &dyn tauri::menu::IsMenuItem<R>).collect();
    MenuBuilder::new(app).items(&refs).build()
}

/// The window's own chrome (title bar, native dialogs) follows the theme chosen in Settings; "System"
/// leaves it to the operating system.
pub fn apply_theme<R: Runtime>(app: &AppHandle<R>, theme: bucketlens_core::settings::Theme) {
    use bucketlens_core::settings::Theme;
    let native = match theme {
        Theme::Light => Some(tauri::Theme::Light),
        Theme::Dark => Some(tauri::Theme::Dark),
        Theme::System => None,
    };
    if let Some(w) = app.get_webview_window("main") {
        if let Err(e) = w.set_theme(native) {
            tracing::warn!(error = %e, "could not apply the theme to the window");
        }
    }
}

/// Rebuilds and installs the menu (after a profile switch, a reload or a language change).
pub async fn refresh<R: Runtime>(app: &AppHandle<R>) {
    if !app.state::<AppState>().native_menu.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let started = std::time::Instant::now();
    match build(app).await {
        Ok(menu) => {
            if let Err(e) = app.set_menu(menu) {
                tracing::warn!(error = %e, "could not install the menu");
            }
            tracing::debug!(ms = started.elapsed().as_millis() as u64, "menu installed");
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
            "open-location" => MenuAction::FocusLocation,
            "filter" => MenuAction::FocusFilter,
            "upload" => MenuAction::Upload,
            "refresh" => MenuAction::Refresh,
            "reload-profiles" => MenuAction::ReloadProfiles,
            "about" => MenuAction::About,
            "check-updates" => MenuAction::CheckUpdates,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn all() -> impl Iterator<Item = &'static Command> {
        FILE.iter().chain(VIEW).chain(PROFILE).chain(HELP)
    }

    #[test]
    fn every_shortcut_is_valid_and_unique_and_every_item_speaks_both_languages() {
        let mut seen = vec![muda::accelerator::Accelerator::from_str(QUIT_ACCELERATOR).unwrap()];
        for c in all() {
            assert!(!c.en.is_empty() && !c.ja.is_empty(), "{}", c.id);
            let japanese = c.ja.chars().any(|ch| ('\u{3040}'..='\u{9fff}').contains(&ch));
            assert!(japanese && c.ja != c.en, "{}: {:?} / {:?}", c.id, c.en, c.ja);
            if let Some(a) = c.accelerator {
                let parsed = muda::accelerator::Accelerator::from_str(a).unwrap_or_else(|e| panic!("{}: {a}: {e}", c.id));
                assert!(!seen.contains(&parsed), "{} repeats the shortcut {a}", c.id);
                seen.push(parsed);
            }
        }
        for id in ["open-location", "filter", "refresh", "upload", "settings"] {
            let c = all().find(|c| c.id == id).unwrap();
            assert!(c.accelerator.is_some(), "{id} has no shortcut");
        }
        assert_eq!(seen.len(), 7, "six commands and Quit");
    }

    #[test]
    fn each_command_id_reaches_the_window_as_an_action() {
        let handled = [
            "open-location",
            "upload",
            "settings",
            "filter",
            "refresh",
            "reload-profiles",
            "open-logs",
            "check-updates",
            "about",
        ];
        for c in all() {
            assert!(handled.contains(&c.id), "{} is not handled in on_event", c.id);
        }
    }
}
